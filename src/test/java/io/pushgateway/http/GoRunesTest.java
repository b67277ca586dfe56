package io.pushgateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GoRunesTest {
  private static String utf8(String text) {
    return ByteStrings.fromUtf8(text);
  }

  @Test
  void decode_readsValidUtf8AndMarksInvalidBytes() {
    assertThat(GoRunes.decode(utf8("é"), 0)).isEqualTo((int) 'é');
    assertThat(GoRunes.decode(utf8("€"), 0)).isEqualTo((int) '€');
    assertThat(GoRunes.decode(utf8("\uD83D\uDE00"), 0)).isEqualTo(0x1F600);
    assertThat(GoRunes.decode("\u00ff", 0)).isEqualTo(GoRunes.RUNE_ERROR);
    assertThat(GoRunes.decode("\u00c3", 0)).isEqualTo(GoRunes.RUNE_ERROR);
    assertThat(GoRunes.decode("\u00ed\u00a0\u0080", 0)).isEqualTo(GoRunes.RUNE_ERROR); // surrogate
  }

  @Test
  void equalFold_foldsCaseLikeGo() {
    assertThat(GoRunes.equalFold("metrics", "METRICS")).isTrue();
    assertThat(GoRunes.equalFold(utf8("k"), utf8("\u212a"))).isTrue(); // Kelvin sign
    assertThat(GoRunes.equalFold(utf8("é"), utf8("É"))).isTrue();
    assertThat(GoRunes.equalFold("a", "ab")).isFalse();
    assertThat(GoRunes.equalFold("-", "_")).isFalse();
  }

  @Test
  void encodeInto_overwritesOnlyTheRunesBytes() {
    byte[] buf = {9, 9, 9, 9};
    GoRunes.encodeInto(buf, 'a');
    assertThat(buf).containsExactly(97, 9, 9, 9);
    GoRunes.encodeInto(buf, 'é');
    assertThat(buf).containsExactly(0xC3, 0xA9, 9, 9);
  }
}
