package io.pushgateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /-/healthy}, {@code /-/ready} and {@code /-/quit} (spec §13). */
class HealthAndLifecycleTest {
  @RegisterExtension static final TestGateway gateway = new TestGateway();

  @Test
  void healthyAndReady_answerOk() {
    for (String path : new String[] {"/-/healthy", "/-/ready"}) {
      assertThat(gateway.get(path).describe("Content-Type"))
          .as(path)
          .isEqualTo("200\nContent-Type: text/plain; charset=utf-8\n\nOK");
    }
  }

  @Test
  void healthChecks_otherMethodsAre405_headToo() {
    assertThat(gateway.post("/-/healthy", "").describe("Allow"))
        .isEqualTo("405\nAllow: GET, OPTIONS\n\nMethod Not Allowed\n");
    assertThat(gateway.raw("HEAD", "/-/ready", new byte[0]).describe("Allow"))
        .isEqualTo("405\nAllow: GET, OPTIONS\n\n");
    assertThat(gateway.get("/-/healthy/").describe("Location"))
        .isEqualTo(
            "301\nLocation: /-/healthy\n\n<a href=\"/-/healthy\">Moved Permanently</a>.\n\n");
  }

  @Test
  void quit_withoutLifecycleFlag_is403AndTheGatewayKeepsRunning() {
    assertThat(gateway.put("/-/quit", "").describe("Content-Type"))
        .isEqualTo("403\nContent-Type: text/plain; charset=utf-8\n\nLifecycle API is not enabled.");
    assertThat(gateway.post("/-/quit", "").status()).isEqualTo(403);

    assertThat(gateway.get("/-/healthy").text()).isEqualTo("OK");
  }

  @Test
  void quit_getAndOtherMethods_are405() {
    assertThat(gateway.get("/-/quit").describe("Allow", "Content-Type"))
        .isEqualTo(
            "405\nContent-Type: text/plain; charset=utf-8\n\nOnly POST or PUT requests allowed.");
    assertThat(gateway.delete("/-/quit").describe("Allow"))
        .isEqualTo("405\nAllow: GET, OPTIONS, POST, PUT\n\nMethod Not Allowed\n");
  }

  @Test
  void quit_withLifecycleFlag_answers200AndStopsTheGateway() throws Exception {
    TestGateway lifecycle = TestGateway.start("--web.enable-lifecycle");
    try {
      lifecycle.pushOk("/metrics/job/j", "m 1\n");

      Response response = lifecycle.put("/-/quit", "");

      assertThat(response.describe("Content-Type"))
          .isEqualTo(
              "200\nContent-Type: text/plain; charset=utf-8\n\nRequesting termination... Goodbye!");
      assertThat(lifecycle.awaitQuitRequested()).isTrue();
      lifecycle.awaitStopped();
      assertThatThrownBy(() -> lifecycle.get("/-/healthy"))
          .isInstanceOf(UncheckedIOException.class);
      assertThat(lifecycle.log())
          .contains("msg=\"received termination request via web service, exiting gracefully...\"");
    } finally {
      lifecycle.close();
    }
  }

  @Test
  void quit_withPost_stopsTheGatewayToo() throws Exception {
    try (TestGateway lifecycle = TestGateway.start("--web.enable-lifecycle")) {
      assertThat(lifecycle.post("/-/quit", "").status()).isEqualTo(200);

      assertThat(lifecycle.awaitQuitRequested()).isTrue();
      lifecycle.awaitStopped();
    }
  }
}
