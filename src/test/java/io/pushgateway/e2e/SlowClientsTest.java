package io.pushgateway.e2e;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slow and abusive clients against the gateway as a separate process (the JDK server's limits are
 * per process): with hundreds of connections that send their headers or body a byte at a time, or
 * nothing at all, pushes from another client still succeed; the read timeout then closes the slow
 * connections, connections over the limit are closed at once, and an oversized header section is
 * dropped. Timeouts here are generous; nothing asserts how fast anything is.
 */
class SlowClientsTest {
  private static final Pattern LISTENING = Pattern.compile("address=127\\.0\\.0\\.1:(\\d+)");
  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final int SLOW_HEADERS = 100;
  private static final int SLOW_BODIES = 100;
  private static final int SILENT = 100;

  @TempDir Path dir;

  private final List<Socket> sockets = new ArrayList<>();
  private final ScheduledExecutorService dribbler = Executors.newSingleThreadScheduledExecutor();
  private Process process;

  @AfterEach
  void tearDown() throws IOException {
    dribbler.shutdownNow();
    for (Socket s : sockets) {
      s.close();
    }
    if (process != null) {
      process.destroyForcibly();
    }
  }

  @Test
  void pushesSucceedWhileHundredsOfSlowConnectionsAreOpen() throws Exception {
    int port =
        startGateway(
            "--web.read-timeout=15s", "--web.max-connections=350", "--web.idle-timeout=15s");
    List<Socket> slow = new ArrayList<>();
    for (int i = 0; i < SLOW_HEADERS; i++) {
      Socket s = open(port);
      // Slowloris: a request line, then one header byte per second, never the blank line.
      write(s, "PUT /metrics/job/slowloris/instance/" + i + " HTTP/1.1\r\nHost: x\r\nX-Slow: ");
      slow.add(s);
    }
    for (int i = 0; i < SLOW_BODIES; i++) {
      Socket s = open(port);
      // Slow body: complete headers announcing 100,000 bytes, then a byte per second.
      write(
          s,
          "PUT /metrics/job/slowbody/instance/"
              + i
              + " HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\nm");
      slow.add(s);
    }
    for (int i = 0; i < SILENT; i++) {
      slow.add(open(port)); // connected, never sends anything
    }
    dribbler.scheduleAtFixedRate(
        () -> {
          for (Socket s : slow.subList(0, SLOW_HEADERS + SLOW_BODIES)) {
            try {
              s.getOutputStream().write('a');
            } catch (IOException e) {
              // closed by the gateway: expected after the read timeout
            }
          }
        },
        1,
        1,
        TimeUnit.SECONDS);

    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    for (int i = 0; i < 50; i++) {
      HttpRequest push =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics/job/ok/n/" + i))
              .timeout(Duration.ofSeconds(10))
              .PUT(HttpRequest.BodyPublishers.ofString("pushed_while_slow " + i + "\n"))
              .build();
      assertThat(client.send(push, HttpResponse.BodyHandlers.ofString()).statusCode())
          .as("push %d", i)
          .isEqualTo(200);
    }
    String scrape =
        client
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    assertThat(scrape.lines().filter(l -> l.startsWith("pushed_while_slow{"))).hasSize(50);
    assertThat(scrape).doesNotContain("slowloris").doesNotContain("slowbody");

    // Over the connection limit (350: 300 slow ones, the client's, and some more), new
    // connections are closed at once.
    List<Socket> extra = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      extra.add(open(port));
    }
    int refused = 0;
    try (ExecutorService checks = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<Boolean>> closed = new ArrayList<>();
      for (Socket s : extra) {
        closed.add(checks.submit(() -> closedWithin(s, Duration.ofSeconds(5))));
      }
      for (Future<Boolean> c : closed) {
        refused += c.get() ? 1 : 0;
      }
    }
    assertThat(refused).as("connections closed over --web.max-connections").isGreaterThan(30);

    // The read timeout (15 s) closes every slow or silent connection.
    for (Socket s : slow) {
      assertThat(closedWithin(s, PATIENCE)).as("slow connection closed").isTrue();
    }
  }

  @Test
  void anOversizedHeaderSectionIsDropped() throws Exception {
    int port = startGateway("--web.max-request-header-bytes=4096");
    Socket s = open(port);
    write(
        s,
        "PUT /metrics/job/big_header HTTP/1.1\r\nHost: x\r\nX-Big: "
            + "a".repeat(8000)
            + "\r\nContent-Length: 4\r\n\r\nm 1\n");
    assertThat(readAll(s)).doesNotContain("200");
    assertThat(
            RawHttp.send(port, "PUT", "/metrics/job/small_header", "m 1\n".getBytes(UTF_8))
                .status())
        .isEqualTo(200);
  }

  private int startGateway(String... flags) throws Exception {
    Path log = dir.resolve("gateway.log");
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                "io.pushgateway.Main",
                "--web.listen-address=127.0.0.1:0"));
    command.addAll(List.of(flags));
    process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (System.nanoTime() < deadline) {
      assertThat(process.isAlive()).as("gateway running: %s", Files.readString(log)).isTrue();
      Matcher m = LISTENING.matcher(Files.readString(log, UTF_8));
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the gateway did not start:\n" + Files.readString(log));
  }

  private Socket open(int port) throws IOException {
    Socket s = new Socket("127.0.0.1", port);
    sockets.add(s);
    return s;
  }

  private static void write(Socket s, String text) throws IOException {
    OutputStream out = s.getOutputStream();
    out.write(text.getBytes(ISO_8859_1));
    out.flush();
  }

  /** Whether the server closes the connection (end of stream or reset) within {@code limit}. */
  private static boolean closedWithin(Socket s, Duration limit) throws IOException {
    s.setSoTimeout((int) limit.toMillis());
    InputStream in = s.getInputStream();
    try {
      while (in.read() >= 0) {
        // an answer (e.g. 408 or 413) before closing is fine
      }
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (SocketException e) {
      return true; // reset
    }
  }

  private static String readAll(Socket s) throws IOException {
    s.setSoTimeout((int) PATIENCE.toMillis());
    try {
      return new String(s.getInputStream().readAllBytes(), ISO_8859_1);
    } catch (SocketException e) {
      return "";
    }
  }
}
