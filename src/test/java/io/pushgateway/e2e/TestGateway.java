package io.pushgateway.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.pushgateway.Pushgateway;
import io.pushgateway.config.Config;
import io.pushgateway.config.Flags;
import io.pushgateway.config.ParseOutcome;
import io.pushgateway.config.VersionInfo;
import io.pushgateway.log.Log;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real gateway started in-process on a free loopback port, with helpers to talk to it over
 * HTTP. Use it as a class-wide extension ({@code @RegisterExtension static final TestGateway
 * gateway = new TestGateway("--flag")}: started before the first test, stopped after the last) or
 * with try-with-resources ({@code TestGateway.start("--flag")}) for a gateway of one test.
 *
 * <p>Requests go through {@link HttpClient} (HTTP/1.1, redirects never followed) unless a test
 * needs the exact bytes on the wire: then {@link #raw}.
 */
final class TestGateway implements BeforeAllCallback, AfterAllCallback, AutoCloseable {
  /** Fixed build information, so that build_info and the status API are predictable. */
  static final VersionInfo VERSION =
      new VersionInfo(
          "9.8.7",
          "e2e-revision",
          "e2e-branch",
          "tester@e2e",
          "20260101-12:00:00",
          "21.0.99",
          "linux/amd64",
          "unknown");

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private final List<String> flags;
  private final ByteArrayOutputStream logBuffer = new ByteArrayOutputStream();
  private final CountDownLatch quitRequested = new CountDownLatch(1);
  private @Nullable Pushgateway gateway;
  private int port;
  private Instant startedAt = Instant.EPOCH;

  /** A gateway with {@code --web.listen-address=127.0.0.1:0} plus {@code flags}, not started. */
  TestGateway(String... flags) {
    this.flags = List.of(flags);
  }

  /** A started gateway; close it when done. */
  static TestGateway start(String... flags) {
    TestGateway gateway = new TestGateway(flags);
    gateway.start();
    return gateway;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  private void start() {
    List<String> args = new ArrayList<>();
    args.add("--web.listen-address=127.0.0.1:0");
    args.addAll(flags);
    if (!(Flags.parse("pushgateway", args) instanceof ParseOutcome.Run run)) {
      throw new IllegalArgumentException("flags not accepted: " + args);
    }
    Config config = run.config();
    Log log =
        Log.create(new PrintStream(logBuffer, true, UTF_8), config.logLevel(), config.logFormat());
    startedAt = Instant.now();
    try {
      gateway = Pushgateway.start(config, VERSION, log, this::quit);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (io.pushgateway.persistence.PersistenceException
        | io.pushgateway.webconfig.WebConfigException e) {
      throw new IllegalStateException(e);
    }
    port = gateway.addresses().get(0).getPort();
  }

  /** What {@code /-/quit} does in the real program: stop the gateway. */
  private void quit() {
    quitRequested.countDown();
    close();
  }

  @Override
  public void close() {
    Pushgateway g = gateway;
    if (g != null) {
      g.close();
    }
  }

  /** Whether {@code /-/quit} asked the gateway to stop (waits up to 10 s for it). */
  boolean awaitQuitRequested() throws InterruptedException {
    return quitRequested.await(10, TimeUnit.SECONDS);
  }

  /** Blocks until the gateway has stopped. */
  void awaitStopped() throws InterruptedException {
    Pushgateway g = gateway;
    if (g != null) {
      g.awaitStopped();
    }
  }

  int port() {
    return port;
  }

  /** When the gateway was started (push times must be later). */
  Instant startedAt() {
    return startedAt;
  }

  /** Everything the gateway has logged so far. */
  String log() {
    return logBuffer.toString(UTF_8);
  }

  // ---- HTTP

  /**
   * Sends a request through {@link HttpClient}; {@code headers} are {@code "Name: value"} strings.
   * {@code pathAndQuery} must be a valid URI path (use {@link #raw} otherwise).
   */
  Response request(String method, String pathAndQuery, byte[] body, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body.length == 0 && !method.equals("PUT") && !method.equals("POST")
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    for (String header : headers) {
      int colon = header.indexOf(':');
      request.header(header.substring(0, colon).strip(), header.substring(colon + 1).strip());
    }
    try {
      HttpResponse<byte[]> response =
          CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Response(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Sends the request line and headers byte for byte over a socket ({@link RawHttp}). */
  Response raw(String method, String target, byte[] body, String... headers) {
    return RawHttp.send(port, method, target, body, headers);
  }

  /** {@link #raw} with a UTF-8 text body. */
  Response raw(String method, String target, String body, String... headers) {
    return raw(method, target, body.getBytes(UTF_8), headers);
  }

  Response get(String path, String... headers) {
    return request("GET", path, new byte[0], headers);
  }

  Response put(String path, String body, String... headers) {
    return request("PUT", path, body.getBytes(UTF_8), headers);
  }

  Response post(String path, String body, String... headers) {
    return request("POST", path, body.getBytes(UTF_8), headers);
  }

  Response delete(String path) {
    return request("DELETE", path, new byte[0]);
  }

  /** PUTs a text body and checks that the gateway accepted it (200). */
  void pushOk(String path, String body) {
    Response response = put(path, body);
    assertThat(response.status()).as("PUT %s: %s", path, response.text()).isEqualTo(200);
  }

  // ---- scrapes

  /** The text exposition of {@code GET /metrics} (which must answer 200). */
  String scrape() {
    return scrape("/metrics");
  }

  /** The text exposition of {@code GET path} (which must answer 200). */
  String scrape(String path) {
    Response response = get(path);
    assertThat(response.status()).as("GET %s: %s", path, response.text()).isEqualTo(200);
    return response.text();
  }

  /** The scrape reduced to the series of the given jobs, without the push time families. */
  String pushed(String... jobs) {
    return ScrapeText.withoutPushTimes(ScrapeText.onlyJobs(scrape(), jobs));
  }

  /**
   * The scrape reduced to the series of the given jobs, push time families included, with every
   * push time since this gateway's start shown as {@code <time>} (zero stays {@code 0}).
   */
  String pushedWithTimes(String... jobs) {
    return ScrapeText.maskPushTimes(ScrapeText.onlyJobs(scrape(), jobs), startedAt);
  }
}
