package io.pushgateway.http;

import io.pushgateway.gocompat.GoUrl;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import org.jspecify.annotations.Nullable;

/**
 * The path canonicalisation of Go's top-level {@code http.ServeMux}: a request whose decoded path
 * contains {@code //}, {@code /./}, {@code /../} or ends in {@code /.} or {@code /..} is answered
 * {@code 301} to the cleaned path, for every method.
 */
public final class PathCleaner {
  private PathCleaner() {}

  /** Go's {@code path.Clean}: lexical clean-up; "" becomes ".", a trailing slash is dropped. */
  public static String clean(String path) {
    if (path.isEmpty()) {
      return ".";
    }
    boolean rooted = path.charAt(0) == '/';
    Deque<String> kept = new ArrayDeque<>();
    for (String element : path.split("/", -1)) {
      if (element.isEmpty() || element.equals(".")) {
        continue;
      }
      if (!element.equals("..")) {
        kept.addLast(element);
      } else if (!kept.isEmpty() && !kept.peekLast().equals("..")) {
        kept.removeLast();
      } else if (!rooted) {
        kept.addLast("..");
      }
    }
    String joined = String.join("/", kept);
    if (rooted) {
      return "/" + joined;
    }
    return joined.isEmpty() ? "." : joined;
  }

  /**
   * Go's {@code path.Join}: the non-empty elements joined with "/" and cleaned, or "" if all are
   * empty.
   */
  public static String join(String... elements) {
    StringBuilder joined = new StringBuilder();
    for (String element : elements) {
      if (!element.isEmpty()) {
        if (!joined.isEmpty()) {
          joined.append('/');
        }
        joined.append(element);
      }
    }
    return joined.isEmpty() ? "" : clean(joined.toString());
  }

  /** The mux's {@code cleanPath}: rooted, cleaned, with a trailing slash kept. */
  public static String canonical(String path) {
    if (path.isEmpty()) {
      return "/";
    }
    String rooted = path.charAt(0) == '/' ? path : "/" + path;
    String cleaned = clean(rooted);
    if (rooted.endsWith("/") && !cleaned.equals("/")) {
      return cleaned + "/";
    }
    return cleaned;
  }

  /**
   * httprouter's {@code CleanPath}, used before its case-insensitive lookup. It differs from {@link
   * #canonical} only in keeping a trailing slash for a final {@code "."} element.
   */
  static String routerCanonical(String path) {
    String cleaned = canonical(path);
    boolean dotEnd = path.equals(".") || path.endsWith("/.");
    if (dotEnd && !cleaned.endsWith("/")) {
      return cleaned + "/";
    }
    return cleaned;
  }

  /**
   * Answers the mux's 301 if the decoded {@code path} (a byte string) is not canonical.
   *
   * @param rawQuery the query as sent; kept in the Location unless empty
   * @return whether a redirect was sent
   */
  static boolean redirectIfUnclean(Exchange exchange, String path, @Nullable String rawQuery)
      throws IOException {
    String cleaned = canonical(path);
    if (cleaned.equals(path)) {
      return false;
    }
    sendMuxRedirect(exchange, cleaned, rawQuery);
    return true;
  }

  /** The mux's redirect to {@code path}: Go's {@code url.URL{Path, RawQuery}.String()}. */
  static void sendMuxRedirect(Exchange exchange, String path, @Nullable String rawQuery)
      throws IOException {
    String url = GoUrl.escapePath(path);
    if (rawQuery != null && !rawQuery.isEmpty()) {
      url += "?" + rawQuery;
    }
    Redirects.send(exchange, url, 301);
  }
}
