package io.pushgateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code --web.route-prefix}, {@code --web.external-url} and {@code --web.telemetry-path} (§2.3).
 */
class RoutePrefixTest {

  @Test
  void routePrefix_movesEveryRoute() {
    try (TestGateway gateway = TestGateway.start("--web.route-prefix=/pg")) {
      assertThat(gateway.put("/pg/metrics/job/j", "m 1\n").status()).isEqualTo(200);
      assertThat(gateway.put("/metrics/job/j", "m 1\n").describe())
          .isEqualTo("404\n\n404 page not found\n");

      assertThat(
              ScrapeText.withoutPushTimes(ScrapeText.onlyJobs(gateway.scrape("/pg/metrics"), "j")))
          .isEqualTo("# TYPE m untyped\nm{instance=\"\",job=\"j\"} 1\n");
      assertThat(gateway.get("/metrics").status()).isEqualTo(404);
      assertThat(gateway.get("/pg/-/healthy").text()).isEqualTo("OK");
      assertThat(gateway.get("/-/healthy").status()).isEqualTo(404);
      assertThat(gateway.get("/pg/api/v1/metrics").text()).contains("{\"labels\":{\"job\":\"j\"}");
      assertThat(gateway.get("/api/v1/status").status()).isEqualTo(404);
      assertThat(gateway.get("/pg/").status()).isEqualTo(200);
      assertThat(gateway.get("/pg/status").status()).isEqualTo(200);
      assertThat(gateway.get("/").status()).isEqualTo(404);
      assertThat(gateway.get("/pg").describe("Location"))
          .isEqualTo("301\nLocation: /pg/\n\n<a href=\"/pg/\">Moved Permanently</a>.\n\n");
      assertThat(gateway.delete("/pg/metrics/job/j").status()).isEqualTo(202);
    }
  }

  @Test
  void routePrefix_quitIsPrefixedExceptItsGet() {
    try (TestGateway gateway = TestGateway.start("--web.route-prefix=/pg")) {
      assertThat(gateway.put("/pg/-/quit", "").status()).isEqualTo(403);
      assertThat(gateway.get("/-/quit").text()).isEqualTo("Only POST or PUT requests allowed.");
      assertThat(gateway.get("/pg/-/quit").describe("Allow"))
          .isEqualTo("405\nAllow: OPTIONS, POST, PUT\n\nMethod Not Allowed\n");
      assertThat(gateway.put("/-/quit", "").describe("Allow"))
          .isEqualTo("405\nAllow: GET, OPTIONS\n\nMethod Not Allowed\n");
    }
  }

  @Test
  void routePrefixWithTelemetryPath() {
    try (TestGateway gateway =
        TestGateway.start("--web.route-prefix=/pg", "--web.telemetry-path=/prom")) {
      gateway.pushOk("/pg/metrics/job/j", "m 1\n");

      assertThat(gateway.scrape("/pg/prom")).contains("m{instance=\"\",job=\"j\"} 1\n");
      assertThat(gateway.get("/pg/prom/").describe("Location"))
          .isEqualTo("301\nLocation: /pg/prom\n\n<a href=\"/pg/prom\">Moved Permanently</a>.\n\n");
      assertThat(gateway.get("/PG/prom").header("Location")).isEqualTo("/pg/prom");
      assertThat(gateway.get("/pg/metrics").status()).isEqualTo(404);
      assertThat(gateway.get("/prom").status()).isEqualTo(404);
      assertThat(gateway.put("/pg/metrics/job/", "").describe("Location"))
          .isEqualTo("307\nLocation: /pg/metrics/job\n\n");
    }
  }

  @Test
  void routePrefix_isNormalised() {
    try (TestGateway gateway = TestGateway.start("--web.route-prefix=pg/")) {
      gateway.pushOk("/pg/metrics/job/j", "m 1\n");

      assertThat(gateway.scrape("/pg/metrics")).contains("m{instance=\"\",job=\"j\"} 1\n");
      assertThat(gateway.get("/pg/api/v1/status").text()).contains("\"web.route-prefix\":\"/pg\"");
    }
  }

  @Test
  void telemetryPath_alone() {
    try (TestGateway gateway = TestGateway.start("--web.telemetry-path=/prom")) {
      gateway.pushOk("/metrics/job/j", "m 1\n");

      assertThat(gateway.scrape("/prom")).contains("m{instance=\"\",job=\"j\"} 1\n");
      assertThat(gateway.get("/metrics").describe()).isEqualTo("404\n\n404 page not found\n");
      assertThat(gateway.get("/api/v1/status").text()).contains("\"web.telemetry-path\":\"/prom\"");
    }
  }

  @Test
  void externalUrl_givesThePrefixFromItsPath() {
    try (TestGateway gateway = TestGateway.start("--web.external-url=http://example.com/ext/")) {
      assertThat(gateway.put("/ext/metrics/job/j", "m 1\n").status()).isEqualTo(200);

      assertThat(gateway.scrape("/ext/metrics")).contains("m{instance=\"\",job=\"j\"} 1\n");
      assertThat(gateway.get("/metrics").status()).isEqualTo(404);
      assertThat(gateway.get("/ext/-/ready").text()).isEqualTo("OK");
      assertThat(gateway.get("/ext").header("Location")).isEqualTo("/ext/");
      assertThat(gateway.get("/ext/api/v1/status").text())
          .contains(
              "\"web.external-url\":\"http://example.com/ext/\",\"web.listen-address\":\"127.0.0.1:0\","
                  + "\"web.route-prefix\":\"/ext\"");
    }
  }

  @Test
  void routePrefix_winsOverTheExternalUrlsPath() {
    try (TestGateway gateway =
        TestGateway.start(
            "--web.route-prefix=pg/",
            "--web.external-url=http://example.com/ext/",
            "--web.enable-admin-api")) {
      gateway.pushOk("/pg/metrics/job/j", "m 1\n");

      assertThat(gateway.get("/ext/metrics").status()).isEqualTo(404);
      assertThat(gateway.put("/pg/api/v1/admin/wipe", "").status()).isEqualTo(202);
      assertThat(gateway.get("/pg/api/v1/admin/wipe").header("Allow")).isEqualTo("OPTIONS, PUT");
      assertThat(ScrapeText.onlyJobs(gateway.scrape("/pg/metrics"), "j")).isEmpty();
    }
  }
}
