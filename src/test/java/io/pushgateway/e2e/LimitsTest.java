package io.pushgateway.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every limit as a client sees it: the status (413 for a push too large, 429 for a gateway that
 * cannot take it now), a message naming the limit's flag and value and what was sent, the store
 * exactly as before (no failure time either), and the refusal counted by limit.
 */
class LimitsTest {
  private static final String PROTOBUF =
      "Content-Type: application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily;"
          + " encoding=delimited";

  @RegisterExtension
  static final TestGateway gateway =
      new TestGateway(
          "--push.max-body-bytes=20000",
          "--push.max-series-per-push=50",
          "--push.max-labels-per-series=4",
          "--push.max-label-name-length=20",
          "--push.max-label-value-length=30",
          "--store.max-series-per-group=60");

  private static String series(String name, int count) {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < count; i++) {
      body.append(name).append("{i=\"").append(i).append("\"} ").append(i).append('\n');
    }
    return body.toString();
  }

  /** A protobuf gauge family in text format with {@code count} series, label {@code i}. */
  private static String gauges(String name, int count) {
    StringBuilder family = new StringBuilder("name: \"" + name + "\" type: GAUGE");
    for (int i = 0; i < count; i++) {
      family.append(" metric { label { name: \"i\" value: \"").append(i);
      family.append("\" } gauge { value: 1 } }");
    }
    return family.toString();
  }

  /** A protobuf gauge family with one series with these labels (alternating names and values). */
  private static String gauge(String name, String... labels) {
    StringBuilder family = new StringBuilder("name: \"" + name + "\" type: GAUGE metric {");
    for (int i = 0; i < labels.length; i += 2) {
      family.append(" label { name: \"").append(labels[i]).append("\" value: \"");
      family.append(labels[i + 1]).append("\" }");
    }
    return family.append(" gauge { value: 1 } }").toString();
  }

  private static double refusals(TestGateway g, String limit) {
    return ScrapeText.value(g.scrape(), "pushgateway_push_refusals_total{limit=\"" + limit + "\"}");
  }

  @Test
  void refusalCounter_existsFromTheStartWithEveryLimitAtZero() {
    try (TestGateway fresh = TestGateway.start()) {
      String families = fresh.scrape();
      assertThat(families)
          .contains(
              "# HELP pushgateway_push_refusals_total Pushes refused because they exceeded a"
                  + " limit, by the limit's flag (an extension of this Pushgateway).\n"
                  + "# TYPE pushgateway_push_refusals_total counter\n");
      for (String limit :
          new String[] {
            "push.max-body-bytes",
            "push.max-bytes-in-flight",
            "push.max-series-per-push",
            "push.max-labels-per-series",
            "push.max-label-name-length",
            "push.max-label-value-length",
            "store.max-series-per-group",
            "store.max-groups",
            "store.max-series"
          }) {
        assertThat(refusals(fresh, limit)).as(limit).isEqualTo(0);
      }
    }
  }

  @Test
  void refusalCounterName_isTreatedLikeTheOtherOwnNames() {
    try (TestGateway g = TestGateway.start()) {
      refusalCounterNameIsOwn(g);
    }
  }

  private static void refusalCounterNameIsOwn(TestGateway gateway) {
    Response gauge =
        gateway.put(
            "/metrics/job/own_name",
            "# TYPE pushgateway_push_refusals_total gauge\npushgateway_push_refusals_total 1\n");
    assertThat(gauge.status()).isEqualTo(400);
    assertThat(gauge.text()).contains("pushgateway_push_refusals_total");

    gateway.pushOk(
        "/metrics/job/own_name",
        "# HELP pushgateway_push_refusals_total pushed help\n"
            + "# TYPE pushgateway_push_refusals_total counter\n"
            + "pushgateway_push_refusals_total{limit=\"pushed\"} 7\n");
    // Merged with the own family under the own help, as for pushgateway_build_info.
    assertThat(gateway.scrape())
        .contains(
            "pushgateway_push_refusals_total{instance=\"\",job=\"own_name\",limit=\"pushed\"} 7\n")
        .doesNotContain("pushed help");
  }

  @Test
  void bodyOverTheLimit_byContentLength() {
    gateway.pushOk("/metrics/job/body", "kept 1\n");
    String before = gateway.pushedWithTimes("body");
    double refused = refusals(gateway, "push.max-body-bytes");

    Response response = gateway.put("/metrics/job/body", series("too_big", 2000));

    assertThat(response.describe())
        .isEqualTo(
            "413\n\npush refused: request body of "
                + series("too_big", 2000).length()
                + " bytes (Content-Length), limit --push.max-body-bytes=20000\n");
    assertThat(gateway.pushedWithTimes("body")).isEqualTo(before);
    assertThat(refusals(gateway, "push.max-body-bytes")).isEqualTo(refused + 1);
  }

  @Test
  void bodyOverTheLimit_chunkedIsStoppedAtTheLimit() {
    byte[] body = series("too_big", 2000).getBytes(UTF_8);

    Response response =
        gateway.raw(
            "PUT",
            "/metrics/job/chunked",
            RawHttp.chunked(body, 4096),
            "Transfer-Encoding: chunked");

    assertThat(response.describe())
        .isEqualTo(
            "413\n\npush refused: request body larger than 20000 bytes,"
                + " limit --push.max-body-bytes=20000\n");
    assertThat(gateway.pushedWithTimes("chunked")).isEmpty();
  }

  @Test
  void gzipBomb_isRefusedWithoutInflatingItAll() {
    byte[] blankLines = new byte[16 << 20];
    Arrays.fill(blankLines, (byte) '\n');
    byte[] bomb = Bodies.gzip(blankLines);
    assertThat(bomb.length).isLessThan(20000);
    double refused = refusals(gateway, "push.max-body-bytes");

    Response response =
        gateway.request("PUT", "/metrics/job/gzip_bomb", bomb, "Content-Encoding: gzip");

    assertThat(response.describe())
        .isEqualTo(
            "413\n\npush refused: decompressed request body larger than 20000 bytes,"
                + " limit --push.max-body-bytes=20000\n");
    assertThat(gateway.pushedWithTimes("gzip_bomb")).isEmpty();
    assertThat(refusals(gateway, "push.max-body-bytes")).isEqualTo(refused + 1);
  }

  @Test
  void snappyBomb_isRefused() {
    byte[] zeros = new byte[1 << 20];
    byte[] bomb = Bodies.snappyFramed(zeros);
    // Refused from its Content-Length before it is read; the JDK server then discards what the
    // client still sends (at least 64 KiB, whichever server of this JVM set its properties first)
    // and the client reads the answer.
    assertThat(bomb.length).isBetween(20_001, 64 * 1024);

    Response response =
        gateway.raw("PUT", "/metrics/job/snappy_bomb", bomb, "Content-Encoding: snappy");

    // As sent, the bomb is already over the 20,000-byte limit; a smaller one is caught inflated.
    assertThat(response.status()).isEqualTo(413);
    Response small =
        gateway.request(
            "PUT",
            "/metrics/job/snappy_bomb",
            Bodies.snappyFramed(new byte[100_000]),
            "Content-Encoding: snappy");
    assertThat(small.describe())
        .isEqualTo(
            "413\n\npush refused: decompressed request body larger than 20000 bytes,"
                + " limit --push.max-body-bytes=20000\n");
    assertThat(gateway.pushedWithTimes("snappy_bomb")).isEmpty();
  }

  @Test
  void seriesPerPush_text() {
    gateway.pushOk("/metrics/job/many", series("ok", 50));
    String before = gateway.pushedWithTimes("many");
    double refused = refusals(gateway, "push.max-series-per-push");

    Response response = gateway.put("/metrics/job/many", series("many", 51));

    assertThat(response.describe())
        .isEqualTo(
            "413\n\npush refused: more than 50 series in this push (stopped at line 51),"
                + " limit --push.max-series-per-push=50\n");
    assertThat(gateway.pushedWithTimes("many")).isEqualTo(before);
    assertThat(refusals(gateway, "push.max-series-per-push")).isEqualTo(refused + 1);
    assertThat(gateway.log()).contains("limit=push.max-series-per-push");
  }

  @Test
  void seriesPerPush_protobufAcrossFamilies() {
    byte[] body = Protobuf.delimited(gauges("a", 30), gauges("b", 21));

    Response response = gateway.request("PUT", "/metrics/job/many_pb", body, PROTOBUF);

    assertThat(response.describe())
        .isEqualTo(
            "413\n\npush refused: more than 50 series in this push (stopped in metric family"
                + " number 2), limit --push.max-series-per-push=50\n");
    assertThat(gateway.pushedWithTimes("many_pb")).isEmpty();
  }

  @Test
  void labelsPerSeries() {
    double refused = refusals(gateway, "push.max-labels-per-series");

    Response text =
        gateway.put("/metrics/job/labels", "m{a=\"1\",b=\"2\",c=\"3\",d=\"4\",e=\"5\"} 1\n");
    Response protobuf =
        gateway.request(
            "PUT",
            "/metrics/job/labels",
            Protobuf.delimited(gauge("m", "a", "1", "b", "2", "c", "3", "d", "4", "e", "5")),
            PROTOBUF);

    assertThat(text.describe())
        .isEqualTo(
            "413\n\npush refused: more than 4 labels on a series of metric \"m\" (line 1),"
                + " limit --push.max-labels-per-series=4\n");
    assertThat(protobuf.describe())
        .isEqualTo(
            "413\n\npush refused: more than 4 labels on a series of metric \"m\","
                + " limit --push.max-labels-per-series=4\n");
    assertThat(gateway.pushedWithTimes("labels")).isEmpty();
    assertThat(refusals(gateway, "push.max-labels-per-series")).isEqualTo(refused + 2);
    // Four labels are fine: the grouping labels the gateway adds do not count.
    gateway.pushOk("/metrics/job/labels", "m{a=\"1\",b=\"2\",c=\"3\",d=\"4\"} 1\n");
  }

  @Test
  void nameAndValueLengths() {
    String longName = "a".repeat(21);
    String longValue = "v".repeat(31);
    double names = refusals(gateway, "push.max-label-name-length");
    double values = refusals(gateway, "push.max-label-value-length");

    Response metricName = gateway.put("/metrics/job/lengths", longName + " 1\n");
    Response labelName = gateway.put("/metrics/job/lengths", "m{" + longName + "=\"x\"} 1\n");
    Response labelValue = gateway.put("/metrics/job/lengths", "m{l=\"" + longValue + "\"} 1\n");
    Response protobufValue =
        gateway.request(
            "PUT",
            "/metrics/job/lengths",
            Protobuf.delimited(gauge("m", "l", longValue)),
            PROTOBUF);

    assertThat(metricName.describe())
        .isEqualTo(
            "413\n\npush refused: a metric name of 21 bytes (line 1),"
                + " limit --push.max-label-name-length=20\n");
    assertThat(labelName.describe())
        .isEqualTo(
            "413\n\npush refused: a label name of 21 bytes on a series of metric \"m\" (line 1),"
                + " limit --push.max-label-name-length=20\n");
    assertThat(labelValue.describe())
        .isEqualTo(
            "413\n\npush refused: a value of 31 bytes for label \"l\" on a series of metric \"m\""
                + " (line 1),"
                + " limit --push.max-label-value-length=30\n");
    assertThat(protobufValue.describe())
        .isEqualTo(
            "413\n\npush refused: a value of 31 bytes for label \"l\" on a series of metric"
                + " \"m\", limit --push.max-label-value-length=30\n");
    assertThat(gateway.pushedWithTimes("lengths")).isEmpty();
    assertThat(refusals(gateway, "push.max-label-name-length")).isEqualTo(names + 2);
    assertThat(refusals(gateway, "push.max-label-value-length")).isEqualTo(values + 2);
  }

  @Test
  void seriesPerGroup_countsWhatAPostAddsToTheGroup() {
    gateway.pushOk("/metrics/job/group", series("first", 40));
    String before = gateway.pushedWithTimes("group");
    double refused = refusals(gateway, "store.max-series-per-group");

    Response response = gateway.post("/metrics/job/group", series("second", 21));

    assertThat(response.describe())
        .isEqualTo(
            "413\n\npush refused: group {job=\"group\"} would hold 61 series,"
                + " limit --store.max-series-per-group=60\n");
    // Untouched, push_failure_time_seconds included.
    assertThat(gateway.pushedWithTimes("group")).isEqualTo(before);
    assertThat(refusals(gateway, "store.max-series-per-group")).isEqualTo(refused + 1);
    // A PUT replaces the group's series, so the same 21 series fit.
    gateway.pushOk("/metrics/job/group", series("second", 21));
  }

  @Test
  void maxGroups_refusesANewGroupWith429AndKeepsExistingOnesWritable() {
    try (TestGateway g = TestGateway.start("--store.max-groups=2")) {
      g.pushOk("/metrics/job/a", "m 1\n");
      g.pushOk("/metrics/job/b", "m 2\n");

      Response response = g.put("/metrics/job/c", "m 3\n");

      assertThat(response.describe())
          .isEqualTo(
              "429\n\npush refused: the store holds 2 groups and this push would add group"
                  + " {job=\"c\"}, limit --store.max-groups=2\n");
      assertThat(g.pushedWithTimes("c")).isEmpty();
      assertThat(refusals(g, "store.max-groups")).isEqualTo(1);
      g.pushOk("/metrics/job/b", "m 4\n");
      // A push the store rejects (timestamps) does not create its group for the failure time
      // either, when the store is full.
      assertThat(g.put("/metrics/job/d", "m 1 1234\n").status()).isEqualTo(400);
      assertThat(g.pushedWithTimes("d")).isEmpty();
      g.delete("/metrics/job/a");
      g.pushOk("/metrics/job/c", "m 3\n");
    }
  }

  @Test
  void maxSeries_refusesGrowthWith429ButNotReplacement() {
    // Each group holds its pushed series plus push_time_seconds and push_failure_time_seconds.
    try (TestGateway g = TestGateway.start("--store.max-series=10")) {
      g.pushOk("/metrics/job/a", series("m", 5)); // 7 series in the store
      String before = g.pushedWithTimes("a");

      Response grow = g.post("/metrics/job/a", series("n", 4));
      Response add = g.put("/metrics/job/b", "m 1\nn 1\n");

      assertThat(grow.describe())
          .isEqualTo(
              "429\n\npush refused: the store holds 7 series and would hold 11 after this push,"
                  + " limit --store.max-series=10\n");
      assertThat(add.status()).isEqualTo(429);
      assertThat(g.pushedWithTimes("a")).isEqualTo(before);
      assertThat(g.pushedWithTimes("b")).isEmpty();
      assertThat(refusals(g, "store.max-series")).isEqualTo(2);
      g.pushOk("/metrics/job/a", series("m", 8)); // replaces: 10 series, at the limit
    }
  }

  @Test
  void bytesInFlight_refusesAPushThatWouldHoldTooMuch() {
    try (TestGateway g = TestGateway.start("--push.max-bytes-in-flight=50000")) {
      g.pushOk("/metrics/job/small", series("m", 10));

      // 200 series count 400 bytes each as parsed: more than the budget on their own.
      Response response = g.put("/metrics/job/big", series("m", 200));

      assertThat(response.status()).isEqualTo(429);
      assertThat(response.text())
          .matches(
              "push refused: pushes in flight hold \\d+ bytes \\(this one's share included\\)"
                  + " and this one needs 80000 more, limit --push.max-bytes-in-flight=50000\n");
      assertThat(g.pushedWithTimes("big")).isEmpty();
      assertThat(refusals(g, "push.max-bytes-in-flight")).isEqualTo(1);
      // Everything taken was given back: the next small push fits again.
      g.pushOk("/metrics/job/small", series("m", 10));
    }
  }

  @Test
  void apiMetrics_aLargeStoreIsSentAGroupAtATime() {
    try (TestGateway g = TestGateway.start()) {
      g.pushOk("/metrics/job/first", series("m", 3));
      Response small = g.get("/api/v1/metrics");
      assertThat(small.header("Content-Length")).isEqualTo(String.valueOf(small.body().length));
      for (int i = 0; i < 300; i++) {
        g.pushOk("/metrics/job/big/instance/" + i, series("m", 3));
      }

      Response large = g.get("/api/v1/metrics");

      assertThat(large.status()).isEqualTo(200);
      assertThat(large.header("Content-Length")).isNull(); // chunked
      assertThat(large.text()).startsWith("{\"status\":\"success\",\"data\":[{").endsWith("}]}");
      assertThat(large.text().split("\"last_push_successful\":", -1)).hasSize(302);
    }
  }

  @Test
  void repeatedRefusals_areCountedButWarnedAboutOncePerLimitAndInterval() {
    try (TestGateway g = TestGateway.start("--push.max-series-per-push=1")) {
      for (int i = 0; i < 5; i++) {
        assertThat(g.put("/metrics/job/repeat", series("m", 2)).status()).isEqualTo(413);
      }

      assertThat(refusals(g, "push.max-series-per-push")).isEqualTo(5);
      assertThat(g.log().split("msg=\"push refused", -1)).hasSize(2);
    }
  }

  @Test
  void zeroMeansNoLimit() {
    try (TestGateway g =
        TestGateway.start("--push.max-series-per-push=0", "--store.max-series-per-group=0")) {
      g.pushOk("/metrics/job/unlimited", series("m", 150_000));
    }
  }
}
