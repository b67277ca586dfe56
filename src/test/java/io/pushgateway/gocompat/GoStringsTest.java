package io.pushgateway.gocompat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GoStringsTest {
  private static boolean equalFold(String s, String t) {
    return GoStrings.equalFold(
        s.getBytes(StandardCharsets.UTF_8), t.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void equalFold_foldsCaseLikeGo() {
    assertThat(equalFold("metrics", "METRICS")).isTrue();
    assertThat(equalFold("k", "\u212a")).isTrue(); // Kelvin sign
    assertThat(equalFold("é", "É")).isTrue();
    assertThat(equalFold("a", "ab")).isFalse();
    assertThat(equalFold("-", "_")).isFalse();
  }

  @Test
  void equalFold_takesInvalidBytesAsReplacementCharacters() {
    byte[] invalid = {'a', (byte) 0xFF};
    assertThat(GoStrings.equalFold(invalid, "A\uFFFD".getBytes(StandardCharsets.UTF_8))).isTrue();
  }

  @Test
  void trimSpace_andToLower_followGo() {
    assertThat(GoStrings.trimSpace("\u00a0\t a b\u0085\u2028")).isEqualTo("a b");
    assertThat(GoStrings.toLower("TEXT/Plain\u212A")).isEqualTo("text/plaink");
  }
}
