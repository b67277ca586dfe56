package io.pushgateway.config;

import io.pushgateway.log.GoQuote;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * A URL as Go's {@code net/url.Parse} reads it and {@code URL.String()} writes it back, for {@code
 * --web.external-url}: the same acceptance, error texts and canonical form as the Go Pushgateway.
 *
 * <p>Go works on bytes; so does this class, holding every component as a "byte string" (one char
 * per byte, ISO-8859-1) and converting to real strings only at the edges.
 */
final class GoUrl {
  private enum Mode {
    PATH,
    HOST,
    ZONE,
    USER_PASSWORD,
    FRAGMENT
  }

  private String scheme = "";
  private String opaque = "";
  private @Nullable String username;
  private @Nullable String password;
  private String host = "";
  private String path = "";
  private String rawPath = "";
  private boolean omitHost;
  private boolean forceQuery;
  private String rawQuery = "";
  private String fragment = "";
  private String rawFragment = "";

  private GoUrl() {}

  /**
   * Parses like Go's {@code url.Parse}.
   *
   * @throws IllegalArgumentException with Go's message, e.g. {@code parse ":bad": missing protocol
   *     scheme}
   */
  static GoUrl parse(String rawUrl) {
    String raw = toBytes(rawUrl);
    int hash = raw.indexOf('#');
    String withoutFragment = hash < 0 ? raw : raw.substring(0, hash);
    GoUrl url = new GoUrl();
    try {
      url.parseWithoutFragment(withoutFragment);
    } catch (IllegalArgumentException e) {
      throw parseError(withoutFragment, e);
    }
    if (hash >= 0) {
      try {
        url.setFragment(raw.substring(hash + 1));
      } catch (IllegalArgumentException e) {
        throw parseError(raw, e);
      }
    }
    return url;
  }

  private static IllegalArgumentException parseError(
      String byteString, IllegalArgumentException e) {
    return new IllegalArgumentException("parse " + quote(byteString) + ": " + e.getMessage(), e);
  }

  /** The decoded path, e.g. {@code /a b} for {@code http://x/a%20b}. */
  String path() {
    return toText(path);
  }

  /** Go's {@code URL.String()}. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    if (!scheme.isEmpty()) {
      out.append(scheme).append(':');
    }
    if (!opaque.isEmpty()) {
      out.append(opaque);
    } else {
      appendAuthority(out);
      String escapedPath = escapedPath();
      if (!escapedPath.isEmpty() && escapedPath.charAt(0) != '/' && !host.isEmpty()) {
        out.append('/');
      }
      if (out.isEmpty() && firstSegment(escapedPath).contains(":")) {
        out.append("./");
      }
      out.append(escapedPath);
    }
    if (forceQuery || !rawQuery.isEmpty()) {
      out.append('?').append(rawQuery);
    }
    if (!fragment.isEmpty()) {
      out.append('#').append(escapedFragment());
    }
    return toText(out.toString());
  }

  private void appendAuthority(StringBuilder out) {
    boolean hasUser = username != null;
    if (scheme.isEmpty() && host.isEmpty() && !hasUser) {
      return;
    }
    if (omitHost && host.isEmpty() && !hasUser) {
      return;
    }
    if (!host.isEmpty() || !path.isEmpty() || hasUser) {
      out.append("//");
    }
    if (username != null) {
      out.append(escape(username, Mode.USER_PASSWORD));
      if (password != null) {
        out.append(':').append(escape(password, Mode.USER_PASSWORD));
      }
      out.append('@');
    }
    out.append(escape(host, Mode.HOST));
  }

  private void parseWithoutFragment(String raw) {
    for (int i = 0; i < raw.length(); i++) {
      if (raw.charAt(i) < ' ' || raw.charAt(i) == 0x7F) {
        throw new IllegalArgumentException("net/url: invalid control character in URL");
      }
    }
    if (raw.equals("*")) {
      path = "*";
      return;
    }
    String rest = splitScheme(raw);
    if (rest.endsWith("?") && rest.indexOf('?') == rest.length() - 1) {
      forceQuery = true;
      rest = rest.substring(0, rest.length() - 1);
    } else if (rest.indexOf('?') >= 0) {
      rawQuery = rest.substring(rest.indexOf('?') + 1);
      rest = rest.substring(0, rest.indexOf('?'));
    }
    if (!rest.startsWith("/")) {
      if (!scheme.isEmpty()) {
        opaque = rest;
        return;
      }
      if (firstSegment(rest).contains(":")) {
        throw new IllegalArgumentException("first path segment in URL cannot contain colon");
      }
    }
    setPath(splitAuthority(rest));
  }

  /** Sets the scheme and returns what follows it. */
  private String splitScheme(String raw) {
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        continue;
      }
      if ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.') {
        if (i == 0) {
          return raw;
        }
        continue;
      }
      if (c == ':') {
        if (i == 0) {
          throw new IllegalArgumentException("missing protocol scheme");
        }
        scheme = raw.substring(0, i).toLowerCase(java.util.Locale.ROOT);
        return raw.substring(i + 1);
      }
      return raw;
    }
    return raw;
  }

  /** Sets user and host from a leading {@code //authority} and returns the path part. */
  private String splitAuthority(String rest) {
    if ((!scheme.isEmpty() || !rest.startsWith("///")) && rest.startsWith("//")) {
      String authority = rest.substring(2);
      String remainder = "";
      int slash = authority.indexOf('/');
      if (slash >= 0) {
        remainder = authority.substring(slash);
        authority = authority.substring(0, slash);
      }
      parseAuthority(authority);
      return remainder;
    }
    if (!scheme.isEmpty() && rest.startsWith("/")) {
      omitHost = true;
    }
    return rest;
  }

  private void parseAuthority(String authority) {
    int at = authority.lastIndexOf('@');
    host = parseHost(at < 0 ? authority : authority.substring(at + 1));
    if (at < 0) {
      return;
    }
    String userinfo = authority.substring(0, at);
    if (!validUserinfo(userinfo)) {
      throw new IllegalArgumentException("net/url: invalid userinfo");
    }
    int colon = userinfo.indexOf(':');
    if (colon < 0) {
      username = unescape(userinfo, Mode.USER_PASSWORD);
    } else {
      username = unescape(userinfo.substring(0, colon), Mode.USER_PASSWORD);
      password = unescape(userinfo.substring(colon + 1), Mode.USER_PASSWORD);
    }
  }

  private static String parseHost(String hostPort) {
    if (hostPort.startsWith("[")) {
      int close = hostPort.lastIndexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("missing ']' in host");
      }
      checkPort(hostPort.substring(close + 1));
      // RFC 6874: "%25" starts a zone, which may escape more than a host may.
      int zone = hostPort.substring(0, close).indexOf("%25");
      if (zone >= 0) {
        return unescape(hostPort.substring(0, zone), Mode.HOST)
            + unescape(hostPort.substring(zone, close), Mode.ZONE)
            + unescape(hostPort.substring(close), Mode.HOST);
      }
    } else if (hostPort.lastIndexOf(':') >= 0) {
      checkPort(hostPort.substring(hostPort.lastIndexOf(':')));
    }
    return unescape(hostPort, Mode.HOST);
  }

  private static void checkPort(String colonPort) {
    boolean valid = colonPort.isEmpty() || colonPort.charAt(0) == ':';
    for (int i = 1; valid && i < colonPort.length(); i++) {
      valid = colonPort.charAt(i) >= '0' && colonPort.charAt(i) <= '9';
    }
    if (!valid) {
      throw new IllegalArgumentException("invalid port " + quote(colonPort) + " after host");
    }
  }

  private static boolean validUserinfo(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean alnum = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      if (!alnum && "-._:~!$&'()*+,;=%@".indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  private void setPath(String escaped) {
    path = unescape(escaped, Mode.PATH);
    rawPath = escape(path, Mode.PATH).equals(escaped) ? "" : escaped;
  }

  private void setFragment(String escaped) {
    fragment = unescape(escaped, Mode.FRAGMENT);
    rawFragment = escape(fragment, Mode.FRAGMENT).equals(escaped) ? "" : escaped;
  }

  private String escapedPath() {
    if (!rawPath.isEmpty() && validEncoded(rawPath, Mode.PATH) && unescapesTo(rawPath, path)) {
      return rawPath;
    }
    return path.equals("*") ? "*" : escape(path, Mode.PATH);
  }

  private String escapedFragment() {
    if (!rawFragment.isEmpty()
        && validEncoded(rawFragment, Mode.FRAGMENT)
        && unescapesTo(rawFragment, fragment)) {
      return rawFragment;
    }
    return escape(fragment, Mode.FRAGMENT);
  }

  /** Whether {@code escaped} decodes to {@code expected} (paths and fragments decode alike). */
  private static boolean unescapesTo(String escaped, String expected) {
    try {
      return unescape(escaped, Mode.PATH).equals(expected);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean validEncoded(String s, Mode mode) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ("!$&'()*+,;=:@[]%".indexOf(c) < 0 && shouldEscape(c, mode)) {
        return false;
      }
    }
    return true;
  }

  private static String unescape(String s, Mode mode) {
    boolean hasEscape = false;
    for (int i = 0; i < s.length(); ) {
      char c = s.charAt(i);
      if (c == '%') {
        hasEscape = true;
        checkEscape(s, i, mode);
        i += 3;
      } else {
        if ((mode == Mode.HOST || mode == Mode.ZONE) && c < 0x80 && shouldEscape(c, mode)) {
          throw new IllegalArgumentException(
              "invalid character " + quote(String.valueOf(c)) + " in host name");
        }
        i++;
      }
    }
    if (!hasEscape) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%') {
        out.append((char) (unhex(s.charAt(i + 1)) << 4 | unhex(s.charAt(i + 2))));
        i += 2;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static void checkEscape(String s, int i, Mode mode) {
    if (i + 2 >= s.length() || !isHex(s.charAt(i + 1)) || !isHex(s.charAt(i + 2))) {
      throw escapeError(s.substring(i, Math.min(s.length(), i + 3)));
    }
    String escape = s.substring(i, i + 3);
    // RFC 3986: a host may escape only non-ASCII bytes (and "%25" before an IPv6 zone).
    if (mode == Mode.HOST && unhex(s.charAt(i + 1)) < 8 && !escape.equals("%25")) {
      throw escapeError(escape);
    }
    if (mode == Mode.ZONE) {
      char v = (char) (unhex(s.charAt(i + 1)) << 4 | unhex(s.charAt(i + 2)));
      if (!escape.equals("%25") && v != ' ' && shouldEscape(v, Mode.HOST)) {
        throw escapeError(escape);
      }
    }
  }

  private static IllegalArgumentException escapeError(String escape) {
    return new IllegalArgumentException("invalid URL escape " + quote(escape));
  }

  private static String escape(String s, Mode mode) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (shouldEscape(c, mode)) {
        if (out == null) {
          out = new StringBuilder(s.length() + 8).append(s, 0, i);
        }
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        out.append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? s : out.toString();
  }

  private static boolean shouldEscape(char c, Mode mode) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
      return false;
    }
    if ((mode == Mode.HOST || mode == Mode.ZONE) && "!$&'()*+,;=:[]<>\"".indexOf(c) >= 0) {
      return false;
    }
    if ("-_.~".indexOf(c) >= 0) {
      return false;
    }
    if ("$&+,/:;=?@".indexOf(c) >= 0) {
      return switch (mode) {
        case PATH -> c == '?';
        case USER_PASSWORD -> c == '@' || c == '/' || c == '?' || c == ':';
        case FRAGMENT -> false;
        case HOST, ZONE -> true;
      };
    }
    if (mode == Mode.FRAGMENT && "!()*".indexOf(c) >= 0) {
      return false;
    }
    return true;
  }

  private static String firstSegment(String s) {
    int slash = s.indexOf('/');
    return slash < 0 ? s : s.substring(0, slash);
  }

  private static boolean isHex(char c) {
    return Character.digit(c, 16) >= 0 && c < 0x80;
  }

  private static int unhex(char c) {
    return Character.digit(c, 16);
  }

  private static String quote(String byteString) {
    return GoQuote.quote(byteString.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static String toBytes(String text) {
    return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }

  private static String toText(String byteString) {
    return new String(byteString.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
  }
}
