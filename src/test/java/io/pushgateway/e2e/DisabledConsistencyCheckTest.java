package io.pushgateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code --push.disable-consistency-check}: every push answers 202, even inconsistent ones. */
class DisabledConsistencyCheckTest {

  @Test
  void inconsistentPushes_areStored_andTheScrapeFailsWith500AndTheReasons() {
    try (TestGateway gateway = TestGateway.start("--push.disable-consistency-check")) {
      Response first = gateway.put("/metrics/job/a", "# TYPE x counter\nx 1\n");
      Response second = gateway.post("/metrics/job/b", "# TYPE x gauge\nx 2\n");

      assertThat(first.describe()).isEqualTo("202\n\n");
      assertThat(second.describe()).isEqualTo("202\n\n");
      assertThat(gateway.get("/metrics").describe("Content-Type", "X-Content-Type-Options"))
          .isEqualTo(
              """
              500
              Content-Type: text/plain; charset=utf-8
              X-Content-Type-Options: nosniff

              An error has occurred while serving metrics:

              collected metric "x" { label:<name:"instance" value:"" > label:<name:"job" value:"b" > \
              gauge:<value:2 > } is not a COUNTER
              """);

      // Even a consistent push is accepted into the inconsistent store.
      assertThat(gateway.put("/metrics/job/c", "# TYPE y untyped\ny 1\n").status()).isEqualTo(202);
      assertThat(gateway.put("/metrics/job/d", "# TYPE y counter\ny 1\n").status()).isEqualTo(202);
      assertThat(gateway.get("/metrics").text())
          .isEqualTo(
              """
              An error has occurred while serving metrics:

              2 error(s) occurred:
              * collected metric "x" { label:<name:"instance" value:"" > label:<name:"job" value:"b" > \
              gauge:<value:2 > } is not a COUNTER
              * collected metric "y" { label:<name:"instance" value:"" > label:<name:"job" value:"d" > \
              counter:<value:1 > } is not a UNTYPED
              """);

      // The API still shows every group.
      assertThat(gateway.get("/api/v1/metrics").text())
          .contains("{\"labels\":{\"job\":\"b\"},\"last_push_successful\":true,");

      // Deleting the culprits makes scrapes work again.
      gateway.delete("/metrics/job/b");
      gateway.delete("/metrics/job/d");
      assertThat(gateway.pushed("a", "c"))
          .isEqualTo(
              """
              # TYPE x counter
              x{instance="",job="a"} 1
              # TYPE y untyped
              y{instance="",job="c"} 1
              """);
    }
  }

  @Test
  void timestamps_areStillRejected_withTheFailureRecorded() {
    try (TestGateway gateway = TestGateway.start("--push.disable-consistency-check")) {
      assertThat(gateway.put("/metrics/job/t", "m 1 1000\n").describe()).isEqualTo("202\n\n");

      assertThat(gateway.pushedWithTimes("t"))
          .isEqualTo(
              """
              # HELP push_failure_time_seconds Last Unix time when changing this group in the Pushgateway failed.
              # TYPE push_failure_time_seconds gauge
              push_failure_time_seconds{instance="",job="t"} <time>
              # HELP push_time_seconds Last Unix time when changing this group in the Pushgateway succeeded.
              # TYPE push_time_seconds gauge
              push_time_seconds{instance="",job="t"} 0
              """);
      assertThat(gateway.get("/api/v1/metrics").text())
          .contains("{\"labels\":{\"job\":\"t\"},\"last_push_successful\":false,");
      assertThat(gateway.get("/api/v1/status").text())
          .contains("\"push.disable-consistency-check\":\"true\"");
    }
  }
}
