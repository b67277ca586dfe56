package io.pushgateway.gocompat;

import static io.pushgateway.gocompat.UrlEscaping.escape;
import static io.pushgateway.gocompat.UrlEscaping.unescape;
import static io.pushgateway.gocompat.UrlEscaping.unescapesTo;
import static io.pushgateway.gocompat.UrlEscaping.validEncoded;

import io.pushgateway.gocompat.UrlEscaping.Mode;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A URL as Go's {@code net/url.Parse} reads it and {@code URL.String()} writes it back (for {@code
 * --web.external-url}: the same acceptance, error texts and canonical form as the Go Pushgateway),
 * and the path escaping Go's routers and redirects rely on.
 *
 * <p>Go works on bytes; so does this class, holding every component as a {@link ByteStrings byte
 * string} and converting to real strings only at the edges.
 */
public final class GoUrl {
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
  public static GoUrl parse(String rawUrl) {
    String raw = ByteStrings.fromUtf8(rawUrl);
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
    return new IllegalArgumentException(
        "parse " + ByteStrings.quote(byteString) + ": " + e.getMessage(), e);
  }

  /** The decoded path, e.g. {@code /a b} for {@code http://x/a%20b}. */
  public String path() {
    return ByteStrings.toUtf8(path);
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
    return ByteStrings.toUtf8(out.toString());
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
        scheme = raw.substring(0, i).toLowerCase(Locale.ROOT);
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
      throw new IllegalArgumentException(
          "invalid port " + ByteStrings.quote(colonPort) + " after host");
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
    rawPath = rawPathFor(escaped, path);
  }

  private void setFragment(String escaped) {
    fragment = unescape(escaped, Mode.FRAGMENT);
    rawFragment = escape(fragment, Mode.FRAGMENT).equals(escaped) ? "" : escaped;
  }

  private String escapedPath() {
    return escapedPath(path, rawPath);
  }

  private String escapedFragment() {
    if (!rawFragment.isEmpty()
        && validEncoded(rawFragment, Mode.FRAGMENT)
        && unescapesTo(rawFragment, fragment)) {
      return rawFragment;
    }
    return escape(fragment, Mode.FRAGMENT);
  }

  private static String firstSegment(String s) {
    int slash = s.indexOf('/');
    return slash < 0 ? s : s.substring(0, slash);
  }

  // ---- paths as Go's routers see them (all byte strings) ---------------------------------------

  /**
   * Percent-decodes a raw path ({@code '+'} stays literal), as Go sets {@code URL.Path}.
   *
   * @throws IllegalArgumentException on a malformed escape (Go's message), which Go answers 400
   */
  public static String unescapePath(String raw) {
    return unescape(raw, Mode.PATH);
  }

  /** Go's {@code escape(s, encodePath)}: everything but unreserved and {@code $&+,/:;=@}. */
  public static String escapePath(String path) {
    return escape(path, Mode.PATH);
  }

  /**
   * Go's {@code RawPath} for a request: empty when the raw path is the default escaping of the
   * decoded path, else the raw path itself.
   */
  public static String rawPathFor(String raw, String decoded) {
    return escapePath(decoded).equals(raw) ? "" : raw;
  }

  /** Go's {@code URL.EscapedPath}: the raw path if it still encodes {@code path}, else escaped. */
  public static String escapedPath(String path, String rawPath) {
    if (!rawPath.isEmpty() && validEncoded(rawPath, Mode.PATH) && unescapesTo(rawPath, path)) {
      return rawPath;
    }
    return path.equals("*") ? "*" : escapePath(path);
  }
}
