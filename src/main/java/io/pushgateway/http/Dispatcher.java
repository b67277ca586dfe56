package io.pushgateway.http;

import io.pushgateway.gocompat.ByteStrings;
import io.pushgateway.gocompat.GoUrl;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * The Go Pushgateway's two-level dispatch (spec §2.1): a top-level mux in front of a main router
 * and an API router, reproducing Go's status codes, {@code Location}/{@code Allow} headers and
 * bodies for every path and method.
 *
 * <ol>
 *   <li>The raw path is percent-decoded ({@code %2F} becomes a real "/"); a malformed escape is
 *       {@code 400 Bad Request} (the JDK server already rejects those itself).
 *   <li>Mux: a path with {@code //}, {@code /./}, {@code /../} or a trailing {@code /.}/{@code /..}
 *       is {@code 301} to the cleaned path (any method, query kept); {@code P/api/v1} is {@code
 *       301} to {@code P/api/v1/}. CONNECT is not cleaned.
 *   <li>Paths under {@code P/api/v1/} go to the API router with that prefix stripped, so its
 *       redirects leave the prefix out ({@code GET /api/v1/status/} is 301 to {@code /status}). As
 *       in Go's {@code http.StripPrefix}, a path whose raw (non-default) encoding does not start
 *       with the prefix literally, e.g. {@code /api/v%31/status}, is 404.
 *   <li>Everything else passes the {@link RequestFilter} (Go's Content-Encoding body decoding; it
 *       may answer itself) and then the main router with the spec §2.2 table.
 * </ol>
 *
 * <p>Routers answer unmatched requests as described in {@link Router}; the only extra is {@code GET
 * /-/quit} (never prefixed): 405 {@code Only POST or PUT requests allowed.} without {@code Allow}.
 *
 * <p>The API handlers must set these headers on every response they produce themselves (including
 * the OPTIONS answer), but router-made 404/405/redirects carry none:
 *
 * <pre>
 * Access-Control-Allow-Headers: Accept, Authorization, Content-Type, Origin
 * Access-Control-Allow-Methods: GET, POST, DELETE, OPTIONS
 * Access-Control-Allow-Origin: *
 * Access-Control-Expose-Headers: Date
 * Cache-Control: no-cache, no-store, must-revalidate
 * </pre>
 *
 * The wipe handler sets no CORS headers. GET answers use {@code Content-Type: application/json}.
 */
public final class Dispatcher implements ExchangeHandler {
  private static final String[] PUSH_METHODS = {"PUT", "POST"};

  private final String routePrefix;
  private final String apiRoot; // byte string: routePrefix + "/api/v1"
  private final Router main = new Router();
  private final Router api = new Router();
  private final RequestFilter nonApiFilter;

  private Dispatcher(String routePrefix, RequestFilter nonApiFilter) {
    this.routePrefix = routePrefix;
    this.apiRoot = ByteStrings.fromUtf8(routePrefix + "/api/v1");
    this.nonApiFilter = nonApiFilter;
  }

  /**
   * Builds the routes.
   *
   * @param routePrefix the route prefix as configured (normalised here, see {@link
   *     #normalizeRoutePrefix})
   * @param telemetryPath the {@code --web.telemetry-path} value, joined with the prefix
   * @param nonApiFilter runs before the main router for every non-API request
   * @throws IllegalArgumentException if the routes conflict (e.g. a telemetry path equal to another
   *     route), where the Go Pushgateway panics at start-up with the same message
   */
  public static Dispatcher create(
      String routePrefix, String telemetryPath, Routes routes, RequestFilter nonApiFilter) {
    Dispatcher dispatcher = new Dispatcher(normalizeRoutePrefix(routePrefix), nonApiFilter);
    dispatcher.registerMain(routes, telemetryPath);
    dispatcher.registerApi(routes);
    return dispatcher;
  }

  /**
   * The route prefix rule of upstream HEAD: "/" means none; otherwise ensure a leading "/" and drop
   * one trailing "/" (so {@code pg/} becomes {@code /pg}).
   */
  public static String normalizeRoutePrefix(String prefix) {
    if (prefix.isEmpty() || prefix.equals("/")) {
      return "";
    }
    String rooted = prefix.startsWith("/") ? prefix : "/" + prefix;
    return rooted.endsWith("/") ? rooted.substring(0, rooted.length() - 1) : rooted;
  }

  /** The normalised route prefix ("" for none). */
  public String routePrefix() {
    return routePrefix;
  }

  @Override
  public void handle(Exchange exchange) throws IOException {
    String raw = ByteStrings.fromRaw(exchange.rawPath());
    String path = decode(raw);
    if (path == null) {
      HttpErrors.badRequestUri(exchange);
      return;
    }
    String rawQuery = exchange.rawQuery();
    boolean connect = exchange.method().equals("CONNECT");
    String muxPath = connect ? path : PathCleaner.canonical(path);
    if (muxPath.equals(apiRoot)) {
      PathCleaner.sendMuxRedirect(exchange, apiRoot + "/", rawQuery);
    } else if (connect || !PathCleaner.redirectIfUnclean(exchange, path, rawQuery)) {
      route(exchange, path, GoUrl.rawPathFor(raw, path), rawQuery);
    }
  }

  /** The decoded path, or null where Go's request parsing fails (answered 400). */
  private static @Nullable String decode(String raw) {
    if (!raw.isEmpty() && raw.charAt(0) != '/') {
      return null;
    }
    try {
      return GoUrl.unescapePath(raw);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private void route(Exchange exchange, String path, String rawPath, @Nullable String rawQuery)
      throws IOException {
    if (path.startsWith(apiRoot + "/")) {
      serveApi(exchange, path, rawPath, rawQuery);
      return;
    }
    Exchange filtered = nonApiFilter.filter(exchange);
    if (filtered != null) {
      main.serve(filtered, path, rawPath, rawQuery);
    }
  }

  /** Go's {@code http.StripPrefix(P + "/api/v1", apiRouter)}. */
  private void serveApi(Exchange exchange, String path, String rawPath, @Nullable String rawQuery)
      throws IOException {
    String strippedRaw = "";
    if (!rawPath.isEmpty()) {
      if (!rawPath.startsWith(apiRoot)) {
        HttpErrors.notFound(exchange);
        return;
      }
      strippedRaw = rawPath.substring(apiRoot.length());
    }
    api.serve(exchange, path.substring(apiRoot.length()), strippedRaw, rawQuery);
  }

  /** The main router, in the Go registration order (the order matters for conflict errors). */
  private void registerMain(Routes routes, String telemetryPath) {
    String p = routePrefix;
    register(main, "GET", p + "/-/healthy", routes.healthy());
    register(main, "GET", p + "/-/ready", routes.ready());
    register(main, "GET", PathCleaner.join(p, telemetryPath), routes.scrape());
    registerGroupRoutes(p + "/metrics/job", routes.push(), routes.delete());
    registerGroupRoutes(p + "/metrics/job@base64", base64(routes.push()), base64(routes.delete()));
    register(main, "GET", p + "/static/*filepath", routes.staticFiles());
    register(main, "GET", p + "/status", routes.ui());
    register(main, "GET", p + "/", routes.ui());
    Handler pprof = routes.pprof();
    register(main, "GET", p + "/debug/pprof/*pprof", pprof != null ? pprof : Dispatcher::notFound);
    for (String method : PUSH_METHODS) {
      register(main, method, p + "/-/quit", routes.quit());
    }
    register(main, "GET", "/-/quit", Dispatcher::quitNeedsPostOrPut);
  }

  /** PUT/POST/DELETE on {@code base + "/:job/*labels"} and {@code base + "/:job"}. */
  private void registerGroupRoutes(String base, @Nullable Handler push, @Nullable Handler delete) {
    for (String suffix : new String[] {"/:job/*labels", "/:job"}) {
      for (String method : PUSH_METHODS) {
        register(main, method, base + suffix, push);
      }
      register(main, "DELETE", base + suffix, delete);
    }
  }

  private void registerApi(Routes routes) {
    register(api, "OPTIONS", "/*path", routes.apiOptions());
    register(api, "GET", "/status", routes.apiStatus());
    register(api, "GET", "/metrics", routes.apiMetrics());
    register(api, "PUT", "/admin/wipe", routes.wipe());
  }

  private static void register(
      Router router, String method, String path, @Nullable Handler handler) {
    if (handler != null) {
      router.handle(method, path, handler);
    }
  }

  private static @Nullable Handler base64(@Nullable Handler handler) {
    return handler == null ? null : (ex, params) -> handler.handle(ex, params.withJobBase64());
  }

  private static void notFound(Exchange exchange, PathParams params) throws IOException {
    HttpErrors.notFound(exchange);
  }

  private static void quitNeedsPostOrPut(Exchange exchange, PathParams params) throws IOException {
    HttpErrors.plainText(exchange, 405, "Only POST or PUT requests allowed.");
  }
}
