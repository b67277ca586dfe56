package io.pushgateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code PUT /api/v1/admin/wipe}, present only with {@code --web.enable-admin-api} (§10.4). */
class AdminApiTest {

  @Test
  void wipe_withoutTheFlag_is404AndKeepsEverything() {
    try (TestGateway gateway = TestGateway.start()) {
      gateway.pushOk("/metrics/job/a", "m 1\n");

      assertThat(gateway.put("/api/v1/admin/wipe", "").describe())
          .isEqualTo("404\n\n404 page not found\n");
      assertThat(gateway.get("/api/v1/admin/wipe").status()).isEqualTo(404);

      assertThat(gateway.pushed("a")).isEqualTo("# TYPE m untyped\nm{instance=\"\",job=\"a\"} 1\n");
    }
  }

  @Test
  void wipe_withTheFlag_deletesEveryGroupWith202() {
    try (TestGateway gateway = TestGateway.start("--web.enable-admin-api")) {
      gateway.pushOk("/metrics/job/a", "m 1\n");
      gateway.pushOk("/metrics/job/b/instance/x", "m 2\n");
      gateway.put("/metrics/job/failed", "m 3 1000\n");

      Response response = gateway.put("/api/v1/admin/wipe", "");

      assertThat(response.describe("Content-Type", "Access-Control-Allow-Origin"))
          .isEqualTo("202\n\n");
      assertThat(ScrapeText.withoutOwnFamilies(gateway.scrape())).isEmpty();
      assertThat(gateway.get("/api/v1/metrics").text())
          .isEqualTo("{\"status\":\"success\",\"data\":[]}");
    }
  }

  @Test
  void wipe_thenPush_storesOnlyTheNewGroup() {
    try (TestGateway gateway = TestGateway.start("--web.enable-admin-api")) {
      gateway.pushOk("/metrics/job/a", "m 1\n");
      gateway.put("/api/v1/admin/wipe", "");

      gateway.pushOk("/metrics/job/c", "n 1\n");

      assertThat(ScrapeText.withoutPushTimes(ScrapeText.withoutOwnFamilies(gateway.scrape())))
          .isEqualTo("# TYPE n untyped\nn{instance=\"\",job=\"c\"} 1\n");
    }
  }

  @Test
  void wipe_otherMethods_are405() {
    try (TestGateway gateway = TestGateway.start("--web.enable-admin-api")) {
      for (String method : new String[] {"GET", "POST", "DELETE"}) {
        assertThat(gateway.request(method, "/api/v1/admin/wipe", new byte[0]).describe("Allow"))
            .as(method)
            .isEqualTo("405\nAllow: OPTIONS, PUT\n\nMethod Not Allowed\n");
      }
    }
  }
}
