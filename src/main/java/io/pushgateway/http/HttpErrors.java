package io.pushgateway.http;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;

/** The plain answers Go's handlers give: {@code http.Error}, empty successes and sniffed text. */
public final class HttpErrors {
  private static final byte[] EMPTY = new byte[0];

  private HttpErrors() {}

  /**
   * Go's {@code http.Error}: {@code status}, {@code Content-Type: text/plain; charset=utf-8},
   * {@code X-Content-Type-Options: nosniff}, body {@code message + "\n"}.
   */
  public static void error(Exchange exchange, int status, String message) throws IOException {
    exchange.setHeader("Content-Type", "text/plain; charset=utf-8");
    exchange.setHeader("X-Content-Type-Options", "nosniff");
    exchange.respond(status, (message + "\n").getBytes(UTF_8));
  }

  /** The message of an exception, for an error answer (its class name if it has none). */
  public static String messageOf(Throwable e) {
    String message = e.getMessage();
    return message != null ? message : e.getClass().getSimpleName();
  }

  /** Go's {@code http.NotFound}: 404 {@code 404 page not found\n}. */
  public static void notFound(Exchange exchange) throws IOException {
    error(exchange, 404, "404 page not found");
  }

  /** An empty body without Content-Type ({@code Content-Length: 0}), e.g. 200/202 for a push. */
  public static void empty(Exchange exchange, int status) throws IOException {
    exchange.respond(status, EMPTY);
  }

  /**
   * A text body exactly as given, with the {@code text/plain; charset=utf-8} Content-Type Go's
   * sniffing picks for a handler that writes text without setting one (e.g. {@code OK}).
   */
  public static void plainText(Exchange exchange, int status, String body) throws IOException {
    exchange.setHeader("Content-Type", "text/plain; charset=utf-8");
    exchange.respond(status, body.getBytes(UTF_8));
  }

  /**
   * What Go's server sends for a request URI it cannot parse (e.g. a bad percent escape): 400
   * {@code 400 Bad Request} and the connection is closed.
   */
  static void badRequestUri(Exchange exchange) throws IOException {
    exchange.setHeader("Content-Type", "text/plain; charset=utf-8");
    exchange.setHeader("Connection", "close");
    exchange.respond(400, "400 Bad Request".getBytes(UTF_8));
  }
}
