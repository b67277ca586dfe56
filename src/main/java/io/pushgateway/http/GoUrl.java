package io.pushgateway.http;

import org.jspecify.annotations.Nullable;

/**
 * Go {@code net/url} path escaping rules on byte strings (see {@link ByteStrings}), as far as the
 * router's redirects need them: {@code unescape}/{@code escape} in path mode, {@code validEncoded}
 * and {@code URL.EscapedPath}, plus the two text escapes of {@code http.Redirect}.
 */
final class GoUrl {
  private static final String UPPER_HEX = "0123456789ABCDEF";

  private GoUrl() {}

  /**
   * Percent-decodes a raw path ({@code '+'} stays literal).
   *
   * @throws IllegalArgumentException on a malformed escape, which Go rejects with 400
   */
  static String unescapePath(String raw) {
    if (raw.indexOf('%') < 0) {
      return raw;
    }
    StringBuilder out = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c != '%') {
        out.append(c);
        continue;
      }
      if (i + 2 >= raw.length()
          || hexValue(raw.charAt(i + 1)) < 0
          || hexValue(raw.charAt(i + 2)) < 0) {
        throw new IllegalArgumentException("invalid URL escape in path");
      }
      out.append((char) (hexValue(raw.charAt(i + 1)) << 4 | hexValue(raw.charAt(i + 2))));
      i += 2;
    }
    return out.toString();
  }

  /** Go's {@code escape(s, encodePath)}: everything but unreserved and {@code $&+,/:;=@}. */
  static String escapePath(String path) {
    @Nullable StringBuilder out = null;
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (shouldEscape(c)) {
        if (out == null) {
          out = new StringBuilder(path.length() + 16).append(path, 0, i);
        }
        out.append('%').append(UPPER_HEX.charAt(c >> 4 & 0xF)).append(UPPER_HEX.charAt(c & 0xF));
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? path : out.toString();
  }

  /**
   * Go's {@code RawPath} for a request: empty when the raw path is the default escaping of the
   * decoded path, else the raw path itself.
   */
  static String rawPathFor(String raw, String decoded) {
    return raw.equals(escapePath(decoded)) ? "" : raw;
  }

  /** Go's {@code URL.EscapedPath}: the raw path if it still encodes {@code path}, else escaped. */
  static String escapedPath(String path, String rawPath) {
    if (!rawPath.isEmpty() && validEncoded(rawPath)) {
      try {
        if (unescapePath(rawPath).equals(path)) {
          return rawPath;
        }
      } catch (IllegalArgumentException e) {
        // Not a usable encoding of the path: fall through to the default escaping, as Go does.
      }
    }
    return path.equals("*") ? "*" : escapePath(path);
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

  private static boolean validEncoded(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ("!$&'()*+,;=:@[]%".indexOf(c) < 0 && shouldEscape(c)) {
        return false;
      }
    }
    return true;
  }

  private static boolean shouldEscape(char c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
      return false;
    }
    return "-_.~$&+,/:;=@".indexOf(c) < 0;
  }

  private static int hexValue(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }
}
