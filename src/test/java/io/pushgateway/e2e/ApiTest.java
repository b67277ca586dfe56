package io.pushgateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The JSON API {@code /api/v1/metrics} and {@code /api/v1/status} (spec §12). */
class ApiTest {
  private static final Pattern TIME_STAMP =
      Pattern.compile(
          "\"(time_stamp|start_time)\":\"(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,9})?"
              + "(Z|[+-]\\d\\d:\\d\\d))\"");
  private static final Pattern PUSH_TIME = Pattern.compile("\"value\":\"1\\.[0-9]+e\\+09\"");

  private static final String CORS =
      """
      Access-Control-Allow-Headers: Accept, Authorization, Content-Type, Origin
      Access-Control-Allow-Methods: GET, POST, DELETE, OPTIONS
      Access-Control-Allow-Origin: *
      Access-Control-Expose-Headers: Date
      Cache-Control: no-cache, no-store, must-revalidate
      """;
  private static final String[] CORS_HEADERS = {
    "Access-Control-Allow-Headers",
    "Access-Control-Allow-Methods",
    "Access-Control-Allow-Origin",
    "Access-Control-Expose-Headers",
    "Cache-Control",
    "Content-Type"
  };

  /** Replaces RFC 3339 time stamps by {@code <ts>} and push times by {@code <time>}. */
  private static String masked(String json, Instant since) {
    Matcher m = TIME_STAMP.matcher(json);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Instant t = OffsetDateTime.parse(m.group(2)).toInstant();
      assertThat(t).isAfterOrEqualTo(since.minusSeconds(1)).isBeforeOrEqualTo(Instant.now());
      m.appendReplacement(out, "\"" + m.group(1) + "\":\"<ts>\"");
    }
    m.appendTail(out);
    return PUSH_TIME.matcher(out).replaceAll("\"value\":\"<time>\"");
  }

  @Test
  void metrics_emptyStore() {
    try (TestGateway gateway = TestGateway.start()) {
      Response response = gateway.get("/api/v1/metrics");

      assertThat(response.describe(CORS_HEADERS))
          .isEqualTo(
              "200\n"
                  + CORS
                  + "Content-Type: application/json\n\n"
                  + "{\"status\":\"success\",\"data\":[]}");
    }
  }

  @Test
  void metrics_singleGroup_exactBytesWithGosKeyOrderAndEscaping() {
    try (TestGateway gateway = TestGateway.start()) {
      gateway.raw(
          "PUT",
          "/metrics/job/j%3Cx%3E/instance/%E2%80%A8",
          """
          # HELP g A gauge <b> & "c" \\\\ é
          # TYPE g gauge
          g{v="<a&b>\\"q\\" \\\\ é \u2028 \u2029"} 1.5
          g{v="neg"} -0
          # TYPE c counter
          c 2
          # TYPE s summary
          s{quantile="0.5"} 1e-7
          s_sum 1e21
          s_count 3
          # TYPE h histogram
          h_bucket{le="0.5"} 1
          h_bucket{le="+Inf"} 2
          h_sum NaN
          h_count 2
          # TYPE s0 summary
          s0_sum 0
          s0_count 0
          """);

      String json = gateway.get("/api/v1/metrics").text();

      String labels = "\"labels\":{\"instance\":\"\\u2028\",\"job\":\"j\\u003cx\\u003e\"}";
      assertThat(masked(json, gateway.startedAt()))
          .isEqualTo(
              "{\"status\":\"success\",\"data\":[{"
                  + "\"c\":{\"time_stamp\":\"<ts>\",\"type\":\"COUNTER\",\"metrics\":[{"
                  + labels
                  + ",\"value\":\"2\"}]},"
                  + "\"g\":{\"time_stamp\":\"<ts>\",\"type\":\"GAUGE\","
                  + "\"help\":\"A gauge \\u003cb\\u003e \\u0026 \\\"c\\\" \\\\ é\",\"metrics\":["
                  + "{\"labels\":{\"instance\":\"\\u2028\",\"job\":\"j\\u003cx\\u003e\","
                  + "\"v\":\"\\u003ca\\u0026b\\u003e\\\"q\\\" \\\\ é \\u2028 \\u2029\"},\"value\":\"1.5\"},"
                  + "{\"labels\":{\"instance\":\"\\u2028\",\"job\":\"j\\u003cx\\u003e\",\"v\":\"neg\"},"
                  + "\"value\":\"-0\"}]},"
                  + "\"h\":{\"time_stamp\":\"<ts>\",\"type\":\"HISTOGRAM\",\"metrics\":[{"
                  + "\"buckets\":{\"+Inf\":\"2\",\"0.5\":\"1\"},\"count\":\"2\","
                  + labels
                  + ",\"sum\":\"NaN\"}]},"
                  + labels
                  + ",\"last_push_successful\":true,"
                  + "\"push_failure_time_seconds\":{\"time_stamp\":\"<ts>\",\"type\":\"GAUGE\","
                  + "\"help\":\"Last Unix time when changing this group in the Pushgateway failed.\","
                  + "\"metrics\":[{"
                  + labels
                  + ",\"value\":\"0\"}]},"
                  + "\"push_time_seconds\":{\"time_stamp\":\"<ts>\",\"type\":\"GAUGE\","
                  + "\"help\":\"Last Unix time when changing this group in the Pushgateway"
                  + " succeeded.\",\"metrics\":[{"
                  + labels
                  + ",\"value\":\"<time>\"}]},"
                  + "\"s\":{\"time_stamp\":\"<ts>\",\"type\":\"SUMMARY\",\"metrics\":[{"
                  + "\"count\":\"3\","
                  + labels
                  + ",\"quantiles\":{\"0.5\":\"1e-07\"},\"sum\":\"1e+21\"}]},"
                  + "\"s0\":{\"time_stamp\":\"<ts>\",\"type\":\"SUMMARY\",\"metrics\":[{"
                  + "\"count\":\"0\","
                  + labels
                  + ",\"quantiles\":{},\"sum\":\"0\"}]}}]}");
    }
  }

  @Test
  void metrics_groupsInGroupingKeyOrder_withTheLastPushOutcome() {
    try (TestGateway gateway = TestGateway.start()) {
      gateway.pushOk("/metrics/job/b", "m 1\n");
      gateway.put("/metrics/job/a", "m 1 1000\n");
      gateway.pushOk("/metrics/job/z/instance/i", "m 2\n");

      String json = masked(gateway.get("/api/v1/metrics").text(), gateway.startedAt());

      assertThat(json)
          .startsWith(
              "{\"status\":\"success\",\"data\":[{\"labels\":{\"instance\":\"i\",\"job\":\"z\"},"
                  + "\"last_push_successful\":true,\"m\":{\"time_stamp\":\"<ts>\",\"type\":\"UNTYPED\","
                  + "\"metrics\":[{\"labels\":{\"instance\":\"i\",\"job\":\"z\"},\"value\":\"2\"}]},");
      assertThat(json.indexOf("{\"labels\":{\"job\":\"a\"},\"last_push_successful\":false,"))
          .isPositive()
          .isLessThan(json.indexOf("{\"labels\":{\"job\":\"b\"},\"last_push_successful\":true,"));
      assertThat(json)
          .contains(
              "{\"labels\":{\"job\":\"a\"},\"last_push_successful\":false,"
                  + "\"push_failure_time_seconds\":{\"time_stamp\":\"<ts>\",\"type\":\"GAUGE\","
                  + "\"help\":\"Last Unix time when changing this group in the Pushgateway failed.\","
                  + "\"metrics\":[{\"labels\":{\"instance\":\"\",\"job\":\"a\"},\"value\":\"<time>\"}]},"
                  + "\"push_time_seconds\":{\"time_stamp\":\"<ts>\",\"type\":\"GAUGE\","
                  + "\"help\":\"Last Unix time when changing this group in the Pushgateway"
                  + " succeeded.\",\"metrics\":[{\"labels\":{\"instance\":\"\",\"job\":\"a\"},"
                  + "\"value\":\"0\"}]}}");
    }
  }

  @Test
  void status_buildInformationFlagsAndStartTime() {
    try (TestGateway gateway =
        TestGateway.start(
            "--web.enable-admin-api", "--persistence.interval=3s", "--log.level=warn")) {
      Response response = gateway.get("/api/v1/status");

      assertThat(response.describe(CORS_HEADERS))
          .startsWith("200\n" + CORS + "Content-Type: application/json\n\n");
      assertThat(masked(response.text(), gateway.startedAt()))
          .isEqualTo(
              "{\"status\":\"success\",\"data\":{"
                  + "\"build_information\":{\"branch\":\"e2e-branch\",\"buildDate\":\"20260101-12:00:00\","
                  + "\"buildUser\":\"tester@e2e\",\"goVersion\":\"21.0.99\",\"revision\":\"e2e-revision\","
                  + "\"version\":\"9.8.7\"},"
                  + "\"flags\":{\"log.format\":\"logfmt\",\"log.level\":\"warn\",\"persistence.file\":\"\","
                  + "\"persistence.interval\":\"3s\",\"push.disable-consistency-check\":\"false\","
                  + "\"push.enable-utf8-names\":\"false\",\"web.config.file\":\"\","
                  + "\"web.enable-admin-api\":\"true\",\"web.enable-lifecycle\":\"false\","
                  + "\"web.external-url\":\"\",\"web.listen-address\":\"127.0.0.1:0\","
                  + "\"web.route-prefix\":\"\",\"web.systemd-socket\":\"false\","
                  + "\"web.telemetry-path\":\"/metrics\"},"
                  + "\"start_time\":\"<ts>\"}}");
    }
  }

  @Test
  void options_answersWithCorsHeadersForAnyApiPath() {
    try (TestGateway gateway = TestGateway.start()) {
      for (String path : new String[] {"/api/v1/metrics", "/api/v1/anything/at/all"}) {
        Response response = gateway.request("OPTIONS", path, new byte[0]);

        assertThat(response.describe(CORS_HEADERS)).isEqualTo("200\n" + CORS + "\n");
      }
    }
  }

  @Test
  void routerAnswers_carryNoCorsHeaders() {
    try (TestGateway gateway = TestGateway.start()) {
      assertThat(
              gateway.post("/api/v1/status", "").describe("Allow", "Access-Control-Allow-Origin"))
          .isEqualTo("405\nAllow: GET, OPTIONS\n\nMethod Not Allowed\n");
      assertThat(gateway.put("/api/v1/metrics", "").describe("Allow"))
          .isEqualTo("405\nAllow: GET, OPTIONS\n\nMethod Not Allowed\n");
      assertThat(gateway.get("/api/v1/").describe("Access-Control-Allow-Origin"))
          .isEqualTo("404\n\n404 page not found\n");
      assertThat(gateway.get("/api/v1/nope").describe()).isEqualTo("404\n\n404 page not found\n");
      assertThat(gateway.get("/api/v1").describe("Location"))
          .isEqualTo("301\nLocation: /api/v1/\n\n<a href=\"/api/v1/\">Moved Permanently</a>.\n\n");
      // Go's quirk: the API router redirects relative to its stripped prefix.
      assertThat(gateway.get("/api/v1/status/").describe("Location"))
          .isEqualTo("301\nLocation: /status\n\n<a href=\"/status\">Moved Permanently</a>.\n\n");
    }
  }
}
