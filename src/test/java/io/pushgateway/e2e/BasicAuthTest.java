package io.pushgateway.e2e;

import static io.pushgateway.e2e.WebClient.basic;
import static io.pushgateway.e2e.WebClient.http;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.exporter.pushgateway.PushGateway;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code basic_auth_users}, {@code http_server_config.headers} and {@code rate_limit} end to end,
 * compared with the Go Pushgateway 1.5.1 (same status, headers and body), and the re-reading of the
 * file on every request.
 */
class BasicAuthTest {
  /** carol123 and dave123 (exporter-toolkit's test users), bcrypt cost 4 to keep tests quick. */
  static final String CAROL = "$2a$04$x3HE/lZYBf7a50ZR4koDRuDHlv.GfTmF9hOiC36fULA25PgIQ.fzm";

  static final String DAVE = "$2y$10$2UXri9cIDdgeKjBo4Rlpx.U3ZLDV8X1IxKmsfOvhcM5oXQt/mLmXq";

  private static final String CONFIG =
      """
      basic_auth_users:
        carol: %s
      http_server_config:
        headers:
          X-Frame-Options: deny
          Content-Security-Policy: "default-src 'self'"
      """
          .formatted(CAROL);

  @TempDir Path dir;

  private TestGateway start(String yaml, String... flags) throws IOException {
    Path file = dir.resolve("web.yml");
    Files.writeString(file, yaml);
    String[] all = new String[flags.length + 1];
    all[0] = "--web.config.file=" + file;
    System.arraycopy(flags, 0, all, 1, flags.length);
    return TestGateway.start(all);
  }

  @Test
  void everyEndpointNeedsCredentials() throws Exception {
    try (TestGateway gateway = start(CONFIG, "--web.enable-admin-api")) {
      int port = gateway.port();
      for (String[] request :
          List.of(
              new String[] {"GET", "/metrics"},
              new String[] {"GET", "/-/healthy"},
              new String[] {"GET", "/-/ready"},
              new String[] {"GET", "/"},
              new String[] {"GET", "/static/nothing"},
              new String[] {"GET", "/api/v1/status"},
              new String[] {"OPTIONS", "/api/v1/metrics"},
              new String[] {"PUT", "/metrics/job/j"},
              new String[] {"DELETE", "/metrics/job/j"},
              new String[] {"PUT", "/api/v1/admin/wipe"},
              new String[] {"GET", "/nowhere"})) {
        Response none = http(port, request[0], request[1], "").response();
        // Go 1.5.1: 401, Www-Authenticate: Basic, http.Error's body and headers.
        assertThat(none.describe("WWW-Authenticate", "Content-Type", "X-Content-Type-Options"))
            .as(String.join(" ", request))
            .isEqualTo(
                """
                401
                WWW-Authenticate: Basic
                Content-Type: text/plain; charset=utf-8
                X-Content-Type-Options: nosniff

                Unauthorized
                """);
        assertThat(http(port, request[0], request[1], "", basic("carol", "wrong")).status())
            .isEqualTo(401);
      }
      assertThat(http(port, "GET", "/-/healthy", "", basic("carol", "carol123")).text())
          .isEqualTo("OK");
      // An unknown user is checked against the dummy hash, whose password opens nothing.
      assertThat(http(port, "GET", "/-/healthy", "", basic("fakeuser", "fakepassword")).status())
          .isEqualTo(401);
      assertThat(http(port, "GET", "/-/healthy", "", "Authorization: Bearer x").status())
          .isEqualTo(401);
    }
  }

  @Test
  void configuredHeadersOnEveryAnswer() throws Exception {
    try (TestGateway gateway = start(CONFIG)) {
      int port = gateway.port();
      String auth = basic("carol", "carol123");
      List<Response> answers =
          List.of(
              http(port, "GET", "/-/healthy", "", auth).response(),
              http(port, "GET", "/-/healthy", "").response(),
              http(port, "GET", "/nowhere", "", auth).response(),
              http(port, "POST", "/-/healthy", "", auth).response(),
              http(port, "GET", "/metrics", "", auth).response());
      assertThat(answers).extracting(Response::status).containsExactly(200, 401, 404, 405, 200);
      for (Response answer : answers) {
        assertThat(answer.header("X-Frame-Options")).isEqualTo("deny");
        assertThat(answer.header("Content-Security-Policy")).isEqualTo("default-src 'self'");
      }
    }
  }

  @Test
  void refusedRequestsAreNotCounted() throws Exception {
    try (TestGateway gateway = start(CONFIG)) {
      int port = gateway.port();
      http(port, "GET", "/-/healthy", "");
      http(port, "GET", "/-/healthy", "", basic("carol", "bad"));
      http(port, "GET", "/-/healthy", "", basic("carol", "carol123"));
      String scrape = http(port, "GET", "/metrics", "", basic("carol", "carol123")).text();
      assertThat(scrape)
          .contains(
              "pushgateway_http_requests_total{code=\"200\",handler=\"healthy\",method=\"get\"} 1")
          .doesNotContain("code=\"401\"");
    }
  }

  @Test
  void curlWithAndWithoutTheRightPassword() throws Exception {
    try (TestGateway gateway = start(CONFIG)) {
      String url = "http://127.0.0.1:" + gateway.port() + "/metrics";
      assertThat(WebClient.curlStatus(dir, "-u", "carol:carol123", url).output()).isEqualTo("200");
      assertThat(WebClient.curlStatus(dir, "-u", "carol:nope", url).output()).isEqualTo("401");
      assertThat(WebClient.curlStatus(dir, url).output()).isEqualTo("401");
      String push = "http://127.0.0.1:" + gateway.port() + "/metrics/job/curl";
      assertThat(
              WebClient.curlStatus(
                      dir, "-u", "carol:carol123", "--data-binary", "curl_metric 1\n", push)
                  .output())
          .isEqualTo("200");
    }
  }

  @Test
  void javaClientPushesWithBasicAuth() throws Exception {
    try (TestGateway gateway = start(CONFIG)) {
      PrometheusRegistry registry = new PrometheusRegistry();
      Gauge.builder().name("jc_auth_gauge").help("A gauge.").register(registry).set(42);
      String address = "127.0.0.1:" + gateway.port();
      PushGateway.builder()
          .address(address)
          .job("jc_auth")
          .registry(registry)
          .basicAuth("carol", "carol123")
          .build()
          .push();
      assertThat(http(gateway.port(), "GET", "/metrics", "", basic("carol", "carol123")).text())
          .contains("jc_auth_gauge{instance=\"\",job=\"jc_auth\"} 42");
      PushGateway wrong =
          PushGateway.builder()
              .address(address)
              .job("jc_auth")
              .registry(registry)
              .basicAuth("carol", "wrong")
              .build();
      assertThatThrownBy(wrong::push).isInstanceOf(IOException.class).hasMessageContaining("401");
    }
  }

  @Test
  void changesToTheFileApplyToTheNextRequest() throws Exception {
    try (TestGateway gateway = start(CONFIG)) {
      int port = gateway.port();
      Path file = dir.resolve("web.yml");
      assertThat(http(port, "GET", "/-/healthy", "", basic("carol", "carol123")).status())
          .isEqualTo(200);
      Files.writeString(file, "basic_auth_users:\n  dave: " + DAVE + "\n");
      assertThat(http(port, "GET", "/-/healthy", "", basic("carol", "carol123")).status())
          .isEqualTo(401);
      Response dave = http(port, "GET", "/-/healthy", "", basic("dave", "dave123")).response();
      assertThat(dave.status()).isEqualTo(200);
      assertThat(dave.header("X-Frame-Options")).isNull();

      // A file that became invalid: 500 for everyone, as Go answers, and an error logged.
      Files.writeString(file, "basic_auth_users:\n  dave: " + DAVE + "\nbogus: 1\n");
      Response broken = http(port, "GET", "/-/healthy", "", basic("dave", "dave123")).response();
      assertThat(broken.describe("Content-Type"))
          .isEqualTo("500\nContent-Type: text/plain; charset=utf-8\n\nInternal Server Error\n");
      assertThat(gateway.log())
          .contains(
              "level=error caller=WebSecurityFilter.java",
              "msg=\"Unable to parse configuration\" err=\"yaml: unmarshal errors:\\n  line 3:"
                  + " field bogus not found in type web.Config\"");

      // Without users, no authentication at all.
      Files.writeString(file, "");
      assertThat(http(port, "GET", "/-/healthy", "").status()).isEqualTo(200);
      Files.delete(file);
      assertThat(http(port, "GET", "/-/healthy", "").status()).isEqualTo(500);
      assertThat(gateway.log()).contains("err=\"open " + file + ": no such file or directory\"");
    }
  }

  @Test
  void rateLimitAnswers429() throws Exception {
    try (TestGateway gateway = start("rate_limit:\n  interval: 1h\n  burst: 2\n")) {
      int port = gateway.port();
      assertThat(http(port, "GET", "/-/healthy", "").status()).isEqualTo(200);
      assertThat(http(port, "GET", "/-/healthy", "").status()).isEqualTo(200);
      assertThat(http(port, "GET", "/-/healthy", "").response().describe())
          .isEqualTo("429\n\nToo Many Requests\n");
      assertThat(gateway.log())
          .contains("msg=\"Rate Limiter is enabled.\" burst=2 interval=1h0m0s");
    }
  }
}
