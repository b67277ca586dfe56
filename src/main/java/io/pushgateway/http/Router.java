package io.pushgateway.http;

import io.pushgateway.gocompat.ByteStrings;
import io.pushgateway.gocompat.GoUrl;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A method + path router with the default behaviour of julienschmidt/httprouter 1.3.0, as used by
 * the Go Pushgateway for its main and API routers.
 *
 * <p>When no route matches the request's method and path (the percent-decoded path):
 *
 * <ol>
 *   <li>if the method has routes at all (and is not CONNECT, and the path is not "/"): a
 *       trailing-slash redirect, else a redirect to the case-insensitively matching route; {@code
 *       301} for GET, {@code 307} for other methods;
 *   <li>OPTIONS: {@code 200} with {@code Allow} and an empty body, if another method matches;
 *   <li>{@code 405 Method Not Allowed} with the sorted {@code Allow} list (plus OPTIONS), if
 *       another method matches;
 *   <li>{@code 404 page not found}.
 * </ol>
 *
 * There is no implicit HEAD. Redirect locations are relative to this router, so a router mounted
 * below a stripped prefix redirects out of it (the Go API router's quirk).
 */
public final class Router {
  private final Map<String, RouteTree> trees = new TreeMap<>();

  /**
   * Registers {@code handler} for {@code method} and {@code path} ({@code :name} and {@code *name}
   * wildcards allowed).
   *
   * @throws IllegalArgumentException for paths httprouter rejects (same messages as its panics)
   */
  public void handle(String method, String path, Handler handler) {
    if (path.isEmpty() || path.charAt(0) != '/') {
      throw new IllegalArgumentException("path must begin with '/' in path '" + path + "'");
    }
    trees.computeIfAbsent(method, m -> new RouteTree()).add(ByteStrings.fromUtf8(path), handler);
  }

  /** Routes an exchange on its own (percent-decoded) path; 400 for a malformed escape. */
  public void serve(Exchange exchange) throws IOException {
    String raw = ByteStrings.fromRaw(exchange.rawPath());
    String path;
    try {
      path = GoUrl.unescapePath(raw);
    } catch (IllegalArgumentException e) {
      HttpErrors.badRequestUri(exchange);
      return;
    }
    serve(exchange, path, GoUrl.rawPathFor(raw, path), exchange.rawQuery());
  }

  /**
   * Routes with an explicit decoded path and Go {@code RawPath} (both byte strings, see {@link
   * ByteStrings}); {@code rawPath} is "" when the path was sent in its default escaping.
   */
  void serve(Exchange exchange, String path, String rawPath, @Nullable String rawQuery)
      throws IOException {
    String method = exchange.method();
    RouteTree tree = trees.get(method);
    if (tree != null) {
      RouteTree.Match match = tree.lookup(path);
      Handler handler = match.handler();
      if (handler != null) {
        handler.handle(exchange, match.params());
        return;
      }
      if (!method.equals("CONNECT") && !path.equals("/")) {
        String fixed = fixedPath(tree, path, match.trailingSlashRedirect());
        if (fixed != null) {
          String url = GoUrl.escapedPath(fixed, rawPath) + (rawQuery == null ? "" : "?" + rawQuery);
          Redirects.send(exchange, url, method.equals("GET") ? 301 : 307);
          return;
        }
      }
    }
    answerUnrouted(exchange, method, path);
  }

  private static @Nullable String fixedPath(RouteTree tree, String path, boolean tsr) {
    if (tsr) {
      return path.length() > 1 && path.endsWith("/")
          ? path.substring(0, path.length() - 1)
          : path + "/";
    }
    return tree.findCaseInsensitive(PathCleaner.routerCanonical(path), true);
  }

  private void answerUnrouted(Exchange exchange, String method, String path) throws IOException {
    String allow = allowed(path, method);
    if (method.equals("OPTIONS")) {
      if (!allow.isEmpty()) {
        exchange.setHeader("Allow", allow);
        HttpErrors.empty(exchange, 200);
        return;
      }
    } else if (!allow.isEmpty()) {
      exchange.setHeader("Allow", allow);
      HttpErrors.error(exchange, 405, "Method Not Allowed");
      return;
    }
    HttpErrors.notFound(exchange);
  }

  /** The methods other than {@code method} and OPTIONS with a route for {@code path}. */
  String allowed(String path, String method) {
    List<String> allow = new ArrayList<>();
    for (Map.Entry<String, RouteTree> entry : trees.entrySet()) {
      String other = entry.getKey();
      if (!other.equals(method)
          && !other.equals("OPTIONS")
          && entry.getValue().lookup(path).handler() != null) {
        allow.add(other);
      }
    }
    if (allow.isEmpty()) {
      return "";
    }
    allow.add("OPTIONS");
    allow.sort(null);
    return String.join(", ", allow);
  }
}
