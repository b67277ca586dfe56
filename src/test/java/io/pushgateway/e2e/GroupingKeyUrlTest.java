package io.pushgateway.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * How the URL {@code /metrics/job/<job>{/<label>/<value>}} becomes a grouping key (spec §4), how
 * grouping labels end up on the pushed series (§5.2), and every 400 of §4 with its text.
 */
class GroupingKeyUrlTest {
  @RegisterExtension static final TestGateway gateway = new TestGateway();

  /** URL-safe base64 without padding, as clients write grouping values containing {@code /}. */
  private static String b64(String value) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(value.getBytes(UTF_8));
  }

  /** URL-safe base64 with padding. */
  private static String b64Padded(String value) {
    return Base64.getUrlEncoder().encodeToString(value.getBytes(UTF_8));
  }

  @Test
  void extraLabels_becomeGroupingLabelsOnEverySeries() {
    gateway.pushOk("/metrics/job/gk_extra/instance/i1/zone/eu-west", "gk_m 1\n");

    assertThat(gateway.pushedWithTimes("gk_extra"))
        .isEqualTo(
            """
            # TYPE gk_m untyped
            gk_m{instance="i1",job="gk_extra",zone="eu-west"} 1
            # HELP push_failure_time_seconds Last Unix time when changing this group in the Pushgateway failed.
            # TYPE push_failure_time_seconds gauge
            push_failure_time_seconds{instance="i1",job="gk_extra",zone="eu-west"} 0
            # HELP push_time_seconds Last Unix time when changing this group in the Pushgateway succeeded.
            # TYPE push_time_seconds gauge
            push_time_seconds{instance="i1",job="gk_extra",zone="eu-west"} <time>
            """);
    assertThat(gateway.get("/api/v1/metrics").text())
        .contains("\"labels\":{\"instance\":\"i1\",\"job\":\"gk_extra\",\"zone\":\"eu-west\"}");
  }

  @Test
  void groupingLabels_areSetOnEveryTypeOfSeries() {
    gateway.pushOk(
        "/metrics/job/gk_types/instance/i/zone/z",
        """
        # TYPE gk_counter_total counter
        gk_counter_total{code="200"} 42
        # TYPE gk_summary summary
        gk_summary{quantile="0.5"} 0.1
        gk_summary_sum 12.5
        gk_summary_count 100
        # TYPE gk_histogram histogram
        gk_histogram_bucket{le="0.1"} 3
        gk_histogram_bucket{le="+Inf"} 20
        gk_histogram_sum 99.23
        gk_histogram_count 20
        """);

    assertThat(gateway.pushed("gk_types"))
        .isEqualTo(
            """
            # TYPE gk_counter_total counter
            gk_counter_total{code="200",instance="i",job="gk_types",zone="z"} 42
            # TYPE gk_histogram histogram
            gk_histogram_bucket{instance="i",job="gk_types",zone="z",le="0.1"} 3
            gk_histogram_bucket{instance="i",job="gk_types",zone="z",le="+Inf"} 20
            gk_histogram_sum{instance="i",job="gk_types",zone="z"} 99.23
            gk_histogram_count{instance="i",job="gk_types",zone="z"} 20
            # TYPE gk_summary summary
            gk_summary{instance="i",job="gk_types",zone="z",quantile="0.5"} 0.1
            gk_summary_sum{instance="i",job="gk_types",zone="z"} 12.5
            gk_summary_count{instance="i",job="gk_types",zone="z"} 100
            """);
  }

  @Test
  void urlLabels_overridePushedLabelsOfTheSameName() {
    gateway.pushOk("/metrics/job/gk_override/z/zz", "gk_m{z=\"1\",job=\"other\",a=\"2\"} 1\n");
    gateway.pushOk("/metrics/job/gk_override/instance/url", "gk_m{instance=\"body\"} 1\n");

    assertThat(gateway.pushed("gk_override"))
        .isEqualTo(
            """
            # TYPE gk_m untyped
            gk_m{instance="url",job="gk_override"} 1
            gk_m{a="2",instance="",job="gk_override",z="zz"} 1
            """);
  }

  @Test
  void pushedInstance_survivesWhenTheUrlHasNone_andIsEmptyOtherwise() {
    gateway.pushOk(
        "/metrics/job/gk_instance",
        "gk_m{instance=\"i1\"} 1\ngk_m{instance=\"i2\"} 2\ngk_n 3\ngk_n2{a=\"1\"} 4\n");

    assertThat(gateway.pushed("gk_instance"))
        .isEqualTo(
            """
            # TYPE gk_m untyped
            gk_m{instance="i1",job="gk_instance"} 1
            gk_m{instance="i2",job="gk_instance"} 2
            # TYPE gk_n untyped
            gk_n{instance="",job="gk_instance"} 3
            # TYPE gk_n2 untyped
            gk_n2{a="1",instance="",job="gk_instance"} 4
            """);
  }

  @Test
  void labels_areSortedByName() {
    gateway.pushOk("/metrics/job/gk_sorted/b/2", "gk_m{z=\"1\",a=\"1\",m=\"1\"} 1\n");

    assertThat(gateway.pushed("gk_sorted"))
        .isEqualTo(
            """
            # TYPE gk_m untyped
            gk_m{a="1",b="2",instance="",job="gk_sorted",m="1",z="1"} 1
            """);
  }

  @Test
  void base64Job_mayContainSlashes_withOrWithoutPadding() {
    assertThat(b64Padded("gk/padded1")).endsWith("=");
    gateway.pushOk("/metrics/job@base64/" + b64Padded("gk/padded1"), "gk_m 1\n");
    gateway.pushOk("/metrics/job@base64/" + b64("gk/unpadded"), "gk_m 2\n");

    assertThat(gateway.pushed("gk/padded1", "gk/unpadded"))
        .isEqualTo(
            """
            # TYPE gk_m untyped
            gk_m{instance="",job="gk/padded1"} 1
            gk_m{instance="",job="gk/unpadded"} 2
            """);
  }

  @Test
  void base64Values_withOrWithoutPaddingAddressTheSameGroup() {
    gateway.pushOk("/metrics/job/gk_pad/x@base64/Zm9v", "gk_a 1\n");
    gateway.pushOk("/metrics/job/gk_pad/x@base64/Zm9v=", "gk_b 1\n");
    gateway.pushOk("/metrics/job/gk_pad/y@base64/Zm8", "gk_c 1\n");
    gateway.pushOk("/metrics/job/gk_pad/y@base64/Zm8=", "gk_d 1\n");
    // Unused low bits of the last character are ignored: Zm9 is "fo" as well.
    gateway.pushOk("/metrics/job/gk_pad/y@base64/Zm9", "gk_e 1\n");

    assertThat(gateway.pushed("gk_pad"))
        .isEqualTo(
            """
            # TYPE gk_b untyped
            gk_b{instance="",job="gk_pad",x="foo"} 1
            # TYPE gk_e untyped
            gk_e{instance="",job="gk_pad",y="fo"} 1
            """);
  }

  @Test
  void base64Value_mayContainSlashes() {
    gateway.pushOk("/metrics/job/gk_slash/path@base64/" + b64("/var/tmp"), "gk_m 1\n");

    assertThat(gateway.pushed("gk_slash"))
        .isEqualTo(
            """
            # TYPE gk_m untyped
            gk_m{instance="",job="gk_slash",path="/var/tmp"} 1
            """);
  }

  @Test
  void base64Equals_isTheEmptyValue_withAnyNumberOfEquals() {
    gateway.pushOk("/metrics/job/gk_empty/e@base64/=", "gk_m 1\n");
    gateway.pushOk("/metrics/job/gk_empty/e@base64/===", "gk_n 1\n");

    assertThat(gateway.pushed("gk_empty"))
        .isEqualTo(
            """
            # TYPE gk_n untyped
            gk_n{e="",instance="",job="gk_empty"} 1
            """);
  }

  @Test
  void delete_withBase64JobAndValue_removesThatGroup() {
    String group = "/metrics/job@base64/" + b64("gk/del") + "/e@base64/=";
    gateway.pushOk(group, "gk_m 1\n");
    gateway.pushOk("/metrics/job/gk_keep", "gk_m 2\n");

    assertThat(gateway.delete(group).status()).isEqualTo(202);

    assertThat(gateway.pushed("gk/del", "gk_keep"))
        .isEqualTo(
            """
            # TYPE gk_m untyped
            gk_m{instance="",job="gk_keep"} 2
            """);
  }

  @Test
  void percentEncoding_isDecoded() {
    Response response = gateway.raw("PUT", "/metrics/job/gk%20pct/path/%CE%A0%CF%81", "gk_m 1\n");

    assertThat(response.status()).isEqualTo(200);
    assertThat(gateway.pushed("gk pct"))
        .isEqualTo(
            """
            # TYPE gk_m untyped
            gk_m{instance="",job="gk pct",path="Πρ"} 1
            """);
  }

  @Test
  void percentEncodedSlash_splitsThePath() {
    assertThat(gateway.raw("PUT", "/metrics/job/gk_split/a%2F1", "gk_m 1\n").status())
        .isEqualTo(200);

    assertThat(gateway.pushed("gk_split"))
        .isEqualTo(
            """
            # TYPE gk_m untyped
            gk_m{a="1",instance="",job="gk_split"} 1
            """);
  }

  @Test
  void plus_isALiteralPlus() {
    assertThat(gateway.raw("PUT", "/metrics/job/gk+plus/v/c+d", "gk_m 1\n").status())
        .isEqualTo(200);

    assertThat(gateway.pushed("gk+plus"))
        .isEqualTo(
            """
            # TYPE gk_m untyped
            gk_m{instance="",job="gk+plus",v="c+d"} 1
            """);
  }

  @Test
  void repeatedLabel_lastValueWins() {
    gateway.pushOk("/metrics/job/gk_repeat/a/1/a/2", "gk_m 1\n");

    assertThat(gateway.pushed("gk_repeat"))
        .isEqualTo(
            """
            # TYPE gk_m untyped
            gk_m{a="2",instance="",job="gk_repeat"} 1
            """);
  }

  @Test
  void jobAmongTheLabels_isIgnored() {
    gateway.pushOk("/metrics/job/gk_jobjob/job/bar", "gk_m 1\n");
    // The same group: this PUT replaces the first one.
    gateway.pushOk("/metrics/job/gk_jobjob", "gk_n 1\n");

    assertThat(gateway.pushed("gk_jobjob", "bar"))
        .isEqualTo(
            """
            # TYPE gk_n untyped
            gk_n{instance="",job="gk_jobjob"} 1
            """);
  }

  @Test
  void trailingSlashAfterTheJob_isAccepted() {
    gateway.pushOk("/metrics/job/gk_trailing/", "gk_m 1\n");

    assertThat(gateway.pushed("gk_trailing"))
        .isEqualTo(
            """
            # TYPE gk_m untyped
            gk_m{instance="",job="gk_trailing"} 1
            """);
  }

  @Test
  void doubleSlash_isRedirectedWith301EvenForPut_andNothingIsStored() {
    Response first = gateway.raw("PUT", "/metrics/job//gk_dbl", "gk_m 1\n");
    Response second = gateway.raw("PUT", "/metrics/job/gk_dbl/a//b", "gk_m 1\n");

    assertThat(first.describe("Location")).isEqualTo("301\nLocation: /metrics/job/gk_dbl\n\n");
    assertThat(second.describe("Location")).isEqualTo("301\nLocation: /metrics/job/gk_dbl/a/b\n\n");
    assertThat(gateway.pushedWithTimes("gk_dbl")).isEmpty();
  }

  static Stream<Arguments> badUrls() {
    return Stream.of(
        Arguments.of("/metrics/job/gk_bad/a", "odd number of components in label string \"/a\""),
        Arguments.of(
            "/metrics/job/gk_bad/a/b/c", "odd number of components in label string \"/a/b/c\""),
        Arguments.of(
            "/metrics/job/gk_bad/a/b/", "odd number of components in label string \"/a/b/\""),
        Arguments.of(
            "/metrics/job/gk_bad/a/x%2Fy", "odd number of components in label string \"/a/x/y\""),
        Arguments.of("/metrics/job/gk%2Fo", "odd number of components in label string \"/o\""),
        Arguments.of("/metrics/job/gk_bad/a-b/1", "improper label name \"a-b\""),
        Arguments.of("/metrics/job/gk_bad/__a/1", "improper label name \"__a\""),
        Arguments.of("/metrics/job/gk_bad/1a/x", "improper label name \"1a\""),
        Arguments.of("/metrics/job/gk_bad/__a@base64/MQ", "improper label name \"__a\""),
        Arguments.of(
            "/metrics/job/gk_bad/a@base64@base64/Zm9v", "improper label name \"a@base64\""),
        Arguments.of(
            "/metrics/job/gk_bad/x@base64/a",
            "invalid base64 encoding for label x=\"a\": illegal base64 data at input byte 0"),
        Arguments.of(
            "/metrics/job/gk_bad/x@base64/Zm9=v",
            "invalid base64 encoding for label x=\"Zm9=v\": illegal base64 data at input byte 3"),
        Arguments.of(
            "/metrics/job/gk_bad/x@base64/Zm9vY",
            "invalid base64 encoding for label x=\"Zm9vY\": illegal base64 data at input byte 4"),
        Arguments.of(
            "/metrics/job/gk_bad/x@base64/Zm9+",
            "invalid base64 encoding for label x=\"Zm9+\": illegal base64 data at input byte 3"),
        Arguments.of(
            "/metrics/job@base64/a+b",
            "invalid base64 encoding in job name \"\": illegal base64 data at input byte 1"),
        Arguments.of(
            "/metrics/job@base64/Zm9vY",
            "invalid base64 encoding in job name \"foo\": illegal base64 data at input byte 4"),
        Arguments.of("/metrics/job@base64/=", "job name is required"),
        // Label errors are reported before the empty job.
        Arguments.of("/metrics/job@base64/=/a-b/c", "improper label name \"a-b\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badUrls")
  void badUrl_answers400WithGosText_forPutPostAndDelete(String path, String message) {
    String apiBefore = gateway.get("/api/v1/metrics").text();

    for (String method : new String[] {"PUT", "POST", "DELETE"}) {
      Response response = gateway.raw(method, path, "gk_m 1\n");
      assertThat(response.describe("Content-Type", "X-Content-Type-Options"))
          .as("%s %s", method, path)
          .isEqualTo(
              "400\nContent-Type: text/plain; charset=utf-8\nX-Content-Type-Options: nosniff\n\n"
                  + message
                  + "\n");
    }

    assertThat(gateway.get("/api/v1/metrics").text()).isEqualTo(apiBefore);
  }

  @Test
  void invalidBase64Job_doesNotBlockLaterRequests() {
    // Go 1.5.1 deadlocks the base64 handler after this error; here each method keeps working.
    for (String method : new String[] {"PUT", "POST", "DELETE", "PUT", "POST", "DELETE"}) {
      assertThat(gateway.raw(method, "/metrics/job@base64/Zm9vY", "gk_m 1\n").status())
          .isEqualTo(400);
    }

    gateway.pushOk("/metrics/job@base64/" + b64("gk/after"), "gk_m 1\n");
    assertThat(gateway.post("/metrics/job@base64/" + b64("gk/after"), "gk_n 1\n").status())
        .isEqualTo(200);

    assertThat(gateway.pushed("gk/after"))
        .isEqualTo(
            """
            # TYPE gk_m untyped
            gk_m{instance="",job="gk/after"} 1
            # TYPE gk_n untyped
            gk_n{instance="",job="gk/after"} 1
            """);
    assertThat(gateway.delete("/metrics/job@base64/" + b64("gk/after")).status()).isEqualTo(202);
  }

  @Test
  void invalidUtf8GroupingValue_isRejectedWith400AndStoresNothing() {
    // Deliberate deviation: Go stores a "poisoned" group that makes every later push and scrape
    // fail; here the URL is rejected before anything is stored.
    Response percent = gateway.raw("PUT", "/metrics/job/gk_utf8/x/%FF", "gk_m 1\n");
    Response base64Value = gateway.raw("PUT", "/metrics/job/gk_utf8/x@base64/_w", "gk_m 1\n");
    Response base64Job = gateway.raw("PUT", "/metrics/job@base64/_w", "gk_m 1\n");

    assertThat(percent.describe())
        .isEqualTo("400\n\ninvalid UTF-8 in value of label x: \"\\xff\"\n");
    assertThat(base64Value.describe())
        .isEqualTo("400\n\ninvalid UTF-8 in value of label x: \"\\xff\"\n");
    assertThat(base64Job.describe())
        .isEqualTo("400\n\ninvalid UTF-8 in value of label job: \"\\xff\"\n");
    assertThat(gateway.raw("DELETE", "/metrics/job/gk_utf8/x/%FF", "").describe())
        .isEqualTo("400\n\ninvalid UTF-8 in value of label x: \"\\xff\"\n");
    assertThat(gateway.pushedWithTimes("gk_utf8", "\ufffd")).isEmpty();
    assertThat(gateway.get("/metrics").status()).isEqualTo(200);
    gateway.pushOk("/metrics/job/gk_utf8", "gk_m 1\n");
  }
}
