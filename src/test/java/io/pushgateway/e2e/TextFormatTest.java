package io.pushgateway.e2e;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The text format 0.0.4 push parser (spec §7): what it accepts, and for malformed bodies the 400
 * with Go's {@code text format parsing error in line N: ...} while the store stays unchanged.
 */
class TextFormatTest {
  @RegisterExtension static final TestGateway gateway = new TestGateway();

  private static final String EXISTING = "/metrics/job/tf_existing";

  @BeforeAll
  static void pushExistingGroup() {
    gateway.pushOk(EXISTING, "# TYPE tf_kept gauge\ntf_kept 1\n");
  }

  static Stream<Arguments> malformedBodies() {
    return Stream.of(
        bad("blablabla\n", 1, "expected float as value, got \"\""),
        bad("x abc\n", 1, "expected float as value, got \"abc\""),
        bad("x 0x10\n", 1, "expected float as value, got \"0x10\""),
        bad("x 1e400\n", 1, "expected float as value, got \"1e400\""),
        bad("x 1_0\n", 1, "expected float as value, got \"1_0\""),
        bad("foo 1\r\n", 1, "expected float as value, got \"1\\r\""),
        bad("good 2\nbad bad\n", 2, "expected float as value, got \"bad\""),
        bad("-x 1\n", 1, "invalid metric name"),
        bad("1x 2\n", 1, "invalid metric name"),
        bad("foo-bar 1\n", 1, "expected float as value, got \"-bar\""),
        bad("x{a=b} 1\n", 1, "expected '\"' at start of label value, found 'b'"),
        bad("x{a=\"1\" b=\"2\"} 1\n", 1, "unexpected end of label value \"1\""),
        bad("x{a=\"1\",a=\"2\"} 1\n", 1, "duplicate label names for metric \"x\""),
        bad("x{__name__=\"y\"} 1\n", 1, "label name \"__name__\" is reserved"),
        bad("x{=\"1\"} 1\n", 1, "invalid label name for metric \"x\""),
        bad("x{a:b=\"1\"} 1\n", 1, "expected '=' after label name, found ':'"),
        bad("x{a=\"\\t\"} 1\n", 1, "invalid escape sequence '\\t'"),
        bad("x{a=\"1\nb\"} 1\n", 1, "label value \"1\" contains unescaped new-line"),
        bad("x{a=\"\u00ff\"} 1\n", 1, "invalid label value \"\\xff\""),
        bad("foo 1", 1, "unexpected end of input stream"),
        bad("foo 1\n# comment", 2, "unexpected end of input stream"),
        bad("h23 7 \n", 1, "expected integer as timestamp, got \"\""),
        bad("h23 7\t\n", 1, "expected integer as timestamp, got \"\""),
        bad("x 1 abc\n", 1, "expected integer as timestamp, got \"abc\""),
        bad("\n\nfoo 1 2 3\n", 3, "spurious string after timestamp: \" 3\""),
        bad("# TYPE x foo\nx 1\n", 1, "unknown metric type \"foo\""),
        bad(
            "# TYPE foo counter\n# TYPE foo counter\nfoo 1\n",
            2,
            "second TYPE line for metric name \"foo\", or TYPE reported after samples"),
        bad(
            "foo 1\n# TYPE foo counter\n",
            2,
            "second TYPE line for metric name \"foo\", or TYPE reported after samples"),
        bad(
            "# TYPE x summary\nx_count 1\n# TYPE x_sum gauge\nx_sum 2\n",
            3,
            "second TYPE line for metric name \"x\", or TYPE reported after samples"),
        bad("# HELP x a\n# HELP x b\nx 1\n", 2, "second HELP line for metric name \"x\""),
        bad("# HELP x a\\tb\nx 1\n", 1, "invalid escape sequence '\\t'"),
        bad("# TYPE x@ counter\n", 1, "invalid metric name in comment"),
        bad(
            "# TYPE h histogram\nh_bucket{le=\"abc\"} 1\n",
            2,
            "expected float as value for 'le' label, got \"abc\""),
        bad(
            "# TYPE s summary\ns{quantile=\"x\"} 1\n",
            2,
            "expected float as value for 'quantile' label, got \"x\""));
  }

  private static Arguments bad(String body, int line, String message) {
    return Arguments.of(body, "text format parsing error in line " + line + ": " + message);
  }

  @ParameterizedTest(name = "{index}: {0}")
  @MethodSource("malformedBodies")
  void malformedBody_isRejectedWithTheLineAndReason_andChangesNothing(String body, String error) {
    String before = ScrapeText.onlyJobs(gateway.scrape(), "tf_existing");

    for (String method : new String[] {"PUT", "POST"}) {
      // ISO-8859-1 keeps \u00ff a single 0xFF byte: invalid UTF-8.
      Response response = gateway.request(method, EXISTING, body.getBytes(ISO_8859_1));
      assertThat(response.describe("Content-Type"))
          .as("%s %s", method, body)
          .isEqualTo("400\nContent-Type: text/plain; charset=utf-8\n\n" + error + "\n");
    }

    assertThat(ScrapeText.onlyJobs(gateway.scrape(), "tf_existing")).isEqualTo(before);
    assertThat(before).contains("tf_kept{instance=\"\",job=\"tf_existing\"} 1\n");
    assertThat(before).contains("push_failure_time_seconds{instance=\"\",job=\"tf_existing\"} 0\n");
  }

  @Test
  void parseErrorOnANewGroup_createsNoGroup() {
    assertThat(gateway.put("/metrics/job/tf_new", "blablabla\n").status()).isEqualTo(400);

    assertThat(gateway.pushedWithTimes("tf_new")).isEmpty();
  }

  // ---- accepted bodies

  @Test
  void everyType() {
    gateway.pushOk(
        "/metrics/job/tf_types",
        """
        # HELP tf_c_total Counts things.
        # TYPE tf_c_total counter
        tf_c_total 5
        tf_c_total{x="y"} 6
        # HELP tf_g A gauge.
        # TYPE tf_g gauge
        tf_g -1.5
        # TYPE tf_u untyped
        tf_u 3
        # HELP tf_s A summary.
        # TYPE tf_s summary
        tf_s{quantile="0.5"} 0.1
        tf_s{quantile="0.99"} 0.5
        tf_s_sum 12.5
        tf_s_count 100
        # HELP tf_h A histogram.
        # TYPE tf_h histogram
        tf_h_bucket{le="0.1"} 3
        tf_h_bucket{le="1"} 17
        tf_h_bucket{le="+Inf"} 20
        tf_h_sum 99.23
        tf_h_count 20
        """);

    assertThat(gateway.pushed("tf_types"))
        .isEqualTo(
            """
            # HELP tf_c_total Counts things.
            # TYPE tf_c_total counter
            tf_c_total{instance="",job="tf_types"} 5
            tf_c_total{instance="",job="tf_types",x="y"} 6
            # HELP tf_g A gauge.
            # TYPE tf_g gauge
            tf_g{instance="",job="tf_types"} -1.5
            # HELP tf_h A histogram.
            # TYPE tf_h histogram
            tf_h_bucket{instance="",job="tf_types",le="0.1"} 3
            tf_h_bucket{instance="",job="tf_types",le="1"} 17
            tf_h_bucket{instance="",job="tf_types",le="+Inf"} 20
            tf_h_sum{instance="",job="tf_types"} 99.23
            tf_h_count{instance="",job="tf_types"} 20
            # HELP tf_s A summary.
            # TYPE tf_s summary
            tf_s{instance="",job="tf_types",quantile="0.5"} 0.1
            tf_s{instance="",job="tf_types",quantile="0.99"} 0.5
            tf_s_sum{instance="",job="tf_types"} 12.5
            tf_s_count{instance="",job="tf_types"} 100
            # TYPE tf_u untyped
            tf_u{instance="",job="tf_types"} 3
            """);
  }

  @Test
  void commentsAndHelpOrTypeWithoutSamples_areIgnored() {
    gateway.pushOk(
        "/metrics/job/tf_comments",
        "#\n# random comment\n# EOF\n# TYPE\n# HELP h23\n"
            + "# TYPE tf_only_type counter\n# HELP tf_only_help x\ntf_m 1\n");

    assertThat(gateway.pushed("tf_comments"))
        .isEqualTo(
            """
            # TYPE tf_m untyped
            tf_m{instance="",job="tf_comments"} 1
            """);
  }

  @Test
  void whitespace_blankLinesAndATrailingCommaAreTolerated() {
    gateway.pushOk("/metrics/job/tf_space", "\n   tf_m 1\n\t tf_n{ a = \"1\" , } 2\ntf_o{} 3\n   ");

    assertThat(gateway.pushed("tf_space"))
        .isEqualTo(
            """
            # TYPE tf_m untyped
            tf_m{instance="",job="tf_space"} 1
            # TYPE tf_n untyped
            tf_n{a="1",instance="",job="tf_space"} 2
            # TYPE tf_o untyped
            tf_o{instance="",job="tf_space"} 3
            """);
  }

  @Test
  void helpAndTypeVariants() {
    gateway.pushOk(
        "/metrics/job/tf_help",
        "# HELP tf_empty \ntf_empty 1\n# HELP tf_help_only Only help.\ntf_help_only 1\n"
            + "# TYPE tf_upper COUNTER\ntf_upper 1\n# TYPE tf_mixed Gauge\ntf_mixed 2\n"
            + "# HELP tf_escaped a\\\\b\\nc\ntf_escaped 3\n");

    assertThat(gateway.pushed("tf_help"))
        .isEqualTo(
            """
            # TYPE tf_empty untyped
            tf_empty{instance="",job="tf_help"} 1
            # HELP tf_escaped a\\\\b\\nc
            # TYPE tf_escaped untyped
            tf_escaped{instance="",job="tf_help"} 3
            # HELP tf_help_only Only help.
            # TYPE tf_help_only untyped
            tf_help_only{instance="",job="tf_help"} 1
            # TYPE tf_mixed gauge
            tf_mixed{instance="",job="tf_help"} 2
            # TYPE tf_upper counter
            tf_upper{instance="",job="tf_help"} 1
            """);
  }

  @Test
  void samplesOfAFamilyNeedNotBeContiguous() {
    gateway.pushOk("/metrics/job/tf_split", "tf_foo{a=\"1\"} 1\ntf_bar 1\ntf_foo{a=\"2\"} 2\n");

    assertThat(gateway.pushed("tf_split"))
        .isEqualTo(
            """
            # TYPE tf_bar untyped
            tf_bar{instance="",job="tf_split"} 1
            # TYPE tf_foo untyped
            tf_foo{a="1",instance="",job="tf_split"} 1
            tf_foo{a="2",instance="",job="tf_split"} 2
            """);
  }

  @Test
  void suffixesWithoutADeclaredBase_areFamiliesOfTheirOwn() {
    gateway.pushOk("/metrics/job/tf_suffix", "tf_x_sum 1\ntf_x_count 2\ntf_y_bucket{le=\"1\"} 3\n");

    assertThat(gateway.pushed("tf_suffix"))
        .isEqualTo(
            """
            # TYPE tf_x_count untyped
            tf_x_count{instance="",job="tf_suffix"} 2
            # TYPE tf_x_sum untyped
            tf_x_sum{instance="",job="tf_suffix"} 1
            # TYPE tf_y_bucket untyped
            tf_y_bucket{instance="",job="tf_suffix",le="1"} 3
            """);
  }

  @Test
  void partialSummary_missingPartsAreZero_oneMetricPerLabelSet() {
    gateway.pushOk(
        "/metrics/job/tf_partial",
        "# TYPE tf_s2 summary\ntf_s2{quantile=\"0.5\",a=\"x\"} 1\ntf_s2_count 3\n"
            + "tf_s2{a=\"y\",quantile=\"0.9\"} 7\n");

    assertThat(gateway.pushed("tf_partial"))
        .isEqualTo(
            """
            # TYPE tf_s2 summary
            tf_s2_sum{instance="",job="tf_partial"} 0
            tf_s2_count{instance="",job="tf_partial"} 3
            tf_s2{a="x",instance="",job="tf_partial",quantile="0.5"} 1
            tf_s2_sum{a="x",instance="",job="tf_partial"} 0
            tf_s2_count{a="x",instance="",job="tf_partial"} 0
            tf_s2{a="y",instance="",job="tf_partial",quantile="0.9"} 7
            tf_s2_sum{a="y",instance="",job="tf_partial"} 0
            tf_s2_count{a="y",instance="",job="tf_partial"} 0
            """);
  }

  @Test
  void histogramWithoutInfBucket_getsOneWithTheCount() {
    gateway.pushOk(
        "/metrics/job/tf_noinf",
        "# TYPE tf_h2 histogram\ntf_h2_bucket{le=\"1\"} 2\ntf_h2_bucket{le=\"5\"} 4\n"
            + "tf_h2_sum 7\ntf_h2_count 5\n");

    assertThat(gateway.pushed("tf_noinf"))
        .isEqualTo(
            """
            # TYPE tf_h2 histogram
            tf_h2_bucket{instance="",job="tf_noinf",le="1"} 2
            tf_h2_bucket{instance="",job="tf_noinf",le="5"} 4
            tf_h2_bucket{instance="",job="tf_noinf",le="+Inf"} 5
            tf_h2_sum{instance="",job="tf_noinf"} 7
            tf_h2_count{instance="",job="tf_noinf"} 5
            """);
  }
}
