package io.pushgateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoDurationTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "300ms | 300000000",
        "5m | 300000000000",
        "1h30m | 5400000000000",
        "1.5h | 5400000000000",
        "0 | 0",
        "-0 | 0",
        "+0 | 0",
        "0s | 0",
        "-1s | -1000000000",
        "+1s | 1000000000",
        ".5s | 500000000",
        "1.s | 1000000000",
        "1ns | 1",
        "1us | 1000",
        "1\u00b5s | 1000",
        "1\u03bcs | 1000",
        "2d | 172800000000000",
        "1w2d3h | 788400000000000",
        "1.0000000001s | 1000000000",
        "9223372036854775807ns | 9223372036854775807",
        "2562047h | 9223369200000000000",
        "1h1m1s1ms1us1ns | 3661001001001",
      })
  void parse_acceptsGoAndKingpinSyntax(String text, long nanos) {
    assertThat(GoDuration.parse(text)).isEqualTo(Duration.ofNanos(nanos));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "abc | time: invalid duration \"abc\"",
        "'' | time: invalid duration \"\"",
        "- | time: invalid duration \"-\"",
        ".s | time: invalid duration \".s\"",
        "5 | time: missing unit in duration \"5\"",
        "1h1 | time: missing unit in duration \"1h1\"",
        "5x | time: unknown unit \"x\" in duration \"5x\"",
        "1h-1m | time: unknown unit \"h-\" in duration \"1h-1m\"",
        "1S | time: unknown unit \"S\" in duration \"1S\"",
        "9223372036854775808ns | time: invalid duration \"9223372036854775808ns\"",
        "2562048h | time: invalid duration \"2562048h\"",
        "15251w | time: invalid duration \"15251w\"",
        "2562047h48m | time: invalid duration \"2562047h48m\"",
      })
  void parse_rejectsWithGoMessage(String text, String message) {
    assertThatThrownBy(() -> GoDuration.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "0 | 0s",
        "1 | 1ns",
        "999 | 999ns",
        "1000 | 1\u00b5s",
        "1500 | 1.5\u00b5s",
        "300000000 | 300ms",
        "1000000 | 1ms",
        "1000000000 | 1s",
        "1500000000 | 1.5s",
        "3000000000 | 3s",
        "60000000000 | 1m0s",
        "60500000000 | 1m0.5s",
        "300000000000 | 5m0s",
        "5400000000000 | 1h30m0s",
        "86400000000000 | 24h0m0s",
        "-1000000000 | -1s",
        "-1 | -1ns",
        "9223372036854775807 | 2562047h47m16.854775807s",
        "-9223372036854775808 | -2562047h47m16.854775808s",
      })
  void format_matchesGoDurationString(long nanos, String expected) {
    assertThat(GoDuration.format(Duration.ofNanos(nanos))).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"5m, 5m0s", "1.5h, 1h30m0s", "1d, 24h0m0s", "300ms, 300ms", "0, 0s"})
  void parseThenFormat_showsTheValueAsTheStatusPageDoes(String flag, String shown) {
    assertThat(GoDuration.format(GoDuration.parse(flag))).isEqualTo(shown);
  }
}
