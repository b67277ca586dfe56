package io.pushgateway.http;

import java.io.IOException;

/** Go's {@code http.Redirect} for the relative URLs our routers produce. */
final class Redirects {
  private Redirects() {}

  /**
   * Answers {@code code} with a Location for {@code url} (a byte string starting with "/"). The
   * path part is cleaned again (trailing slash kept), non-ASCII bytes are hex-escaped in the
   * header, and GET gets the short HTML body Go writes (GET and HEAD get its Content-Type).
   */
  static void send(Exchange exchange, String url, int code) throws IOException {
    String target = url.startsWith("//") ? url : cleanKeepingQuery(url);
    exchange.setHeader("Location", GoUrl.hexEscapeNonAscii(target));
    String method = exchange.method();
    if (method.equals("GET") || method.equals("HEAD")) {
      exchange.setHeader("Content-Type", "text/html; charset=utf-8");
    }
    String body = "";
    if (method.equals("GET")) {
      body = "<a href=\"" + GoUrl.htmlEscape(target) + "\">" + statusText(code) + "</a>.\n\n";
    }
    exchange.respond(code, ByteStrings.bytes(body));
  }

  private static String cleanKeepingQuery(String url) {
    int q = url.indexOf('?');
    String path = q < 0 ? url : url.substring(0, q);
    String query = q < 0 ? "" : url.substring(q);
    String cleaned = PathCleaner.clean(path);
    if (path.endsWith("/") && !cleaned.endsWith("/")) {
      cleaned += "/";
    }
    return cleaned + query;
  }

  private static String statusText(int code) {
    return switch (code) {
      case 301 -> "Moved Permanently";
      case 307 -> "Temporary Redirect";
      default -> throw new IllegalArgumentException("not a redirect status: " + code);
    };
  }
}
