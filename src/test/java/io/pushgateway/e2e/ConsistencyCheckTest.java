package io.pushgateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The consistency check of spec §9: a push is rejected (400, nothing stored, failure time recorded)
 * when the gateway's families plus every group's would not make a valid scrape.
 */
class ConsistencyCheckTest {
  private static final String REJECTED =
      "pushed metrics are invalid or inconsistent with existing metrics: ";

  @RegisterExtension static final TestGateway gateway = new TestGateway();

  @Test
  void typeClashAcrossGroups_isRejected_andKeepsTheRejectedGroupsData() {
    gateway.pushOk("/metrics/job/cs_clash_a", "# TYPE cs_x counter\ncs_x 1\n");
    gateway.pushOk("/metrics/job/cs_clash_b", "cs_y 1\n");

    Response response =
        gateway.put("/metrics/job/cs_clash_b", "# TYPE cs_x gauge\ncs_x 2\ncs_y 5\n");

    assertThat(response.describe())
        .isEqualTo(
            "400\n\n"
                + REJECTED
                + "collected metric \"cs_x\" { label:<name:\"instance\" value:\"\" >"
                + " label:<name:\"job\" value:\"cs_clash_b\" > gauge:<value:2 > } is not a COUNTER\n");
    assertThat(gateway.pushedWithTimes("cs_clash_a", "cs_clash_b"))
        .isEqualTo(
            """
            # TYPE cs_x counter
            cs_x{instance="",job="cs_clash_a"} 1
            # TYPE cs_y untyped
            cs_y{instance="",job="cs_clash_b"} 1
            # HELP push_failure_time_seconds Last Unix time when changing this group in the Pushgateway failed.
            # TYPE push_failure_time_seconds gauge
            push_failure_time_seconds{instance="",job="cs_clash_a"} 0
            push_failure_time_seconds{instance="",job="cs_clash_b"} <time>
            # HELP push_time_seconds Last Unix time when changing this group in the Pushgateway succeeded.
            # TYPE push_time_seconds gauge
            push_time_seconds{instance="",job="cs_clash_a"} <time>
            push_time_seconds{instance="",job="cs_clash_b"} <time>
            """);
  }

  @Test
  void untypedAgainstCounter_isRejectedForPutAndPost() {
    gateway.pushOk("/metrics/job/cs_untyped_a", "cs_u 1\n");

    Response put = gateway.put("/metrics/job/cs_untyped_b", "# TYPE cs_u counter\ncs_u 2\n");
    Response post = gateway.post("/metrics/job/cs_untyped_b", "# TYPE cs_u counter\ncs_u 2\n");

    String expected =
        "400\n\n"
            + REJECTED
            + "collected metric \"cs_u\" { label:<name:\"instance\" value:\"\" >"
            + " label:<name:\"job\" value:\"cs_untyped_b\" > counter:<value:2 > } is not a UNTYPED\n";
    assertThat(put.describe()).isEqualTo(expected);
    assertThat(post.describe()).isEqualTo(expected);
    assertThat(gateway.pushed("cs_untyped_a", "cs_untyped_b"))
        .isEqualTo(
            """
            # TYPE cs_u untyped
            cs_u{instance="",job="cs_untyped_a"} 1
            """);
  }

  @Test
  void postChangingTheTypeOfAFamilyNoOtherGroupHas_isAccepted() {
    gateway.pushOk("/metrics/job/cs_retype", "# TYPE cs_retyped counter\ncs_retyped 1\n");

    assertThat(
            gateway
                .post("/metrics/job/cs_retype", "# TYPE cs_retyped gauge\ncs_retyped 2\n")
                .status())
        .isEqualTo(200);

    assertThat(gateway.pushed("cs_retype"))
        .isEqualTo(
            """
            # TYPE cs_retyped gauge
            cs_retyped{instance="",job="cs_retype"} 2
            """);
  }

  @Test
  void sameFamilyFromSeveralGroups_isMergedIntoOne() {
    gateway.pushOk(
        "/metrics/job/cs_merge_a",
        "# HELP cs_merged same help\n# TYPE cs_merged counter\ncs_merged 1\n");
    gateway.pushOk(
        "/metrics/job/cs_merge_b",
        "# HELP cs_merged same help\n# TYPE cs_merged counter\ncs_merged 2\n");
    gateway.pushOk(
        "/metrics/job/cs_merge_c/instance/i",
        "# HELP cs_merged same help\n# TYPE cs_merged counter\ncs_merged 3\n");

    assertThat(gateway.pushed("cs_merge_a", "cs_merge_b", "cs_merge_c"))
        .isEqualTo(
            """
            # HELP cs_merged same help
            # TYPE cs_merged counter
            cs_merged{instance="",job="cs_merge_a"} 1
            cs_merged{instance="",job="cs_merge_b"} 2
            cs_merged{instance="i",job="cs_merge_c"} 3
            """);
  }

  @Test
  void duplicateSeriesViaGroupingLabels_isRejected() {
    gateway.pushOk("/metrics/job/cs_dup", "cs_dup_m{instance=\"i1\"} 1\n");

    Response response = gateway.put("/metrics/job/cs_dup/instance/i1", "cs_dup_m 2\n");

    assertThat(response.describe())
        .isEqualTo(
            "400\n\n"
                + REJECTED
                + "collected metric \"cs_dup_m\" { label:<name:\"instance\" value:\"i1\" >"
                + " label:<name:\"job\" value:\"cs_dup\" > untyped:<value:1 > } was collected before"
                + " with the same name and label values\n");
    assertThat(gateway.pushed("cs_dup"))
        .isEqualTo(
            """
            # TYPE cs_dup_m untyped
            cs_dup_m{instance="i1",job="cs_dup"} 1
            """);
  }

  @Test
  void duplicateSeriesInOnePush_isRejected() {
    Response response = gateway.put("/metrics/job/cs_dup_one", "cs_twice 1\ncs_twice 2\n");

    assertThat(response.describe())
        .isEqualTo(
            "400\n\n"
                + REJECTED
                + "collected metric \"cs_twice\" { label:<name:\"instance\" value:\"\" >"
                + " label:<name:\"job\" value:\"cs_dup_one\" > untyped:<value:2 > } was collected"
                + " before with the same name and label values\n");
  }

  @Test
  void labelNameWithDoubleUnderscore_passesTheParserButNotTheCheck() {
    Response response = gateway.put("/metrics/job/cs_dunder", "cs_h7{__x=\"x\"} 1\n");

    assertThat(response.describe())
        .isEqualTo(
            "400\n\n"
                + REJECTED
                + "collected metric \"cs_h7\" { label:<name:\"__x\" value:\"x\" >"
                + " label:<name:\"instance\" value:\"\" > label:<name:\"job\" value:\"cs_dunder\" >"
                + " untyped:<value:1 > } has a label with an invalid name: __x\n");
  }

  @Test
  void summaryAgainstACountOrSumSuffix_isRejected() {
    gateway.pushOk(
        "/metrics/job/cs_sum_a",
        "# TYPE cs_s summary\ncs_s{quantile=\"0.5\"} 1\ncs_s_sum 1\ncs_s_count 1\n");

    Response count =
        gateway.put("/metrics/job/cs_sum_b", "# TYPE cs_s_count gauge\ncs_s_count 2\n");
    Response sum = gateway.put("/metrics/job/cs_sum_c", "cs_s_sum 2\n");

    assertThat(count.text())
        .isEqualTo(
            REJECTED
                + "collected metric named \"cs_s_count\" collides with previously collected summary"
                + " named \"cs_s\"\n");
    assertThat(sum.text())
        .isEqualTo(
            REJECTED
                + "collected metric named \"cs_s_sum\" collides with previously collected summary"
                + " named \"cs_s\"\n");
    assertThat(gateway.pushed("cs_sum_a", "cs_sum_b", "cs_sum_c"))
        .isEqualTo(
            """
            # TYPE cs_s summary
            cs_s{instance="",job="cs_sum_a",quantile="0.5"} 1
            cs_s_sum{instance="",job="cs_sum_a"} 1
            cs_s_count{instance="",job="cs_sum_a"} 1
            """);
  }

  @Test
  void histogramAgainstABucketSuffix_isRejected() {
    gateway.pushOk(
        "/metrics/job/cs_hist_a",
        "# TYPE cs_hh histogram\ncs_hh_bucket{le=\"1\"} 1\ncs_hh_sum 1\ncs_hh_count 1\n");

    Response response = gateway.put("/metrics/job/cs_hist_b", "cs_hh_bucket 2\n");

    assertThat(response.text())
        .isEqualTo(
            REJECTED
                + "collected metric named \"cs_hh_bucket\" collides with previously collected"
                + " histogram named \"cs_hh\"\n");
  }

  @Test
  void helpDifferingBetweenGroups_isAccepted_theFirstGroupInGroupingKeyOrderWins() {
    // Go picks a random winner per scrape; here it is the first group in grouping-key order.
    // {instance="x",job=...} sorts before {job=...} (the key starts with the first label name).
    gateway.pushOk("/metrics/job/cs_help_a", "# HELP cs_hm help one\ncs_hm 1\n");
    gateway.pushOk("/metrics/job/cs_help_b", "# HELP cs_hm help two\ncs_hm 2\n");
    gateway.pushOk("/metrics/job/cs_help_c", "cs_hm 3\n");
    gateway.pushOk("/metrics/job/cs_help_z/instance/x", "# HELP cs_hm help of z\ncs_hm 4\n");

    assertThat(gateway.pushed("cs_help_a", "cs_help_b", "cs_help_c", "cs_help_z"))
        .isEqualTo(
            """
            # HELP cs_hm help of z
            # TYPE cs_hm untyped
            cs_hm{instance="",job="cs_help_a"} 1
            cs_hm{instance="",job="cs_help_b"} 2
            cs_hm{instance="",job="cs_help_c"} 3
            cs_hm{instance="x",job="cs_help_z"} 4
            """);
    assertThat(gateway.get("/api/v1/metrics").text())
        .contains("\"cs_hm\":{\"time_stamp\":")
        .contains("\"type\":\"UNTYPED\",\"help\":\"help one\",")
        .contains("\"type\":\"UNTYPED\",\"help\":\"help two\",");
  }

  @Test
  void helpOfTheWinningGroupMayBeNone() {
    gateway.pushOk("/metrics/job/cs_nohelp_a", "cs_nh 1\n");
    gateway.pushOk("/metrics/job/cs_nohelp_b", "# HELP cs_nh some help\ncs_nh 2\n");

    assertThat(gateway.pushed("cs_nohelp_a", "cs_nohelp_b"))
        .isEqualTo(
            """
            # TYPE cs_nh untyped
            cs_nh{instance="",job="cs_nohelp_a"} 1
            cs_nh{instance="",job="cs_nohelp_b"} 2
            """);
  }

  @Test
  void goGoroutinesUntyped_isRejectedAsInGo() {
    // The Go gateway exposes go_goroutines as a gauge; pushing it untyped fails there, and here.
    Response response = gateway.put("/metrics/job/cs_go", "go_goroutines 5\n");

    assertThat(response.describe())
        .isEqualTo(
            "400\n\n"
                + REJECTED
                + "gathered metric family go_goroutines has type UNTYPED but should have GAUGE\n");
  }

  @Test
  void goGoroutinesAsGauge_isAcceptedWithGosHelp() {
    gateway.pushOk(
        "/metrics/job/cs_go_gauge",
        "# HELP go_goroutines wrong help\n# TYPE go_goroutines gauge\ngo_goroutines 5\n");

    assertThat(gateway.pushed("cs_go_gauge"))
        .isEqualTo(
            """
            # HELP go_goroutines Number of goroutines that currently exist.
            # TYPE go_goroutines gauge
            go_goroutines{instance="",job="cs_go_gauge"} 5
            """);
  }

  @Test
  void ownFamilyName_withOtherLabels_isExposedNextToTheOwnSeries() {
    gateway.pushOk(
        "/metrics/job/cs_own", "# TYPE pushgateway_build_info gauge\npushgateway_build_info 1\n");

    String buildInfo =
        ScrapeText.families(gateway.scrape()).stream()
            .filter(f -> f.name().equals("pushgateway_build_info"))
            .findFirst()
            .orElseThrow()
            .render();
    assertThat(buildInfo)
        .isEqualTo(
            """
            # HELP pushgateway_build_info A metric with a constant '1' value labeled by version, revision, branch, goversion from which pushgateway was built, and the goos and goarch for the build.
            # TYPE pushgateway_build_info gauge
            pushgateway_build_info{instance="",job="cs_own"} 1
            pushgateway_build_info{branch="e2e-branch",goarch="amd64",goos="linux",goversion="21.0.99",revision="e2e-revision",tags="unknown",version="9.8.7"} 1
            """);
  }
}
