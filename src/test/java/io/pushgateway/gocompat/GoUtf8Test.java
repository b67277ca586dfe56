package io.pushgateway.gocompat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoUtf8Test {
  private static int decode(byte[] b) {
    return GoUtf8.rune(GoUtf8.decodeRune(b, 0, b.length));
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void decode_readsValidUtf8AndMarksInvalidBytes() {
    assertThat(decode(utf8("é"))).isEqualTo((int) 'é');
    assertThat(decode(utf8("€"))).isEqualTo((int) '€');
    assertThat(decode(utf8("\uD83D\uDE00"))).isEqualTo(0x1F600);
    assertThat(decode(new byte[] {(byte) 0xFF})).isEqualTo(GoUtf8.RUNE_ERROR);
    assertThat(decode(new byte[] {(byte) 0xC3})).isEqualTo(GoUtf8.RUNE_ERROR);
    assertThat(decode(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})) // a surrogate
        .isEqualTo(GoUtf8.RUNE_ERROR);
  }

  @Test
  void decode_tellsAnInvalidByteFromAnEncodedReplacementCharacter() {
    int invalid = GoUtf8.decodeRune(new byte[] {(byte) 0xFF}, 0, 1);
    int encoded = GoUtf8.decodeRune(utf8("\uFFFD"), 0, 3);

    assertThat(GoUtf8.isError(invalid)).isTrue();
    assertThat(GoUtf8.width(invalid)).isEqualTo(1);
    assertThat(GoUtf8.isError(encoded)).isFalse();
    assertThat(GoUtf8.width(encoded)).isEqualTo(3);
  }

  @Test
  void encodeInto_overwritesOnlyTheRunesBytes() {
    byte[] buf = {9, 9, 9, 9};
    GoUtf8.encodeInto(buf, 'a');
    assertThat(buf).containsExactly(97, 9, 9, 9);
    GoUtf8.encodeInto(buf, 'é');
    assertThat(buf).containsExactly(0xC3, 0xA9, 9, 9);
  }

  @ParameterizedTest
  @CsvSource({
    "'', true",
    "41, true",
    "cea0, true",
    "f09f9880, true",
    "ff, false",
    "e282, false",
    "eda080, false",
    "c0af, false",
    "f4908080, false",
    "f48fbfbf, true"
  })
  void isValid_followsGoRules(String hex, boolean valid) {
    assertThat(GoUtf8.isValid(HexFormat.of().parseHex(hex))).isEqualTo(valid);
  }

  @Test
  void check_classifiesAsciiValidAndInvalid() {
    byte[] b = utf8("ab\u00e9");
    assertThat(GoUtf8.check(b, 0, 2)).isEqualTo(GoUtf8.ASCII);
    assertThat(GoUtf8.check(b, 0, b.length)).isEqualTo(GoUtf8.NON_ASCII);
    assertThat(GoUtf8.check(b, 0, b.length - 1)).isEqualTo(GoUtf8.INVALID);
    assertThat(GoUtf8.decodeValid(b, 1, b.length)).isEqualTo("b\u00e9");
  }
}
