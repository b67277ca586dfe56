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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code user_permissions}, this gateway's extension: read, push (optionally limited to groups) and
 * admin, each user only what it is given; a refusal is 403 naming the missing permission and is not
 * counted.
 */
class UserPermissionsTest {
  private static final String HASH = BasicAuthTest.CAROL; // every user's password is carol123

  @TempDir static Path dir;
  private static TestGateway gateway;

  @BeforeAll
  static void start() throws IOException {
    Path file = dir.resolve("web.yml");
    Files.writeString(
        file,
        """
        basic_auth_users:
          prometheus: %1$s
          backup: %1$s
          ci: %1$s
          ops: %1$s
          nobody: %1$s
        user_permissions:
          prometheus: [read]
          backup:
            push:
              job: backup|backup-.+
          ci:
            read: true
            push:
              grouping_key:
                instance: runner-[0-9]+
          ops: [read, push, admin]
        """
            .formatted(HASH));
    gateway =
        TestGateway.start(
            "--web.config.file=" + file, "--web.enable-admin-api", "--web.enable-lifecycle");
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  private static Response as(String user, String method, String path, String body)
      throws IOException {
    return http(gateway.port(), method, path, body, basic(user, "carol123")).response();
  }

  @Test
  void readOnlyUserReadsButCannotPushOrWipe() throws Exception {
    assertThat(as("prometheus", "GET", "/metrics", "").status()).isEqualTo(200);
    assertThat(as("prometheus", "GET", "/api/v1/status", "").status()).isEqualTo(200);
    assertThat(as("prometheus", "GET", "/api/v1/metrics", "").status()).isEqualTo(200);
    assertThat(as("prometheus", "GET", "/", "").status()).isEqualTo(200);
    assertThat(as("prometheus", "PUT", "/metrics/job/backup", "x 1\n").describe("Content-Type"))
        .isEqualTo(
            """
            403
            Content-Type: text/plain; charset=utf-8

            user "prometheus" lacks the "push" permission
            """);
    assertThat(as("prometheus", "DELETE", "/metrics/job/backup", "").text())
        .isEqualTo(
            "user \"prometheus\" lacks the \"push\" permission and the \"admin\" permission\n");
    assertThat(as("prometheus", "PUT", "/api/v1/admin/wipe", "").text())
        .isEqualTo("user \"prometheus\" lacks the \"admin\" permission\n");
    assertThat(as("prometheus", "PUT", "/-/quit", "").status()).isEqualTo(403);
  }

  @Test
  void leakedPusherCredentialsCanNeitherReadNorWipe() throws Exception {
    assertThat(as("backup", "PUT", "/metrics/job/backup/instance/db1", "backup_ok 1\n").status())
        .isEqualTo(200);
    assertThat(as("backup", "POST", "/metrics/job/backup-nightly", "backup_ok 1\n").status())
        .isEqualTo(200);
    // job@base64 routes are judged on the decoded job.
    assertThat(as("backup", "PUT", "/metrics/job@base64/YmFja3Vw", "backup_ok 2\n").status())
        .isEqualTo(200);
    assertThat(as("backup", "PUT", "/metrics/job/web/instance/db1", "x 1\n").text())
        .isEqualTo(
            "user \"backup\" lacks the \"push\" permission for the group"
                + " {instance=\"db1\",job=\"web\"}\n");
    assertThat(as("backup", "GET", "/metrics", "").text())
        .isEqualTo("user \"backup\" lacks the \"read\" permission\n");
    assertThat(as("backup", "GET", "/api/v1/metrics", "").status()).isEqualTo(403);
    assertThat(as("backup", "GET", "/static/app.js", "").status()).isEqualTo(403);
    assertThat(as("backup", "PUT", "/api/v1/admin/wipe", "").status()).isEqualTo(403);
    // Deleting its own groups is part of pushing them; others' needs admin.
    assertThat(as("backup", "DELETE", "/metrics/job/backup-nightly", "").status()).isEqualTo(202);
    assertThat(as("backup", "DELETE", "/metrics/job/web", "").text())
        .isEqualTo(
            "user \"backup\" lacks the \"push\" permission for the group {job=\"web\"} and the"
                + " \"admin\" permission\n");
    // Health checks and URL mistakes need no permission.
    assertThat(as("backup", "GET", "/-/healthy", "").status()).isEqualTo(200);
    assertThat(as("backup", "PUT", "/metrics/job/backup/instance", "x 1\n").status())
        .isEqualTo(400);
    assertThat(as("ops", "GET", "/metrics", "").text()).contains("backup_ok{instance=\"db1\"");
  }

  @Test
  void groupingKeyPatternsAndUnlistedUsers() throws Exception {
    assertThat(as("ci", "PUT", "/metrics/job/build/instance/runner-12", "ci_ok 1\n").status())
        .isEqualTo(200);
    assertThat(as("ci", "PUT", "/metrics/job/build/instance/laptop", "ci_ok 1\n").status())
        .isEqualTo(403);
    assertThat(as("ci", "PUT", "/metrics/job/build", "ci_ok 1\n").status()).isEqualTo(403);
    assertThat(as("ci", "GET", "/metrics", "").status()).isEqualTo(200);
    assertThat(as("nobody", "GET", "/-/ready", "").status()).isEqualTo(200);
    assertThat(as("nobody", "GET", "/metrics", "").status()).isEqualTo(403);
    assertThat(as("nobody", "PUT", "/metrics/job/x", "x 1\n").status()).isEqualTo(403);
  }

  @Test
  void adminWipes() throws Exception {
    assertThat(as("ops", "PUT", "/metrics/job/web", "web_ok 1\n").status()).isEqualTo(200);
    assertThat(as("ops", "DELETE", "/metrics/job/web", "").status()).isEqualTo(202);
    assertThat(as("ops", "OPTIONS", "/api/v1/status", "").status()).isEqualTo(200);
    assertThat(as("nobody", "OPTIONS", "/api/v1/status", "").status()).isEqualTo(200);
  }

  @Test
  void refusalsAreNotCounted() throws Exception {
    as("prometheus", "PUT", "/metrics/job/never", "x 1\n");
    as("backup", "GET", "/api/v1/status", "");
    String scrape = as("ops", "GET", "/metrics", "").text();
    assertThat(scrape).doesNotContain("code=\"403\"");
  }

  @Test
  void javaClientWithAPusherCredential() throws Exception {
    PrometheusRegistry registry = new PrometheusRegistry();
    Gauge.builder().name("jc_scoped").help("Scoped.").register(registry).set(1);
    PushGateway.Builder builder =
        PushGateway.builder()
            .address("127.0.0.1:" + gateway.port())
            .basicAuth("backup", "carol123")
            .registry(registry);
    builder.job("backup-jc").build().push();
    assertThatThrownBy(() -> builder.job("other").build().push())
        .isInstanceOf(IOException.class)
        .hasMessageContaining("403");
    builder.job("backup-jc").build().delete();
  }
}
