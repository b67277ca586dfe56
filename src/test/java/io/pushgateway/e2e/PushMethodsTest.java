package io.pushgateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** PUT, POST and DELETE on a group, and the push time bookkeeping of spec §5 and §6. */
class PushMethodsTest {
  private static final String TIMESTAMPS_REJECTED =
      "pushed metrics are invalid or inconsistent with existing metrics:"
          + " pushed metrics must not have timestamps\n";

  @RegisterExtension static final TestGateway gateway = new TestGateway();

  @Test
  void put_answers200WithEmptyBodyAndNoContentType() {
    Response response = gateway.put("/metrics/job/pm_ok", "some_metric 3.14\n");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
    assertThat(response.header("Content-Type")).isNull();
    assertThat(gateway.pushedWithTimes("pm_ok"))
        .isEqualTo(
            """
            # HELP push_failure_time_seconds Last Unix time when changing this group in the Pushgateway failed.
            # TYPE push_failure_time_seconds gauge
            push_failure_time_seconds{instance="",job="pm_ok"} 0
            # HELP push_time_seconds Last Unix time when changing this group in the Pushgateway succeeded.
            # TYPE push_time_seconds gauge
            push_time_seconds{instance="",job="pm_ok"} <time>
            # TYPE some_metric untyped
            some_metric{instance="",job="pm_ok"} 3.14
            """);
  }

  @Test
  void put_replacesEveryFamilyOfTheGroup() {
    gateway.pushOk("/metrics/job/pm_put", "a 1\nb 2\n");
    gateway.pushOk("/metrics/job/pm_put", "c 3\n");

    assertThat(gateway.pushed("pm_put"))
        .isEqualTo(
            """
            # TYPE c untyped
            c{instance="",job="pm_put"} 3
            """);
  }

  @Test
  void put_leavesOtherGroupsOfTheSameJobAlone() {
    gateway.pushOk("/metrics/job/pm_other/instance/x", "a 1\n");
    gateway.pushOk("/metrics/job/pm_other", "b 2\n");

    assertThat(gateway.pushed("pm_other"))
        .isEqualTo(
            """
            # TYPE a untyped
            a{instance="x",job="pm_other"} 1
            # TYPE b untyped
            b{instance="",job="pm_other"} 2
            """);
  }

  @Test
  void post_replacesWholeFamiliesWithThePushedNamesAndKeepsTheOthers() {
    gateway.pushOk("/metrics/job/pm_post", "a{x=\"1\"} 1\na{x=\"3\"} 3\nb 2\n");

    Response response = gateway.post("/metrics/job/pm_post", "a{x=\"2\"} 2\n");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
    assertThat(gateway.pushed("pm_post"))
        .isEqualTo(
            """
            # TYPE a untyped
            a{instance="",job="pm_post",x="2"} 2
            # TYPE b untyped
            b{instance="",job="pm_post"} 2
            """);
  }

  @Test
  void post_toANewGroupCreatesIt() {
    assertThat(
            gateway
                .post("/metrics/job/pm_post_new", "# TYPE pm_counter counter\npm_counter 7\n")
                .status())
        .isEqualTo(200);

    assertThat(gateway.pushedWithTimes("pm_post_new"))
        .isEqualTo(
            """
            # TYPE pm_counter counter
            pm_counter{instance="",job="pm_post_new"} 7
            # HELP push_failure_time_seconds Last Unix time when changing this group in the Pushgateway failed.
            # TYPE push_failure_time_seconds gauge
            push_failure_time_seconds{instance="",job="pm_post_new"} 0
            # HELP push_time_seconds Last Unix time when changing this group in the Pushgateway succeeded.
            # TYPE push_time_seconds gauge
            push_time_seconds{instance="",job="pm_post_new"} <time>
            """);
  }

  @Test
  void put_withEmptyBodyDeletesTheMetricsButKeepsTheGroupAndItsTimestamps() {
    gateway.pushOk("/metrics/job/pm_put_empty", "a 1\nb 2\n");

    assertThat(gateway.put("/metrics/job/pm_put_empty", "").status()).isEqualTo(200);

    assertThat(gateway.pushedWithTimes("pm_put_empty"))
        .isEqualTo(
            """
            # HELP push_failure_time_seconds Last Unix time when changing this group in the Pushgateway failed.
            # TYPE push_failure_time_seconds gauge
            push_failure_time_seconds{instance="",job="pm_put_empty"} 0
            # HELP push_time_seconds Last Unix time when changing this group in the Pushgateway succeeded.
            # TYPE push_time_seconds gauge
            push_time_seconds{instance="",job="pm_put_empty"} <time>
            """);
  }

  @Test
  void put_withOnlyCommentsIsAnEmptyPush() {
    gateway.pushOk("/metrics/job/pm_put_comments", "a 1\n");

    gateway.pushOk("/metrics/job/pm_put_comments", "# HELP a help\n# TYPE a counter\n# hello\n");

    assertThat(gateway.pushed("pm_put_comments")).isEmpty();
    assertThat(gateway.pushedWithTimes("pm_put_comments")).contains("push_time_seconds{");
  }

  @Test
  void post_withEmptyBodyKeepsTheFamiliesAndUpdatesThePushTime() {
    gateway.pushOk("/metrics/job/pm_post_empty", "a 1\n");
    double first = pushTime("pm_post_empty");

    assertThat(gateway.post("/metrics/job/pm_post_empty", "").status()).isEqualTo(200);

    assertThat(gateway.pushed("pm_post_empty"))
        .isEqualTo(
            """
            # TYPE a untyped
            a{instance="",job="pm_post_empty"} 1
            """);
    assertThat(pushTime("pm_post_empty")).isGreaterThanOrEqualTo(first);
  }

  @Test
  void post_withEmptyBodyCreatesAGroupWithOnlyTheTimestamps() {
    assertThat(gateway.post("/metrics/job/pm_post_fresh", "").status()).isEqualTo(200);

    assertThat(gateway.pushedWithTimes("pm_post_fresh"))
        .isEqualTo(
            """
            # HELP push_failure_time_seconds Last Unix time when changing this group in the Pushgateway failed.
            # TYPE push_failure_time_seconds gauge
            push_failure_time_seconds{instance="",job="pm_post_fresh"} 0
            # HELP push_time_seconds Last Unix time when changing this group in the Pushgateway succeeded.
            # TYPE push_time_seconds gauge
            push_time_seconds{instance="",job="pm_post_fresh"} <time>
            """);
  }

  @Test
  void delete_removesExactlyTheAddressedGroupWith202() {
    gateway.pushOk("/metrics/job/pm_del", "m 1\n");
    gateway.pushOk("/metrics/job/pm_del/instance/x", "m 2\n");

    Response response = gateway.delete("/metrics/job/pm_del");

    assertThat(response.status()).isEqualTo(202);
    assertThat(response.body()).isEmpty();
    assertThat(response.header("Content-Type")).isNull();
    assertThat(gateway.pushedWithTimes("pm_del"))
        .isEqualTo(
            """
            # TYPE m untyped
            m{instance="x",job="pm_del"} 2
            # HELP push_failure_time_seconds Last Unix time when changing this group in the Pushgateway failed.
            # TYPE push_failure_time_seconds gauge
            push_failure_time_seconds{instance="x",job="pm_del"} 0
            # HELP push_time_seconds Last Unix time when changing this group in the Pushgateway succeeded.
            # TYPE push_time_seconds gauge
            push_time_seconds{instance="x",job="pm_del"} <time>
            """);
  }

  @Test
  void delete_removesTheTimestampsOfAFailedGroupToo() {
    gateway.pushOk("/metrics/job/pm_del_failed", "m 1\n");
    assertThat(gateway.put("/metrics/job/pm_del_failed", "m 1 5\n").status()).isEqualTo(400);

    assertThat(gateway.delete("/metrics/job/pm_del_failed").status()).isEqualTo(202);

    assertThat(gateway.pushedWithTimes("pm_del_failed")).isEmpty();
    assertThat(gateway.get("/api/v1/metrics").text()).doesNotContain("pm_del_failed");
  }

  @Test
  void delete_ofAnAbsentGroupAnswers202() {
    assertThat(gateway.delete("/metrics/job/pm_never_pushed").status()).isEqualTo(202);
    assertThat(gateway.delete("/metrics/job/pm_never_pushed/instance/x").status()).isEqualTo(202);

    assertThat(gateway.pushedWithTimes("pm_never_pushed")).isEmpty();
  }

  @Test
  void delete_thenPushCreatesTheGroupAfresh() {
    gateway.pushOk("/metrics/job/pm_del_push", "old 1\n");
    gateway.delete("/metrics/job/pm_del_push");

    gateway.pushOk("/metrics/job/pm_del_push", "new 1\n");

    assertThat(gateway.pushed("pm_del_push"))
        .isEqualTo(
            """
            # TYPE new untyped
            new{instance="",job="pm_del_push"} 1
            """);
  }

  @Test
  void failedPushToANewGroup_createsTheGroupWithZeroPushTimeAndAFailureTime() {
    Response response = gateway.put("/metrics/job/pm_fail_new", "foo 1 1000\n");

    assertThat(response.describe("Content-Type", "X-Content-Type-Options"))
        .isEqualTo(
            """
            400
            Content-Type: text/plain; charset=utf-8
            X-Content-Type-Options: nosniff

            """
                + TIMESTAMPS_REJECTED);
    assertThat(gateway.pushedWithTimes("pm_fail_new"))
        .isEqualTo(
            """
            # HELP push_failure_time_seconds Last Unix time when changing this group in the Pushgateway failed.
            # TYPE push_failure_time_seconds gauge
            push_failure_time_seconds{instance="",job="pm_fail_new"} <time>
            # HELP push_time_seconds Last Unix time when changing this group in the Pushgateway succeeded.
            # TYPE push_time_seconds gauge
            push_time_seconds{instance="",job="pm_fail_new"} 0
            """);
    assertThat(gateway.get("/api/v1/metrics").text())
        .contains("{\"labels\":{\"job\":\"pm_fail_new\"},\"last_push_successful\":false,");
  }

  @Test
  void failedPushToAnExistingGroup_keepsItsDataAndRecordsTheFailureTime() {
    gateway.pushOk("/metrics/job/pm_fail_old", "m 1\n");

    assertThat(gateway.put("/metrics/job/pm_fail_old", "m 2 1000\n").text())
        .isEqualTo(TIMESTAMPS_REJECTED);

    assertThat(gateway.pushedWithTimes("pm_fail_old"))
        .isEqualTo(
            """
            # TYPE m untyped
            m{instance="",job="pm_fail_old"} 1
            # HELP push_failure_time_seconds Last Unix time when changing this group in the Pushgateway failed.
            # TYPE push_failure_time_seconds gauge
            push_failure_time_seconds{instance="",job="pm_fail_old"} <time>
            # HELP push_time_seconds Last Unix time when changing this group in the Pushgateway succeeded.
            # TYPE push_time_seconds gauge
            push_time_seconds{instance="",job="pm_fail_old"} <time>
            """);
    assertThat(failureTime("pm_fail_old")).isGreaterThan(pushTime("pm_fail_old"));
    assertThat(gateway.get("/api/v1/metrics").text())
        .contains("{\"labels\":{\"job\":\"pm_fail_old\"},\"last_push_successful\":false,");
  }

  @Test
  void successAfterFailure_updatesThePushTimeAndKeepsTheFailureTime() {
    assertThat(gateway.put("/metrics/job/pm_recover", "m 2 1000\n").status()).isEqualTo(400);
    double failed = failureTime("pm_recover");

    gateway.pushOk("/metrics/job/pm_recover", "m 1\n");

    assertThat(failureTime("pm_recover")).isEqualTo(failed);
    assertThat(pushTime("pm_recover")).isGreaterThan(failed);
    assertThat(gateway.pushed("pm_recover"))
        .isEqualTo(
            """
            # TYPE m untyped
            m{instance="",job="pm_recover"} 1
            """);
    assertThat(gateway.get("/api/v1/metrics").text())
        .contains("{\"labels\":{\"job\":\"pm_recover\"},\"last_push_successful\":true,");
  }

  @Test
  void clientTimestamps_areRejectedInTextAndProtobuf() {
    assertThat(gateway.post("/metrics/job/pm_ts", "m 1 0\n").text()).isEqualTo(TIMESTAMPS_REJECTED);
    byte[] protobuf =
        Protobuf.delimited("name: \"m\" type: GAUGE metric { gauge { value: 1 } timestamp_ms: 0 }");
    Response response =
        gateway.request(
            "POST", "/metrics/job/pm_ts", protobuf, "Content-Type: " + Protobuf.CONTENT_TYPE);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.text()).isEqualTo(TIMESTAMPS_REJECTED);
    assertThat(gateway.pushed("pm_ts")).isEmpty();
  }

  @Test
  void pushedPushTime_isReplacedByTheGatewaysOwn() {
    gateway.pushOk(
        "/metrics/job/pm_own_time", "# TYPE push_time_seconds gauge\npush_time_seconds 0\nm 1\n");

    assertThat(gateway.pushedWithTimes("pm_own_time"))
        .isEqualTo(
            """
            # TYPE m untyped
            m{instance="",job="pm_own_time"} 1
            # HELP push_failure_time_seconds Last Unix time when changing this group in the Pushgateway failed.
            # TYPE push_failure_time_seconds gauge
            push_failure_time_seconds{instance="",job="pm_own_time"} 0
            # HELP push_time_seconds Last Unix time when changing this group in the Pushgateway succeeded.
            # TYPE push_time_seconds gauge
            push_time_seconds{instance="",job="pm_own_time"} <time>
            """);
  }

  @Test
  void pushedFailureTime_isReplacedOnTheFirstPushButKeptOnLaterOnes() {
    gateway.pushOk("/metrics/job/pm_own_fail", "push_failure_time_seconds 5\nm 1\n");
    assertThat(failureTime("pm_own_fail")).isZero();

    gateway.pushOk(
        "/metrics/job/pm_own_fail",
        "# TYPE push_failure_time_seconds gauge\npush_failure_time_seconds 7\nm 1\n");

    assertThat(failureTime("pm_own_fail")).isEqualTo(7);
  }

  @Test
  void urlAndParseErrors_neverTouchAGroup() {
    assertThat(gateway.put("/metrics/job/pm_untouched", "m 1 x\n").status()).isEqualTo(400);
    assertThat(gateway.put("/metrics/job/pm_untouched/a-b/c", "m 1\n").status()).isEqualTo(400);

    assertThat(gateway.pushedWithTimes("pm_untouched")).isEmpty();
    assertThat(gateway.get("/api/v1/metrics").text()).doesNotContain("pm_untouched");
  }

  private static double pushTime(String job) {
    return ScrapeText.value(
        gateway.scrape(), "push_time_seconds{instance=\"\",job=\"" + job + "\"}");
  }

  private static double failureTime(String job) {
    return ScrapeText.value(
        gateway.scrape(), "push_failure_time_seconds{instance=\"\",job=\"" + job + "\"}");
  }
}
