package io.pushgateway.http;

import io.pushgateway.gocompat.ByteStrings;
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
    exchange.setHeader("Location", hexEscapeNonAscii(target));
    String method = exchange.method();
    if (method.equals("GET") || method.equals("HEAD")) {
      exchange.setHeader("Content-Type", "text/html; charset=utf-8");
    }
    String body = "";
    if (method.equals("GET")) {
      body = "<a href=\"" + htmlEscape(target) + "\">" + statusText(code) + "</a>.\n\n";
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

  /** Go's {@code hexEscapeNonASCII} (lower-case hex, as {@code strconv.AppendInt} writes it). */
  static String hexEscapeNonAscii(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        out.append('%').append(Integer.toHexString(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** The escapes of Go's {@code htmlReplacer}. */
  static String htmlEscape(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&#34;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static String statusText(int code) {
    return switch (code) {
      case 301 -> "Moved Permanently";
      case 307 -> "Temporary Redirect";
      default -> throw new IllegalArgumentException("not a redirect status: " + code);
    };
  }
}
