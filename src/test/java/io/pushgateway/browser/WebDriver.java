package io.pushgateway.browser;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A small W3C WebDriver client over {@link HttpClient}: starts {@code chromedriver} on a free
 * loopback port and drives one headless Chromium session (open a page, find and click elements,
 * type, run scripts, take screenshots).
 */
final class WebDriver implements AutoCloseable {
  private static final String ELEMENT_KEY = "element-6066-11e4-a52e-4f735466cecf";
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final Process driver;
  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;
  private final String session;

  private WebDriver(Process driver, String base, String session) {
    this.driver = driver;
    this.base = base;
    this.session = session;
  }

  /** An executable on PATH (or one of the absolute candidates), if any. */
  static Optional<Path> findExecutable(String... names) {
    String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/bin";
    for (String name : names) {
      for (String dir : path.split(File.pathSeparator)) {
        Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  /** Starts chromedriver and a headless Chromium with a fresh profile under {@code workDir}. */
  static WebDriver start(Path chromium, Path chromedriver, Path workDir)
      throws IOException, InterruptedException {
    Files.createDirectories(workDir);
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Process process =
        new ProcessBuilder(chromedriver.toString(), "--port=" + port, "--allowed-ips=127.0.0.1")
            .redirectErrorStream(true)
            .redirectOutput(workDir.resolve("chromedriver.log").toFile())
            .start();
    String base = "http://127.0.0.1:" + port;
    try {
      waitForDriver(base);
      Path profile = Files.createTempDirectory(workDir, "profile");
      List<String> args =
          List.of(
              "--headless",
              "--no-sandbox",
              "--disable-gpu",
              "--disable-dev-shm-usage",
              "--disable-background-networking",
              "--disable-component-update",
              "--disable-sync",
              "--no-first-run",
              "--window-size=1400,1000",
              "--user-data-dir=" + profile);
      Map<String, Object> caps =
          Map.of(
              "capabilities",
              Map.of(
                  "alwaysMatch",
                  Map.of(
                      "browserName",
                      "chrome",
                      "goog:chromeOptions",
                      Map.of("binary", chromium.toString(), "args", args))));
      Map<?, ?> created =
          (Map<?, ?>) call(HttpClient.newHttpClient(), "POST", base + "/session", caps);
      return new WebDriver(process, base, (String) created.get("sessionId"));
    } catch (IOException | RuntimeException e) {
      process.destroy();
      throw e;
    }
  }

  private static void waitForDriver(String base) throws InterruptedException, IOException {
    HttpClient client = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      try {
        Map<?, ?> status = (Map<?, ?>) call(client, "GET", base + "/status", null);
        if (Boolean.TRUE.equals(status.get("ready"))) {
          return;
        }
      } catch (IOException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new IOException("chromedriver did not become ready");
      }
      Thread.sleep(100);
    }
  }

  /** Sends a WebDriver command and returns its {@code value}; a WebDriver error throws. */
  private static Object call(HttpClient client, String method, String url, Object body)
      throws IOException {
    HttpRequest.BodyPublisher publisher =
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(MiniJson.write(body));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .method(method, publisher)
            .header("Content-Type", "application/json; charset=utf-8")
            .timeout(Duration.ofSeconds(120))
            .build();
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    Map<?, ?> answer = (Map<?, ?>) MiniJson.parse(response.body());
    Object value = answer.get("value");
    if (response.statusCode() != 200) {
      throw new IllegalStateException("WebDriver " + method + " " + url + ": " + value);
    }
    return value;
  }

  private Object command(String method, String path, Object body) {
    try {
      return call(http, method, base + "/session/" + session + path, body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  void open(String url) {
    command("POST", "/url", Map.of("url", url));
  }

  /**
   * Runs a script (a function body; {@code arguments} holds {@code args}) and returns its value.
   */
  Object script(String body, Object... args) {
    return command("POST", "/execute/sync", Map.of("script", body, "args", List.of(args)));
  }

  /** Waits until the script returns something truthy, and returns it. */
  Object waitFor(String description, String scriptBody, Object... args) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      Object value = script(scriptBody, args);
      if (value != null && !Boolean.FALSE.equals(value) && !"".equals(value)) {
        return value;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + description);
      }
      sleep();
    }
  }

  /** Waits until {@code condition} holds for the value the script returns. */
  Object waitUntil(String description, Predicate<Object> condition, String scriptBody) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      Object value = script(scriptBody);
      if (condition.test(value)) {
        return value;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + description + "; last: " + value);
      }
      sleep();
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The id of the first element matching the CSS selector (waiting for it to appear). */
  String element(String css) {
    waitFor("element " + css, "return document.querySelector(arguments[0]) !== null;", css);
    Map<?, ?> found =
        (Map<?, ?>) command("POST", "/element", Map.of("using", "css selector", "value", css));
    return (String) found.get(ELEMENT_KEY);
  }

  void click(String css) {
    command("POST", "/element/" + element(css) + "/click", Map.of());
  }

  void type(String css, String text) {
    command("POST", "/element/" + element(css) + "/value", Map.of("text", text));
  }

  void clear(String css) {
    command("POST", "/element/" + element(css) + "/clear", Map.of());
  }

  /** Resizes the browser window (the screenshot is of the viewport). */
  void windowSize(int width, int height) {
    command("POST", "/window/rect", Map.of("width", width, "height", height));
  }

  byte[] screenshot() {
    return Base64.getDecoder().decode((String) command("GET", "/screenshot", null));
  }

  @Override
  public void close() {
    try {
      command("DELETE", "", null);
    } catch (RuntimeException e) {
      // the driver goes away below anyway
    }
    driver.destroy();
    try {
      driver.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
