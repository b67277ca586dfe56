package io.pushgateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoFloatTest {

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
    assertThat(Double.valueOf(GoFloat.parseFloat32(s))).isEqualTo(Double.valueOf(expected));
  }
}
