package io.pushgateway.gocompat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ByteStringsTest {
  @ParameterizedTest
  @CsvSource({"''", "41", "ff", "cea0ff41", "e282", "eda080", "f09f9880", "c0af80", "f0908080ff"})
  void of_roundTripsEveryByteSequence(String hex) {
    byte[] bytes = HexFormat.of().parseHex(hex);
    assertThat(ByteStrings.bytes(ByteStrings.of(bytes))).isEqualTo(bytes);
  }

  @ParameterizedTest
  @CsvSource({"'', true", "41, true", "cea0, true", "f09f9880, true", "ff, false", "e282, false"})
  void isValidUtf8_detectsInvalidBytes(String hex, boolean valid) {
    String s = ByteStrings.of(HexFormat.of().parseHex(hex));
    assertThat(ByteStrings.isValidUtf8(s)).isEqualTo(valid);
  }

  @Test
  void fromUtf8_andToUtf8_convertBetweenTextAndBytes() {
    assertThat(ByteStrings.fromUtf8("Πé")).isEqualTo("\u00ce\u00a0\u00c3\u00a9");
    assertThat(ByteStrings.toUtf8("\u00ce\u00a0\u00c3\u00a9")).isEqualTo("Πé");
    assertThat(ByteStrings.toUtf8("a\u00ff")).isEqualTo("a\uFFFD");
  }

  @Test
  void fromRaw_keepsByteStringsAndEncodesWiderText() {
    assertThat(ByteStrings.fromRaw("/\u00ce\u00a0")).isEqualTo("/\u00ce\u00a0");
    assertThat(ByteStrings.fromRaw("/Π")).isEqualTo("/\u00ce\u00a0");
  }
}
