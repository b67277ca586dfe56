package io.pushgateway.http;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The request checks Go's server makes before any handler runs and the JDK server does not: a
 * well-formed HTTP/1.x version and exactly one Host header (none is fine for HTTP/1.0).
 */
final class RequestLineCheck {
  private static final Pattern VERSION = Pattern.compile("HTTP/[0-9]\\.[0-9]");

  /**
   * Go's answer to a request it refuses to read: status and body, sent with a closed connection.
   */
  record Rejection(int status, String body) {}

  private RequestLineCheck() {}

  /** Why Go would refuse this request, or null if it would serve it. */
  static @Nullable Rejection check(String protocol, String method, List<String> hostHeaders) {
    if (!VERSION.matcher(protocol).matches()) {
      return new Rejection(400, "400 Bad Request"); // Go: malformed HTTP version
    }
    if (protocol.charAt(5) != '1') {
      return new Rejection(505, "505 HTTP Version Not Supported: unsupported protocol version");
    }
    boolean atLeast11 = protocol.charAt(7) >= '1';
    if (atLeast11 && hostHeaders.isEmpty() && !method.equals("CONNECT")) {
      return new Rejection(400, "400 Bad Request: missing required Host header");
    }
    if (hostHeaders.size() > 1) {
      return new Rejection(400, "400 Bad Request: too many Host headers");
    }
    return null;
  }

  /** Sends a rejection the way Go does: plain text and {@code Connection: close}. */
  static void send(Exchange exchange, Rejection rejection) throws IOException {
    exchange.setHeader("Content-Type", "text/plain; charset=utf-8");
    exchange.setHeader("Connection", "close");
    exchange.respond(rejection.status(), rejection.body().getBytes(UTF_8));
  }
}
