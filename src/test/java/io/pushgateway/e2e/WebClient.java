package io.pushgateway.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import org.jspecify.annotations.Nullable;

/**
 * Requests to a gateway with a web configuration: over HTTP or HTTPS, with or without basic
 * credentials, through Java's {@link HttpClient} or the curl command. Each call uses a new client,
 * so every HTTPS request makes a new TLS handshake (and sees the certificates of that moment).
 */
final class WebClient {
  /** An answer and, over HTTPS, the TLS session it came through. */
  record Answer(Response response, @Nullable SSLSession session) {
    int status() {
      return response.status();
    }

    String text() {
      return response.text();
    }
  }

  private WebClient() {}

  /** The {@code Authorization} header for basic credentials. */
  static String basic(String user, String password) {
    return "Authorization: Basic "
        + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(UTF_8));
  }

  /** A plain HTTP request. */
  static Answer http(int port, String method, String path, String body, String... headers)
      throws IOException {
    return send(HttpClient.newBuilder(), "http://127.0.0.1:" + port, method, path, body, headers);
  }

  /** An HTTPS request with the given client context (trust and client certificate). */
  static Answer https(
      SSLContext context, int port, String method, String path, String body, String... headers)
      throws IOException {
    return https(context, null, port, method, path, body, headers);
  }

  /** An HTTPS request with client TLS parameters (protocols, groups) too. */
  static Answer https(
      SSLContext context,
      @Nullable SSLParameters parameters,
      int port,
      String method,
      String path,
      String body,
      String... headers)
      throws IOException {
    HttpClient.Builder builder = HttpClient.newBuilder().sslContext(context);
    if (parameters != null) {
      builder.sslParameters(parameters);
    }
    return send(builder, "https://127.0.0.1:" + port, method, path, body, headers);
  }

  private static Answer send(
      HttpClient.Builder builder,
      String base,
      String method,
      String path,
      String body,
      String... headers)
      throws IOException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body.isEmpty() && !method.equals("PUT") && !method.equals("POST")
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    for (String header : headers) {
      int colon = header.indexOf(':');
      request.header(header.substring(0, colon).strip(), header.substring(colon + 1).strip());
    }
    try (HttpClient client =
        builder
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build()) {
      HttpResponse<byte[]> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Answer(
          new Response(response.statusCode(), response.headers().map(), response.body()),
          response.sslSession().orElse(null));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  /** What curl printed and its exit status. */
  record Curl(int exitStatus, String output) {}

  /**
   * Runs {@code curl -s -o /dev/null -w '%{http_code}'} plus {@code args} in {@code dir}; the
   * output is the status code curl saw ({@code 000} when it got no answer).
   */
  static Curl curlStatus(Path dir, String... args) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(List.of("curl", "-s", "-o", "/dev/null", "-w", "%{http_code}"));
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("curl did not finish: " + command);
    }
    return new Curl(p.exitValue(), output);
  }
}
