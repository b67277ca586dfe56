package io.pushgateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoStringTest {

  /** Expected values printed by Go 1.19's strconv.Quote for the same bytes. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      value = {
        "6122625c63 | '\"a\\\"b\\\\c\"'",
        "0007080c0a0d090b1f7f | '\"\\x00\\a\\b\\f\\n\\r\\t\\v\\x1f\\x7f\"'",
        "cea0cf81 | '\"Πρ\"'",
        "c2a0c2adc3a9 | '\"\\u00a0\\u00adé\"'",
        "fffe | '\"\\xff\\xfe\"'",
        "e28241 | '\"\\xe2\\x82A\"'",
        "eda080 | '\"\\xed\\xa0\\x80\"'",
        "f4908080 | '\"\\xf4\\x90\\x80\\x80\"'",
        "c0af | '\"\\xc0\\xaf\"'",
        "f09f9880 | '\"😀\"'",
        "e2808be280a8ee8080 | '\"\\u200b\\u2028\\ue000\"'",
        "f3a08081 | '\"\\U000e0001\"'",
        "efbfbd | '\"�\"'",
        "cdb8 | '\"\\u0378\"'",
        "f48fbfbf | '\"\\U0010ffff\"'",
        "'' | '\"\"'",
      })
  void quote_matchesGoStrconvQuote(String hex, String expected) {
    byte[] bytes = HexFormat.of().parseHex(hex);
    assertThat(GoString.quote(bytes)).isEqualTo(expected);
    assertThat(GoString.quote(GoString.fromBytes(bytes))).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"''", "41", "ff", "cea0ff41", "e282", "eda080", "f09f9880", "c0af80", "f0908080ff"})
  void fromBytes_roundTripsEveryByteSequence(String hex) {
    byte[] bytes = HexFormat.of().parseHex(hex);
    assertThat(GoString.toBytes(GoString.fromBytes(bytes))).isEqualTo(bytes);
  }

  @ParameterizedTest
  @CsvSource({"'', true", "41, true", "cea0, true", "f09f9880, true", "ff, false", "e282, false"})
  void isValidUtf8_detectsEscapedBytes(String hex, boolean valid) {
    String s = GoString.fromBytes(HexFormat.of().parseHex(hex));
    assertThat(GoString.isValidUtf8(s)).isEqualTo(valid);
  }

  @ParameterizedTest
  @CsvSource({"U+10080", "U+1DC80", "U+1D800"})
  void supplementaryCharactersWhoseLowHalfLooksLikeAnEscapeStayValid(String codePoint) {
    String s = Character.toString(Integer.parseInt(codePoint.substring(2), 16));
    assertThat(GoString.isValidUtf8(s)).isTrue();
    assertThat(GoString.fromBytes(GoString.toBytes(s))).isEqualTo(s);
  }
}
