package io.pushgateway.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pushgateway.exposition.proto.Metrics.MetricFamily;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code GET /metrics} (spec §11, §17): the exact text exposition of pushed data, content
 * negotiation, gzip, and the gateway's own families.
 */
class ScrapeTest {
  private static final String TEXT = "text/plain; version=0.0.4; charset=utf-8";

  @RegisterExtension static final TestGateway gateway = new TestGateway();

  @Test
  void mixedPush_exactText() {
    gateway.pushOk(
        "/metrics/job/sc_mix",
        """
        # HELP sc_requests_total Requests served, "quoted" \\\\ backslash\\nsecond line.
        # TYPE sc_requests_total counter
        sc_requests_total{code="500",path="/a"} 2
        sc_requests_total{path="/b",code="200"} 1027
        sc_requests_total{code="200",path="/a"} 1e6
        # HELP sc_gauge Values in Go's float format.
        # TYPE sc_gauge gauge
        sc_gauge{v="tiny"} 1e-7
        sc_gauge{v="time"} 1795476188.2491562
        sc_gauge{v="nan"} NaN
        sc_gauge{v="inf"} +Inf
        sc_gauge{v="-inf"} -Inf
        sc_gauge{v="negzero"} -0
        sc_gauge{v="big"} 123456789012345678
        sc_gauge{v="plain"} 2398.283
        sc_gauge{v="million"} 999999
        sc_gauge{v="small"} 0.0001
        sc_gauge{v="smaller"} 0.00001
        sc_gauge{v="escaped \\"q\\" \\\\ \\n"} 1
        sc_gauge{v="Πρ \u2028 é"} 1
        sc_gauge 42
        # TYPE sc_summary summary
        sc_summary{quantile="0.99"} 0.5
        sc_summary{quantile="0.50"} 0.1
        sc_summary_sum 12.5
        sc_summary_count 100
        # TYPE sc_hist histogram
        sc_hist_bucket{le="0.5"} 1
        sc_hist_bucket{le="1e3"} 2
        sc_hist_sum 500.25
        sc_hist_count 3
        sc_untyped 3
        """);
    gateway.pushOk(
        "/metrics/job/sc_mix/instance/i2",
        """
        # HELP sc_requests_total Requests served, "quoted" \\\\ backslash\\nsecond line.
        # TYPE sc_requests_total counter
        sc_requests_total{code="200"} 5
        sc_requests_total 6
        """);

    assertThat(gateway.pushed("sc_mix"))
        .isEqualTo(
            """
            # HELP sc_gauge Values in Go's float format.
            # TYPE sc_gauge gauge
            sc_gauge{instance="",job="sc_mix"} 42
            sc_gauge{instance="",job="sc_mix",v="-inf"} -Inf
            sc_gauge{instance="",job="sc_mix",v="big"} 1.2345678901234568e+17
            sc_gauge{instance="",job="sc_mix",v="escaped \\"q\\" \\\\ \\n"} 1
            sc_gauge{instance="",job="sc_mix",v="inf"} +Inf
            sc_gauge{instance="",job="sc_mix",v="million"} 999999
            sc_gauge{instance="",job="sc_mix",v="nan"} NaN
            sc_gauge{instance="",job="sc_mix",v="negzero"} 0
            sc_gauge{instance="",job="sc_mix",v="plain"} 2398.283
            sc_gauge{instance="",job="sc_mix",v="small"} 0.0001
            sc_gauge{instance="",job="sc_mix",v="smaller"} 1e-05
            sc_gauge{instance="",job="sc_mix",v="time"} 1.7954761882491562e+09
            sc_gauge{instance="",job="sc_mix",v="tiny"} 1e-07
            sc_gauge{instance="",job="sc_mix",v="Πρ \u2028 é"} 1
            # TYPE sc_hist histogram
            sc_hist_bucket{instance="",job="sc_mix",le="0.5"} 1
            sc_hist_bucket{instance="",job="sc_mix",le="1000"} 2
            sc_hist_bucket{instance="",job="sc_mix",le="+Inf"} 3
            sc_hist_sum{instance="",job="sc_mix"} 500.25
            sc_hist_count{instance="",job="sc_mix"} 3
            # HELP sc_requests_total Requests served, "quoted" \\\\ backslash\\nsecond line.
            # TYPE sc_requests_total counter
            sc_requests_total{instance="i2",job="sc_mix"} 6
            sc_requests_total{code="200",instance="i2",job="sc_mix"} 5
            sc_requests_total{code="200",instance="",job="sc_mix",path="/a"} 1e+06
            sc_requests_total{code="200",instance="",job="sc_mix",path="/b"} 1027
            sc_requests_total{code="500",instance="",job="sc_mix",path="/a"} 2
            # TYPE sc_summary summary
            sc_summary{instance="",job="sc_mix",quantile="0.99"} 0.5
            sc_summary{instance="",job="sc_mix",quantile="0.5"} 0.1
            sc_summary_sum{instance="",job="sc_mix"} 12.5
            sc_summary_count{instance="",job="sc_mix"} 100
            # TYPE sc_untyped untyped
            sc_untyped{instance="",job="sc_mix"} 3
            """);
  }

  @Test
  void floatFormatting_followsGosShortestG() {
    gateway.pushOk(
        "/metrics/job/sc_float",
        """
        sc_v{k="a"} 1e3
        sc_v{k="b"} 1E3
        sc_v{k="c"} 1e20
        sc_v{k="d"} 1e21
        sc_v{k="e"} .5
        sc_v{k="f"} +5
        sc_v{k="g"} 5.
        sc_v{k="h"} 1.5e+2
        sc_v{k="i"} 1000000
        sc_v{k="j"} 100000
        sc_v{k="k"} 1.0000000000000002
        sc_v{k="l"} 0.000001
        sc_v{k="m"} 1e-300
        sc_v{k="n"} 1.7976931348623157e308
        sc_v{k="o"} 5e-324
        sc_v{k="p"} 1194991616
        sc_v{k="q"} 1446098
        sc_v{k="r"} Inf
        sc_v{k="s"} inf
        sc_v{k="t"} Infinity
        sc_v{k="u"} nan
        sc_v{k="v"} -0.0
        sc_v{k="w"} -1
        sc_v{k="x"} -1.5e-7
        """);

    assertThat(gateway.pushed("sc_float"))
        .isEqualTo(
            """
            # TYPE sc_v untyped
            sc_v{instance="",job="sc_float",k="a"} 1000
            sc_v{instance="",job="sc_float",k="b"} 1000
            sc_v{instance="",job="sc_float",k="c"} 1e+20
            sc_v{instance="",job="sc_float",k="d"} 1e+21
            sc_v{instance="",job="sc_float",k="e"} 0.5
            sc_v{instance="",job="sc_float",k="f"} 5
            sc_v{instance="",job="sc_float",k="g"} 5
            sc_v{instance="",job="sc_float",k="h"} 150
            sc_v{instance="",job="sc_float",k="i"} 1e+06
            sc_v{instance="",job="sc_float",k="j"} 100000
            sc_v{instance="",job="sc_float",k="k"} 1.0000000000000002
            sc_v{instance="",job="sc_float",k="l"} 1e-06
            sc_v{instance="",job="sc_float",k="m"} 1e-300
            sc_v{instance="",job="sc_float",k="n"} 1.7976931348623157e+308
            sc_v{instance="",job="sc_float",k="o"} 5e-324
            sc_v{instance="",job="sc_float",k="p"} 1.194991616e+09
            sc_v{instance="",job="sc_float",k="q"} 1.446098e+06
            sc_v{instance="",job="sc_float",k="r"} +Inf
            sc_v{instance="",job="sc_float",k="s"} +Inf
            sc_v{instance="",job="sc_float",k="t"} +Inf
            sc_v{instance="",job="sc_float",k="u"} NaN
            sc_v{instance="",job="sc_float",k="v"} 0
            sc_v{instance="",job="sc_float",k="w"} -1
            sc_v{instance="",job="sc_float",k="x"} -1.5e-07
            """);
  }

  @Test
  void familiesAreSortedByteWise_andOwnAndPushedFamiliesInterleave() {
    gateway.pushOk(
        "/metrics/job/sc_order",
        "sc_zeta 1\nSC_Zeta 2\n_sc_under 3\nsc_alpha 4\nsc_a_b 5\nsc:a 6\nsc_ab 7\nSC_A 8\n"
            + "# TYPE pushgateway_zzz gauge\npushgateway_zzz 9\n");

    assertThat(gateway.pushed("sc_order"))
        .isEqualTo(
            """
            # TYPE SC_A untyped
            SC_A{instance="",job="sc_order"} 8
            # TYPE SC_Zeta untyped
            SC_Zeta{instance="",job="sc_order"} 2
            # TYPE _sc_under untyped
            _sc_under{instance="",job="sc_order"} 3
            # TYPE pushgateway_zzz gauge
            pushgateway_zzz{instance="",job="sc_order"} 9
            # TYPE sc:a untyped
            sc:a{instance="",job="sc_order"} 6
            # TYPE sc_a_b untyped
            sc_a_b{instance="",job="sc_order"} 5
            # TYPE sc_ab untyped
            sc_ab{instance="",job="sc_order"} 7
            # TYPE sc_alpha untyped
            sc_alpha{instance="",job="sc_order"} 4
            # TYPE sc_zeta untyped
            sc_zeta{instance="",job="sc_order"} 1
            """);
    List<String> names = ScrapeText.families(gateway.scrape()).stream().map(f -> f.name()).toList();
    assertThat(names).isSortedAccordingTo(String::compareTo);
    assertThat(names.indexOf("pushgateway_zzz"))
        .isGreaterThan(names.indexOf("pushgateway_http_requests_total"));
  }

  @Test
  void seriesAreSortedByLabelCountThenLabelValues() {
    // Go compares the values position by position in label-name order, never the names.
    gateway.pushOk("/metrics/job/sc_foo", "sc_series 1\n");
    gateway.pushOk("/metrics/job@base64/c2NfZm9vL2Jhcg/e@base64/=", "sc_series 1\n");
    gateway.pushOk("/metrics/job/sc_f%20o/path/%CE%A0%CF%81", "sc_series 1\n");
    gateway.pushOk("/metrics/job/sc_foo/x/sc_foo", "sc_series 1\n");
    gateway.pushOk("/metrics/job@base64/c2NfZm9vL2Jhcg/path@base64/L3Zhci90bXA", "sc_series 1\n");
    gateway.pushOk("/metrics/job/sc_foo/a/2", "sc_series 1\n");

    assertThat(gateway.pushed("sc_foo", "sc_foo/bar", "sc_f o"))
        .isEqualTo(
            """
            # TYPE sc_series untyped
            sc_series{instance="",job="sc_foo"} 1
            sc_series{e="",instance="",job="sc_foo/bar"} 1
            sc_series{instance="",job="sc_f o",path="Πρ"} 1
            sc_series{instance="",job="sc_foo",x="sc_foo"} 1
            sc_series{instance="",job="sc_foo/bar",path="/var/tmp"} 1
            sc_series{a="2",instance="",job="sc_foo"} 1
            """);
  }

  @Test
  void rePushes_showExactlyTheNewValues_afterEarlierScrapes() {
    String body =
        """
        # TYPE sc_re_c counter
        sc_re_c{k="a"} 1
        sc_re_c{k="b"} 2
        # TYPE sc_re_h histogram
        sc_re_h_bucket{le="1"} 1
        sc_re_h_bucket{le="+Inf"} 2
        sc_re_h_sum 3
        sc_re_h_count 2
        """;
    for (String job : new String[] {"sc_re1", "sc_re2"}) {
      gateway.pushOk("/metrics/job/" + job, body);
    }
    String first = gateway.pushed("sc_re1", "sc_re2");
    // The same series again (scrapes keep their rendered lines), then with one value changed,
    // then back: every scrape shows the values of the last push.
    gateway.pushOk("/metrics/job/sc_re1", body);
    assertThat(gateway.pushed("sc_re1", "sc_re2")).isEqualTo(first);
    gateway.pushOk("/metrics/job/sc_re1", body.replace("sc_re_h_sum 3", "sc_re_h_sum 3.5"));
    gateway.pushOk("/metrics/job/sc_re2", body.replace("{k=\"b\"} 2", "{k=\"b\"} 2.5"));
    assertThat(gateway.pushed("sc_re1", "sc_re2"))
        .isEqualTo(
            first
                .replace(
                    "sc_re_h_sum{instance=\"\",job=\"sc_re1\"} 3",
                    "sc_re_h_sum{instance=\"\",job=\"sc_re1\"} 3.5")
                .replace(
                    "sc_re_c{instance=\"\",job=\"sc_re2\",k=\"b\"} 2",
                    "sc_re_c{instance=\"\",job=\"sc_re2\",k=\"b\"} 2.5"));
    gateway.pushOk("/metrics/job/sc_re1", body);
    gateway.pushOk("/metrics/job/sc_re2", body);
    assertThat(gateway.pushed("sc_re1", "sc_re2")).isEqualTo(first);
  }

  @Test
  void textIsTheDefault_withGosContentType() {
    gateway.pushOk("/metrics/job/sc_ct", "sc_ct 1\n");

    Response response = gateway.get("/metrics");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("Content-Type")).isEqualTo(TEXT);
    assertThat(response.header("Content-Encoding")).isNull();
    assertThat(ScrapeText.withoutPushTimes(ScrapeText.onlyJobs(response.text(), "sc_ct")))
        .isEqualTo("# TYPE sc_ct untyped\nsc_ct{instance=\"\",job=\"sc_ct\"} 1\n");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "text/plain",
        "text/plain;version=0.0.4",
        "*/*",
        "application/openmetrics-text; version=1.0.0",
        "text/plain;version=1.0.0",
        "application/json",
        Protobuf.CONTENT_TYPE + ";q=0.5, text/plain;q=0.9"
      })
  void acceptHeadersThatDoNotPreferProtobuf_getText(String accept) {
    Response response = gateway.get("/metrics", "Accept: " + accept);

    assertThat(response.header("Content-Type")).isEqualTo(TEXT);
    assertThat(response.text()).contains("# TYPE pushgateway_build_info gauge\n");
  }

  @Test
  void protobuf_whenAcceptAsksForIt() {
    gateway.request(
        "PUT",
        "/metrics/job/sc_pb",
        Protobuf.delimited(
            "name: \"sc_pb\" help: \"h\" type: GAUGE metric { label { name: \"b\" value: \"2\" }"
                + " gauge { value: 1.5 } }"),
        "Content-Type: " + Protobuf.CONTENT_TYPE);

    Response response = gateway.get("/metrics", "Accept: " + Protobuf.CONTENT_TYPE);

    assertThat(response.header("Content-Type")).isEqualTo(Protobuf.CONTENT_TYPE);
    List<MetricFamily> families = Protobuf.parseDelimited(response.body());
    assertThat(families.stream().map(MetricFamily::getName).toList())
        .contains("pushgateway_build_info", "push_time_seconds", "sc_pb")
        .isSorted();
    List<MetricFamily> pushed =
        Protobuf.onlyJobs(families, "sc_pb").stream()
            .filter(f -> !f.getName().startsWith("push_"))
            .toList();
    assertThat(Protobuf.print(pushed))
        .isEqualTo(
            """
            name: "sc_pb"
            help: "h"
            type: GAUGE
            metric {
              label {
                name: "b"
                value: "2"
              }
              label {
                name: "instance"
                value: ""
              }
              label {
                name: "job"
                value: "sc_pb"
              }
              gauge {
                value: 1.5
              }
            }
            """);
  }

  @Test
  void protobufTextDebugFormats() {
    String base = "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily";

    Response text = gateway.get("/metrics", "Accept: " + base + "; encoding=text");
    Response compact = gateway.get("/metrics", "Accept: " + base + "; encoding=compact-text");

    assertThat(text.header("Content-Type")).isEqualTo(base + "; encoding=text");
    assertThat(text.text()).contains("name: \"pushgateway_build_info\"\n");
    assertThat(compact.header("Content-Type")).isEqualTo(base + "; encoding=compact-text");
    assertThat(compact.text()).contains("name: \"pushgateway_build_info\" help: ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"gzip", "deflate, gzip", "gzip;q=0.5"})
  void gzip_whenAcceptEncodingAllowsIt(String acceptEncoding) {
    gateway.pushOk("/metrics/job/sc_gzip", "sc_gzip 1\n");

    Response response = gateway.get("/metrics", "Accept-Encoding: " + acceptEncoding);

    assertThat(response.header("Content-Encoding")).isEqualTo("gzip");
    assertThat(response.header("Content-Type")).isEqualTo(TEXT);
    String text = new String(Bodies.gunzip(response.body()), UTF_8);
    assertThat(ScrapeText.withoutPushTimes(ScrapeText.onlyJobs(text, "sc_gzip")))
        .isEqualTo("# TYPE sc_gzip untyped\nsc_gzip{instance=\"\",job=\"sc_gzip\"} 1\n");
    assertThat(text).contains("# TYPE pushgateway_build_info gauge\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"identity", "snappy", "zstd", "br"})
  void noCompression_forOtherEncodings(String acceptEncoding) {
    Response response = gateway.get("/metrics", "Accept-Encoding: " + acceptEncoding);

    assertThat(response.header("Content-Encoding")).isNull();
    assertThat(response.text()).contains("# TYPE pushgateway_build_info gauge\n");
  }

  @Test
  void ownFamilies_buildInfoJvmAndProcess() {
    List<ScrapeText.Family> families = ScrapeText.families(gateway.scrape());
    List<String> names = families.stream().map(ScrapeText.Family::name).toList();

    assertThat(family(families, "pushgateway_build_info"))
        .isEqualTo(
            """
            # HELP pushgateway_build_info A metric with a constant '1' value labeled by version, revision, branch, goversion from which pushgateway was built, and the goos and goarch for the build.
            # TYPE pushgateway_build_info gauge
            pushgateway_build_info{branch="e2e-branch",goarch="amd64",goos="linux",goversion="21.0.99",revision="e2e-revision",tags="unknown",version="9.8.7"} 1
            """);
    assertThat(names)
        .contains(
            "jvm_memory_used_bytes",
            "jvm_threads_current",
            "jvm_runtime_info",
            "process_cpu_seconds_total",
            "process_start_time_seconds",
            "process_open_fds",
            "process_resident_memory_bytes")
        .noneMatch(n -> n.startsWith("go_") || n.startsWith("promhttp_"));
    assertThat(family(families, "process_cpu_seconds_total"))
        .startsWith(
            "# HELP process_cpu_seconds_total Total user and system CPU time spent in seconds.\n"
                + "# TYPE process_cpu_seconds_total counter\n");
  }

  @Test
  void ownFamilies_requestCountsAndPushSummaries() {
    try (TestGateway fresh = TestGateway.start()) {
      assertThat(fresh.scrape()).doesNotContain("pushgateway_http_requests_total");

      fresh.put("/metrics/job/a", "m 1\n");
      fresh.put("/metrics/job/a", "m 1 x\n");
      fresh.post("/metrics/job/a", "m 1\n");
      fresh.delete("/metrics/job/a");
      fresh.raw("DELETE", "/metrics/job/a/b", new byte[0]);
      fresh.get("/-/healthy");
      fresh.get("/-/ready");
      fresh.get("/api/v1/status");
      fresh.get("/api/v1/metrics");
      fresh.request("OPTIONS", "/api/v1/anything", new byte[0]);
      fresh.get("/");
      fresh.get("/status");
      fresh.get("/static/nonexistent.js");
      // Not counted: scrapes, router answers (404, 405, redirects), /-/quit, gzip rejections.
      fresh.get("/metrics");
      fresh.get("/nonexistent");
      fresh.put("/-/quit", "");
      fresh.request("PATCH", "/metrics/job/a", new byte[0]);
      fresh.put("/api/v1/admin/wipe", "");
      fresh.post("/api/v1/status", "");
      fresh.raw("GET", "/-/healthy", new byte[0], "Content-Encoding: gzip");
      fresh.get("/metrics/");

      List<ScrapeText.Family> families = ScrapeText.families(fresh.scrape());
      assertThat(family(families, "pushgateway_http_requests_total"))
          .isEqualTo(
              """
              # HELP pushgateway_http_requests_total Total HTTP requests processed by the Pushgateway, excluding scrapes.
              # TYPE pushgateway_http_requests_total counter
              pushgateway_http_requests_total{code="200",handler="api/v1/metrics",method="get"} 1
              pushgateway_http_requests_total{code="200",handler="api/v1/options",method="options"} 1
              pushgateway_http_requests_total{code="200",handler="api/v1/status",method="get"} 1
              pushgateway_http_requests_total{code="200",handler="healthy",method="get"} 1
              pushgateway_http_requests_total{code="200",handler="push",method="post"} 1
              pushgateway_http_requests_total{code="200",handler="push",method="put"} 1
              pushgateway_http_requests_total{code="200",handler="ready",method="get"} 1
              pushgateway_http_requests_total{code="200",handler="status",method="get"} 2
              pushgateway_http_requests_total{code="202",handler="delete",method="delete"} 1
              pushgateway_http_requests_total{code="400",handler="delete",method="delete"} 1
              pushgateway_http_requests_total{code="400",handler="push",method="put"} 1
              pushgateway_http_requests_total{code="404",handler="static",method="get"} 1
              """);
      assertThat(withoutValues(family(families, "pushgateway_http_push_duration_seconds")))
          .isEqualTo(
              """
              # HELP pushgateway_http_push_duration_seconds HTTP request duration for pushes to the Pushgateway.
              # TYPE pushgateway_http_push_duration_seconds summary
              pushgateway_http_push_duration_seconds{method="post",quantile="0.1"}
              pushgateway_http_push_duration_seconds{method="post",quantile="0.5"}
              pushgateway_http_push_duration_seconds{method="post",quantile="0.9"}
              pushgateway_http_push_duration_seconds_sum{method="post"}
              pushgateway_http_push_duration_seconds_count{method="post"} 1
              pushgateway_http_push_duration_seconds{method="put",quantile="0.1"}
              pushgateway_http_push_duration_seconds{method="put",quantile="0.5"}
              pushgateway_http_push_duration_seconds{method="put",quantile="0.9"}
              pushgateway_http_push_duration_seconds_sum{method="put"}
              pushgateway_http_push_duration_seconds_count{method="put"} 2
              """);
      assertThat(withoutValues(family(families, "pushgateway_http_push_size_bytes")))
          .startsWith(
              """
              # HELP pushgateway_http_push_size_bytes HTTP request size for pushes to the Pushgateway.
              # TYPE pushgateway_http_push_size_bytes summary
              pushgateway_http_push_size_bytes{method="post",quantile="0.1"}
              """)
          .contains("pushgateway_http_push_size_bytes_count{method=\"put\"} 2\n");
    }
  }

  @Test
  void ownFamilies_pushSizeIsGosApproximateRequestSize() {
    try (TestGateway fresh = TestGateway.start()) {
      // URL 15 + "PUT" 3 + "HTTP/1.1" 8 + "Content-Length" "4" 15 + "Connection" "close" 15
      // + Host "127.0.0.1" 9 + body 4 = 69, as Go 1.5.1 reports for exactly this request.
      String request =
          "PUT /metrics/job/sz HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 4\r\n"
              + "Connection: close\r\n\r\nm 1\n";
      RawHttp.exchangeBytes(fresh.port(), request.getBytes(UTF_8));

      String sizeSum = "pushgateway_http_push_size_bytes_sum{method=\"put\"}";
      assertThat(ScrapeText.value(fresh.scrape(), sizeSum)).isEqualTo(69);
    }
  }

  @Test
  void scrapeFollowsPromtoolsRules_afterManyPushes() throws Exception {
    gateway.pushOk("/metrics/job/sc_rules_a", "# TYPE sc_rules counter\nsc_rules{x=\"1\"} 1\n");
    gateway.pushOk("/metrics/job/sc_rules_b/instance/i", "# TYPE sc_rules counter\nsc_rules 2\n");
    gateway.pushOk(
        "/metrics/job/sc_rules_c",
        "# TYPE sc_rules counter\nsc_rules 3\n# TYPE sc_rules_h histogram\nsc_rules_h_bucket{le=\"1\"} 1\n"
            + "sc_rules_h_sum 1\nsc_rules_h_count 1\n");

    String scrape = gateway.scrape();

    assertThat(ScrapeText.promtoolProblems(scrape)).isEmpty();
    promtoolParses(scrape);
  }

  /** Runs the real promtool when it is installed: it must parse the scrape (lint hints aside). */
  private static void promtoolParses(String scrape) throws IOException, InterruptedException {
    Path promtool = Path.of("/usr/bin/promtool");
    assumeTrue(Files.isExecutable(promtool), "promtool is not installed");
    Process process =
        new ProcessBuilder(promtool.toString(), "check", "metrics")
            .redirectErrorStream(true)
            .start();
    process.getOutputStream().write(scrape.getBytes(UTF_8));
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    // Exit status 3 means lint findings only (e.g. missing HELP); 1 would be a parse error.
    assertThat(process.exitValue()).as(output).isIn(0, 3);
    assertThat(output).doesNotContain("error while linting");
  }

  private static String family(List<ScrapeText.Family> families, String name) {
    return families.stream()
        .filter(f -> f.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no family " + name))
        .render();
  }

  /** Drops sample values except those of {@code _count} lines (timings vary). */
  private static String withoutValues(String family) {
    StringBuilder out = new StringBuilder();
    for (String line : family.split("\n")) {
      boolean keep = line.startsWith("#") || line.contains("_count{");
      out.append(keep ? line : line.substring(0, line.lastIndexOf(' '))).append('\n');
    }
    return out.toString();
  }
}
