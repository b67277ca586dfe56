package io.pushgateway.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real JDK server on loopback, driven by {@link HttpClient} and raw sockets. */
class GatewayServerTest {
  private static final byte[] BIG = bigBody();

  private final HttpClient client = HttpClient.newHttpClient(); // never follows redirects
  private final CountDownLatch slowEntered = new CountDownLatch(1);
  private final CountDownLatch slowRelease = new CountDownLatch(1);
  private GatewayServer server;
  private String base;

  @BeforeEach
  void start() throws IOException {
    Routes routes =
        Routes.builder()
            .scrape((ex, p) -> HttpErrors.plainText(ex, 200, "scrape"))
            .healthy((ex, p) -> HttpErrors.plainText(ex, 200, ex.remoteAddress()))
            .push(GatewayServerTest::push)
            .staticFiles(GatewayServerTest::staticFiles)
            .build();
    Dispatcher dispatcher = Dispatcher.create("", "/metrics", routes, RequestFilter.NONE);
    server = GatewayServer.start(List.of("127.0.0.1:0"), dispatcher);
    InetSocketAddress address = server.addresses().get(0);
    base = "http://127.0.0.1:" + address.getPort();
  }

  @AfterEach
  void stop() {
    server.stop(Duration.ZERO);
  }

  private static byte[] bigBody() {
    byte[] body = new byte[300_000];
    for (int i = 0; i < body.length; i++) {
      body[i] = (byte) ('a' + i % 26);
    }
    return body;
  }

  /** Echoes the body length, or misbehaves on request (to test the server's safety nets). */
  private static void push(Exchange ex, PathParams params) throws IOException {
    switch (String.valueOf(params.get("job"))) {
      case "throw" -> throw new IllegalStateException("boom");
      case "silent" -> {}
      default -> {
        long length = ex.requestBody().transferTo(OutputStream.nullOutputStream());
        HttpErrors.plainText(ex, 200, Long.toString(length));
      }
    }
  }

  private void slow(Exchange ex) throws IOException {
    slowEntered.countDown();
    try {
      slowRelease.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    HttpErrors.plainText(ex, 200, "slow done");
  }

  private static void staticFiles(Exchange ex, PathParams params) throws IOException {
    switch (String.valueOf(params.get("filepath"))) {
      case "/big" -> ex.respond(200, BIG);
      case "/source" -> ex.respond(200, ByteSource.of(BIG));
      case "/broken" -> {
        ex.respondStreaming(200).write("partial".getBytes(UTF_8));
        throw new IOException("lost the data source");
      }
      default -> {
        try (OutputStream out = ex.respondStreaming(200)) {
          out.write("chunk1,".getBytes(UTF_8));
          out.write(BIG);
        }
      }
    }
  }

  private HttpResponse<String> send(String method, String path) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void redirect_isNotFollowedAndCarriesLocation() throws Exception {
    HttpResponse<String> response = send("GET", "/metrics/");
    assertThat(response.statusCode()).isEqualTo(301);
    assertThat(response.headers().firstValue("Location")).hasValue("/metrics");
    assertThat(response.body()).isEqualTo("<a href=\"/metrics\">Moved Permanently</a>.\n\n");
  }

  @Test
  void methodNotAllowed_carriesAllow() throws Exception {
    HttpResponse<String> response = send("POST", "/metrics");
    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).hasValue("GET, OPTIONS");
    assertThat(response.body()).isEqualTo("Method Not Allowed\n");
  }

  @Test
  void notFound_isGoStyleText() throws Exception {
    HttpResponse<String> response = send("GET", "/nope");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).isEqualTo("404 page not found\n");
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
    assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(response.headers().firstValue("Date")).isPresent();
  }

  @Test
  void head_announcesLengthWithoutBody() throws Exception {
    String response = raw("HEAD /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assertThat(response).startsWith("HTTP/1.1 405 ");
    assertThat(response.toLowerCase()).contains("content-length: 19\r\n");
    assertThat(response).endsWith("\r\n\r\n");
  }

  @Test
  void emptyAnswer_hasContentLengthZero() throws Exception {
    String response = raw("OPTIONS /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assertThat(response).startsWith("HTTP/1.1 200 ");
    assertThat(response.toLowerCase()).contains("content-length: 0\r\n").doesNotContain("chunked");
  }

  @Test
  void largeBodies_arriveIntact() throws Exception {
    assertThat(send("GET", "/static/big").body().getBytes(UTF_8)).isEqualTo(BIG);
    assertThat(send("GET", "/static/source").body().getBytes(UTF_8)).isEqualTo(BIG);
    HttpResponse<String> streamed = send("GET", "/static/stream");
    assertThat(streamed.body()).startsWith("chunk1,").hasSize(BIG.length + 7);
    assertThat(streamed.headers().firstValue("Content-Length")).isEmpty();
  }

  @Test
  void handlerException_becomes500() throws Exception {
    HttpResponse<String> response = send("PUT", "/metrics/job/throw");
    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).isEqualTo("Internal Server Error\n");
  }

  @Test
  void failureAfterStreamingStarted_truncatesTheResponse() {
    assertThatThrownBy(() -> send("GET", "/static/broken")).isInstanceOf(IOException.class);
  }

  @Test
  void handlerWithoutAnswer_getsEmpty200() throws Exception {
    HttpResponse<String> response = send("PUT", "/metrics/job/silent");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
  }

  @Test
  void expectContinue_isAnsweredSoLargeUploadsGoThrough() throws Exception {
    byte[] upload = new byte[2_000_000];
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + "/metrics/job/j"))
            .expectContinue(true)
            .PUT(HttpRequest.BodyPublishers.ofByteArray(upload))
            .build();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("2000000");
  }

  @Test
  void remoteAddress_isGoStyleHostPort() throws Exception {
    assertThat(send("GET", "/-/healthy").body()).matches("127\\.0\\.0\\.1:\\d+");
  }

  @Test
  void malformedEscape_isRejectedWith400ByTheJdk() throws Exception {
    String response = raw("GET /metrics/job/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assertThat(response).startsWith("HTTP/1.1 400 ");
  }

  @Test
  void missingHost_isRejectedLikeGo() throws Exception {
    String response = raw("GET /metrics HTTP/1.1\r\n\r\n");
    assertThat(response).startsWith("HTTP/1.1 400 ");
    assertThat(response).endsWith("400 Bad Request: missing required Host header");
  }

  @Test
  void stop_letsInFlightRequestsFinish() throws Exception {
    GatewayServer slowServer =
        GatewayServer.start(
            List.of("127.0.0.1:0"),
            ex -> {
              slow(ex);
            });
    String url = "http://127.0.0.1:" + slowServer.addresses().get(0).getPort() + "/";
    CompletableFuture<HttpResponse<String>> inFlight =
        client.sendAsync(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    slowEntered.await();
    Thread stopper = Thread.ofVirtual().start(() -> slowServer.stop(Duration.ofSeconds(30)));
    slowRelease.countDown();
    assertThat(inFlight.get().body()).isEqualTo("slow done");
    stopper.join();
  }

  private String raw(String request) throws IOException {
    URI uri = URI.create(base);
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      socket.getOutputStream().write(request.getBytes(UTF_8));
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      return out.toString(UTF_8);
    }
  }

  @Test
  void addresses_reportTheBoundPorts() {
    assertThat(server.addresses()).hasSize(1);
    assertThat(server.addresses().get(0).getPort()).isPositive();
    assertThat(Arrays.asList(base.split(":"))).hasSize(3);
  }
}
