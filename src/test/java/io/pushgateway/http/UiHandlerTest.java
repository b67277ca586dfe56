package io.pushgateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.pushgateway.exposition.proto.Metrics;
import io.pushgateway.log.Log;
import io.pushgateway.storage.MetricStore;
import io.pushgateway.storage.StateMachine;
import io.pushgateway.storage.StoreState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The web UI's page, its data views and its static files, through the whole dispatcher. */
class UiHandlerTest {
  private MetricStore store;
  private Dispatcher dispatcher;

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  private void start(String routePrefix, String uiPrefix, boolean adminApi) {
    store =
        new MetricStore(
            StoreState.empty(Map.of()), new StateMachine(true), MetricStore.DEFAULT_QUEUE_CAPACITY);
    HttpApi.Settings settings =
        new HttpApi.Settings(
            routePrefix,
            uiPrefix,
            "/metrics",
            adminApi,
            false,
            true,
            io.pushgateway.http.PushLimits.NONE,
            Map.of("web.enable-admin-api", Boolean.toString(adminApi), "log.level", "info"),
            Map.of("version", "9.9.9", "revision", "abc"),
            Instant.parse("2026-01-02T03:04:05.5Z"));
    dispatcher =
        HttpApi.dispatcher(
            settings, store, List::of, RequestObserver.NONE, () -> {}, Log.discard());
  }

  private FakeExchange send(FakeExchange exchange) throws IOException {
    dispatcher.handle(exchange);
    return exchange;
  }

  private FakeExchange get(String target) throws IOException {
    return send(FakeExchange.request("GET", target));
  }

  private void push(String path, String body, int status) throws IOException {
    assertThat(send(FakeExchange.request("PUT", path).body(body)).status()).isEqualTo(status);
  }

  private void pushExamples() throws IOException {
    push("/metrics/job/batch/instance/inst1", "# HELP g A gauge\n# TYPE g gauge\ng 1.5e-7\n", 200);
    push("/metrics/job@base64/YS9i/path@base64/YS9i", "x 1\n", 200);
    push("/metrics/job/empty/instance@base64/=", "x 2\n", 200);
    push("/metrics/job/failing", "x 1 1000\n", 400);
  }

  @Test
  void page_isHtmlWithRelativeLinksByDefault() throws IOException {
    start("", ".", false);
    for (String path : new String[] {"/", "/status", "/?view=unknown", "/status?x=%zz"}) {
      FakeExchange ex = get(path);
      assertThat(ex.status()).as(path).isEqualTo(200);
      assertThat(ex.responseHeader("Content-Type")).isEqualTo("text/html; charset=utf-8");
      assertThat(ex.bodyText())
          .contains("<title>Prometheus Pushgateway</title>")
          .contains("href=\"./static/pushgateway.css?v=")
          .contains("src=\"./static/pushgateway.js?v=")
          .contains("data-prefix=\".\" data-admin=\"false\"")
          .doesNotContain("http://")
          .doesNotContain("//cdn");
    }
  }

  @Test
  void page_linksUseTheExternalPathPrefixWhileRoutesUseTheRoutePrefix() throws IOException {
    start("/pg", "/ext", true);
    assertThat(get("/").status()).isEqualTo(404);
    FakeExchange ex = get("/pg/");
    assertThat(ex.status()).isEqualTo(200);
    assertThat(ex.bodyText())
        .contains("href=\"/ext/static/pushgateway.css?v=")
        .contains("data-prefix=\"/ext\" data-admin=\"true\"");
    assertThat(get("/pg/static/pushgateway.js").status()).isEqualTo(200);
  }

  @Test
  void groups_listsEveryGroupInKeyOrderWithTimesAndDeletePaths() throws IOException {
    start("", ".", true);
    pushExamples();
    FakeExchange ex = get("/status?view=groups");
    assertThat(ex.responseHeader("Content-Type")).isEqualTo("application/json");
    String body = ex.bodyText();
    assertThat(body)
        .contains("\"total\":4")
        .contains("\"failed\":1")
        .contains("\"matched\":4")
        .contains("\"labels\":[[\"job\",\"batch\"],[\"instance\",\"inst1\"]]")
        .contains("\"del\":\"job@base64/YmF0Y2g/instance@base64/aW5zdDE=\"")
        .contains("\"del\":\"job@base64/ZW1wdHk/instance@base64/=\"")
        .contains("\"del\":\"job@base64/YS9i/path@base64/YS9i=\"")
        .contains("\"pushed\":null,\"failedAt\":");
    // {instance=...} keys sort before {job=...} keys, as in the Go UI.
    assertThat(body.indexOf("inst1")).isLessThan(body.indexOf("\"empty\""));
    assertThat(body.indexOf("\"empty\"")).isLessThan(body.indexOf("a/b"));
    assertThat(body.indexOf("a/b")).isLessThan(body.indexOf("failing"));
  }

  @Test
  void groups_filtersByLabelOrMetricNameAndPages() throws IOException {
    start("", ".", false);
    pushExamples();
    assertThat(get("/status?view=groups&filter=path%3D%22a%2F").bodyText())
        .contains("\"matched\":1")
        .contains("a/b");
    assertThat(get("/status?view=groups&filter=G+inst").bodyText())
        .contains("\"matched\":1")
        .contains("batch");
    assertThat(get("/status?view=groups&filter=push_time_seconds").bodyText())
        .contains("\"matched\":4");
    assertThat(get("/status?view=groups&filter=nothing").bodyText())
        .contains("\"matched\":0,\"offset\":0,\"groups\":[]");
    String page = get("/status?view=groups&offset=1&limit=2").bodyText();
    assertThat(page).contains("\"offset\":1").contains("empty").contains("a/b");
    assertThat(page).doesNotContain("batch").doesNotContain("failing");
  }

  @Test
  void groups_sortByAgeAndSelectProblems() throws IOException {
    start("", ".", false);
    pushExamples();
    // A group never pushed successfully is the oldest of all.
    String oldest = get("/status?view=groups&sort=oldest").bodyText();
    assertThat(oldest.indexOf("failing")).isLessThan(oldest.indexOf("batch"));
    String newest = get("/status?view=groups&sort=newest").bodyText();
    assertThat(newest.indexOf("batch")).isLessThan(newest.indexOf("failing"));
    assertThat(newest.indexOf("a/b")).isLessThan(newest.indexOf("failing"));
    String problems = get("/status?view=groups&problems=1").bodyText();
    assertThat(problems).contains("\"matched\":1").contains("failing");
    // A push older than the threshold is stale (an hour is plenty for a test run).
    assertThat(get("/status?view=groups&stale=3600").bodyText()).contains("\"stale\":1,");
  }

  @Test
  void group_showsFamiliesWithGoUiFormattingAndPagesSeries() throws IOException {
    start("", ".", false);
    push(
        "/metrics/job/batch",
        """
        # HELP g A gauge
        # TYPE g gauge
        g{a="1"} 1.5e-7
        g{a="2"} 1e21
        g{a="3"} +Inf
        # TYPE s summary
        s{quantile="0.00001"} 2
        s_sum 4
        s_count 3
        # TYPE h histogram
        h_bucket{le="0.1"} 1
        h_bucket{le="+Inf"} 4
        h_sum 3
        h_count 4
        """,
        200);
    String id = UiGroupIds.id(io.pushgateway.model.GroupingKey.of("job", "batch"));
    String body = get("/status?view=group&id=" + id).bodyText();
    assertThat(body)
        .startsWith("{\"found\":true,")
        .contains("\"name\":\"g\",\"type\":\"GAUGE\",\"help\":\"A gauge\"")
        .contains("\"value\":\"0.00000015\"")
        .contains("\"value\":\"1000000000000000000000\"")
        .contains("\"value\":\"+Inf\"")
        .contains("\"quantiles\":[[\"1e-05\",\"2\"]],\"count\":\"3\",\"sum\":\"4\"")
        .contains("\"buckets\":[[\"0.1\",\"1\"],[\"+Inf\",\"4\"]],\"count\":\"4\",\"sum\":\"3\"");
    String page = get("/status?view=group&id=" + id + "&family=g&offset=1&limit=1").bodyText();
    assertThat(page).contains("\"count\":3,\"offset\":1").contains("1000000000000000000000");
    assertThat(page).doesNotContain("0.00000015").doesNotContain("\"name\":\"s\"");
    assertThat(get("/status?view=group&id=bm9wZQ").bodyText()).isEqualTo("{\"found\":false}");
    assertThat(get("/status?view=group&id=!!").bodyText()).isEqualTo("{\"found\":false}");
  }

  @Test
  void group_showsNativeHistogramBuckets() throws IOException {
    start("", ".", false);
    Metrics.Histogram histogram =
        Metrics.Histogram.newBuilder()
            .setSampleCount(4)
            .setSampleSum(3)
            .setSchema(1)
            .setZeroThreshold(1e-128)
            .setZeroCount(1)
            .addNegativeSpan(Metrics.BucketSpan.newBuilder().setOffset(0).setLength(1))
            .addNegativeDelta(1)
            .addPositiveSpan(Metrics.BucketSpan.newBuilder().setOffset(0).setLength(2))
            .addPositiveDelta(2)
            .addPositiveDelta(-2)
            .build();
    Metrics.MetricFamily family =
        Metrics.MetricFamily.newBuilder()
            .setName("nh")
            .setType(Metrics.MetricType.HISTOGRAM)
            .addMetric(Metrics.Metric.newBuilder().setHistogram(histogram))
            .build();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    family.writeDelimitedTo(body);
    FakeExchange push =
        FakeExchange.request("PUT", "/metrics/job/native")
            .header(
                "Content-Type",
                "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily;"
                    + " encoding=delimited")
            .body(body.toByteArray());
    assertThat(send(push).status()).isEqualTo(200);
    String id = UiGroupIds.id(io.pushgateway.model.GroupingKey.of("job", "native"));
    assertThat(get("/status?view=group&id=" + id + "&family=nh").bodyText())
        .contains("\"schema\":1,\"zeroThreshold\":\"1e-128\"")
        .contains(
            "\"native\":[[1,\"-1\",\"-0.7071067811865476\",\"1\"],[3,\"-1e-128\",\"1e-128\",\"1\"],"
                + "[0,\"0.7071067811865476\",\"1\",\"2\"]]")
        .contains("\"count\":\"4\",\"sum\":\"3\"");
  }

  @Test
  void status_showsFlagsBuildRuntimeAndStoreFigures() throws IOException {
    start("", ".", true);
    pushExamples();
    String body = get("/status?view=status").bodyText();
    assertThat(body)
        .contains("\"startTime\":\"2026-01-02T03:04:05.5")
        .contains("\"flags\":{\"log.level\":\"info\",\"web.enable-admin-api\":\"true\"}")
        .contains("\"version\":\"9.9.9\"")
        .contains("\"Java version\":\"" + System.getProperty("java.version"))
        .contains("\"store\":{\"groups\":4,\"series\":");
  }

  @Test
  void staticFiles_areServedWithTypesAndGoNotFoundOtherwise() throws IOException {
    start("", ".", false);
    FakeExchange css = get("/static/pushgateway.css");
    assertThat(css.status()).isEqualTo(200);
    assertThat(css.responseHeader("Content-Type")).isEqualTo("text/css; charset=utf-8");
    assertThat(css.responseHeader("Last-Modified")).isNotNull();
    FakeExchange js = get("/static/pushgateway.js?v=123");
    assertThat(js.responseHeader("Content-Type")).isEqualTo("application/javascript");
    assertThat(js.bodyText()).contains("use strict").doesNotContain("http://");
    assertThat(get("/static/favicon.svg").responseHeader("Content-Type"))
        .isEqualTo("image/svg+xml");
    for (String missing : new String[] {"/static/nope.js", "/static/", "/static/x/../y"}) {
      FakeExchange ex = get(missing);
      if (ex.status() == 404) {
        assertThat(ex.bodyText()).as(missing).isEqualTo("404 page not found\n");
      } else {
        assertThat(ex.status()).as(missing).isEqualTo(301);
      }
    }
    FakeExchange redirect = get("/static");
    assertThat(redirect.status()).isEqualTo(301);
    assertThat(redirect.responseHeader("Location")).isEqualTo("/static/");
  }

  @Test
  void staticFiles_answerNotModifiedWhenUnchanged() throws IOException {
    start("", ".", false);
    String lastModified = get("/static/pushgateway.css").responseHeader("Last-Modified");
    FakeExchange ex =
        send(
            FakeExchange.request("GET", "/static/pushgateway.css")
                .header("If-Modified-Since", lastModified));
    assertThat(ex.status()).isEqualTo(304);
    assertThat(ex.bodyBytes()).isEmpty();
  }

  @Test
  void groupIds_roundTripAndDeletePathsUseBase64() {
    io.pushgateway.model.GroupingKey key =
        io.pushgateway.model.GroupingKey.of("job", "a/b", "instance", "", "zone", "ü");
    assertThat(UiGroupIds.parse(UiGroupIds.id(key))).isEqualTo(key);
    assertThat(UiGroupIds.deletePath(key))
        .isEqualTo("job@base64/YS9i/instance@base64/=/zone@base64/w7w=");
  }
}
