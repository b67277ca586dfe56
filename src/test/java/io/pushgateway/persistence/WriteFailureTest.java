package io.pushgateway.persistence;

import static io.pushgateway.persistence.PersistenceFixtures.MACHINE;
import static io.pushgateway.persistence.PersistenceFixtures.dump;
import static io.pushgateway.persistence.PersistenceFixtures.empty;
import static io.pushgateway.persistence.PersistenceFixtures.options;
import static org.assertj.core.api.Assertions.assertThat;

import io.pushgateway.http.GatewayServer;
import io.pushgateway.http.HttpApi;
import io.pushgateway.http.RequestObserver;
import io.pushgateway.log.Log;
import io.pushgateway.storage.MetricStore;
import io.pushgateway.storage.StoreState;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A log that cannot be written (a full disk): writes are refused with 503 and leave the store as it
 * was, the health checks fail naming the problem, and everything recovers once the disk can be
 * written again, with or without another write.
 */
class WriteFailureTest {
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @TempDir Path dir;

  private final HttpClient client = HttpClient.newHttpClient();
  private final FailingDisk disk = new FailingDisk();
  private MetricStore store;
  private GatewayServer server;
  private String base;

  private Path file() {
    return dir.resolve("pushgateway.data");
  }

  private void start() throws Exception {
    DurableLog.Opened opened =
        DurableLog.open(options(file()), empty(), MACHINE, Log.discard(), disk);
    store =
        new MetricStore(
            opened.state(), MACHINE, 100, new PersistenceFixtures.Killable(opened.log()));
    HttpApi.Settings settings =
        new HttpApi.Settings(
            "",
            ".",
            "/metrics",
            true,
            false,
            true,
            io.pushgateway.http.PushLimits.NONE,
            Map.of(),
            Map.of(),
            Instant.now());
    server =
        GatewayServer.start(
            List.of("127.0.0.1:0"),
            HttpApi.dispatcher(
                settings, store, List::of, RequestObserver.NONE, () -> {}, Log.discard()));
    base = "http://127.0.0.1:" + server.addresses().get(0).getPort();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(Duration.ZERO);
    }
    if (store != null) {
      store.close();
    }
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + path))
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return send("GET", path, "");
  }

  private StoreState reopened() throws Exception {
    DurableLog.Opened opened = DurableLog.open(options(file()), empty(), MACHINE, Log.discard());
    opened.log().crash();
    return opened.state();
  }

  @Test
  void fullDisk_refusesWritesWith503AndFailsHealth_untilItCanWriteAgain() throws Exception {
    start();
    assertThat(send("PUT", "/metrics/job/ok", "ok_metric 1\n").statusCode()).isEqualTo(200);
    StoreState before = store.state();
    long sizeBefore = Files.size(file());

    disk.full = true;
    HttpResponse<String> refused = send("PUT", "/metrics/job/refused", "refused_metric 2\n");
    HttpResponse<String> delete = send("DELETE", "/metrics/job/ok", "");
    HttpResponse<String> wipe = send("PUT", "/api/v1/admin/wipe", "");
    HttpResponse<String> healthy = get("/-/healthy");
    HttpResponse<String> ready = get("/-/ready");

    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(refused.body())
        .contains("persistence failed, the write was not applied")
        .contains(FailingDisk.NO_SPACE);
    assertThat(delete.statusCode()).isEqualTo(503);
    assertThat(delete.body()).contains("persistence failed");
    assertThat(wipe.statusCode()).isEqualTo(503);
    assertThat(store.state()).isSameAs(before);
    assertThat(get("/metrics").body()).contains("ok_metric").doesNotContain("refused_metric");
    assertThat(healthy.statusCode()).isEqualTo(500);
    assertThat(healthy.body()).contains("persistence failed").contains(FailingDisk.NO_SPACE);
    assertThat(ready.statusCode()).isEqualTo(500);
    assertThat(Files.size(file())).isEqualTo(sizeBefore);

    disk.full = false;
    assertThat(send("PUT", "/metrics/job/after", "after_metric 3\n").statusCode()).isEqualTo(200);
    assertThat(get("/-/healthy").statusCode()).isEqualTo(200);
    assertThat(get("/-/ready").body()).isEqualTo("OK");
    StoreState acknowledged = store.state();
    store.close();
    store = null;

    StoreState restored = reopened();
    assertThat(dump(restored)).containsExactlyElementsOf(dump(acknowledged));
    assertThat(restored.family("refused_metric")).isNull();
    assertThat(restored.family("ok_metric")).isNotNull();
  }

  @Test
  void diskFillingUpInTheMiddleOfAWrite_leavesNoTraceOfIt() throws Exception {
    start();
    assertThat(send("PUT", "/metrics/job/ok", "ok_metric 1\n").statusCode()).isEqualTo(200);
    long sizeBefore = Files.size(file());

    disk.full = true;
    disk.partial = true;
    assertThat(send("POST", "/metrics/job/ok", "half_written 2\n").statusCode()).isEqualTo(503);

    assertThat(Files.size(file())).as("the half-written record is cut off").isEqualTo(sizeBefore);
    disk.full = false;
    assertThat(send("POST", "/metrics/job/ok", "later 3\n").statusCode()).isEqualTo(200);
    StoreState acknowledged = store.state();
    store.close();
    store = null;
    StoreState restored = reopened();
    assertThat(dump(restored)).containsExactlyElementsOf(dump(acknowledged));
    assertThat(restored.family("half_written")).isNull();
  }

  @Test
  void healthRecoversWithoutAnotherWrite_onceTheDiskCanBeWritten() throws Exception {
    start();
    disk.full = true;
    assertThat(send("PUT", "/metrics/job/refused", "refused_metric 2\n").statusCode())
        .isEqualTo(503);
    assertThat(get("/-/healthy").statusCode()).isEqualTo(500);

    disk.full = false;
    // The idle writer probes the log about once a second.
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (get("/-/healthy").statusCode() != 200 && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }

    assertThat(get("/-/healthy").statusCode()).isEqualTo(200);
    store.close();
    store = null;
    assertThat(reopened().groupCount()).as("the probe changes nothing").isZero();
  }
}
