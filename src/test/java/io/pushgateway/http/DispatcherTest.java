package io.pushgateway.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The conformance scenarios about routing (rt_*, rp_*, api_unknown_and_redirect,
 * api_method_not_allowed, hl_*, gk_double_slash_redirect, gk_trailing_slash_job) as unit tests,
 * plus the Dispatcher's own contract.
 */
class DispatcherTest {
  private static final String NOSNIFF = "nosniff";
  private final Dispatcher gateway = dispatcher("", "/metrics", false);

  private static Dispatcher dispatcher(String prefix, String telemetry, boolean admin) {
    return Dispatcher.create(prefix, telemetry, RecordingRoutes.all(admin), RequestFilter.NONE);
  }

  private static FakeExchange send(Dispatcher dispatcher, String method, String target)
      throws IOException {
    FakeExchange exchange = FakeExchange.request(method, target);
    dispatcher.handle(exchange);
    return exchange;
  }

  private FakeExchange send(String method, String target) throws IOException {
    return send(gateway, method, target);
  }

  private static void assertHit(FakeExchange exchange, String expectedBody) {
    assertThat(exchange.status()).isEqualTo(RecordingRoutes.HIT);
    assertThat(exchange.bodyText()).isEqualTo(expectedBody);
  }

  private static void assertRedirect(FakeExchange exchange, int status, String location) {
    assertThat(exchange.status()).isEqualTo(status);
    assertThat(exchange.responseHeader("Location")).isEqualTo(location);
  }

  private static void assertNotFound(FakeExchange exchange) {
    assertThat(exchange.status()).isEqualTo(404);
    assertThat(exchange.bodyText()).isEqualTo("404 page not found\n");
    assertThat(exchange.responseHeader("Content-Type")).isEqualTo("text/plain; charset=utf-8");
    assertThat(exchange.responseHeader("X-Content-Type-Options")).isEqualTo(NOSNIFF);
  }

  private static void assertMethodNotAllowed(FakeExchange exchange, String allow) {
    assertThat(exchange.status()).isEqualTo(405);
    assertThat(exchange.responseHeader("Allow")).isEqualTo(allow);
    assertThat(exchange.bodyText()).isEqualTo("Method Not Allowed\n");
    assertThat(exchange.responseHeader("X-Content-Type-Options")).isEqualTo(NOSNIFF);
  }

  @Test
  void rtCaseInsensitiveRedirect_fixesLetterCase() throws IOException {
    FakeExchange mixed = send("GET", "/Metrics");
    assertRedirect(mixed, 301, "/metrics");
    assertThat(mixed.bodyText()).isEqualTo("<a href=\"/metrics\">Moved Permanently</a>.\n\n");
    assertThat(mixed.responseHeader("Content-Type")).isEqualTo("text/html; charset=utf-8");
    assertRedirect(send("GET", "/METRICS/"), 301, "/metrics");
  }

  @Test
  void rtGetPushPath_isMethodNotAllowed() throws IOException {
    assertMethodNotAllowed(send("GET", "/metrics/job/foo"), "DELETE, OPTIONS, POST, PUT");
    assertMethodNotAllowed(send("PATCH", "/metrics/job/foo"), "DELETE, OPTIONS, POST, PUT");
  }

  @Test
  void rtHeadMetrics_hasNoImplicitHead() throws IOException {
    assertMethodNotAllowed(send("HEAD", "/metrics"), "GET, OPTIONS");
    assertMethodNotAllowed(send("POST", "/metrics"), "GET, OPTIONS");
  }

  @Test
  void rtOptions_answersAllowWithEmptyBody() throws IOException {
    FakeExchange metrics = send("OPTIONS", "/metrics");
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.responseHeader("Allow")).isEqualTo("GET, OPTIONS");
    assertThat(metrics.bodyBytes()).isEmpty();
    assertThat(metrics.responseHeader("Content-Type")).isNull();
    FakeExchange push = send("OPTIONS", "/metrics/job/x");
    assertThat(push.status()).isEqualTo(200);
    assertThat(push.responseHeader("Allow")).isEqualTo("DELETE, OPTIONS, POST, PUT");
  }

  @Test
  void rtTrailingSlashRedirects_are301ForGetAnd307Otherwise() throws IOException {
    assertRedirect(send("GET", "/metrics/"), 301, "/metrics");
    FakeExchange put = send("PUT", "/metrics/job/");
    assertRedirect(put, 307, "/metrics/job");
    assertThat(put.bodyBytes()).isEmpty();
    assertThat(put.responseHeader("Content-Type")).isNull();
    assertNotFound(send("PUT", "/metrics/job"));
  }

  @Test
  void rtUiPages_reachTheUi() throws IOException {
    assertHit(send("GET", "/"), "ui GET PathParams{}");
    assertHit(send("GET", "/status"), "ui GET PathParams{}");
  }

  @Test
  void rtUnknownPath_isNotFound() throws IOException {
    assertNotFound(send("GET", "/foo"));
    assertNotFound(send("PUT", "/foo/bar"));
    assertNotFound(send("GET", "/api/v1/foo"));
  }

  @Test
  void rpPrefixAndTelemetry_movesEveryRoute() throws IOException {
    Dispatcher pg = dispatcher("/pg", "/prom", false);
    assertHit(send(pg, "PUT", "/pg/metrics/job/j"), "push PUT PathParams{job=j}");
    assertHit(send(pg, "GET", "/pg/prom"), "scrape GET PathParams{}");
    assertRedirect(send(pg, "GET", "/pg/prom/"), 301, "/pg/prom");
    assertNotFound(send(pg, "GET", "/pg/metrics"));
  }

  @Test
  void rpRoutePrefixApi_servesApiOnlyUnderPrefix() throws IOException {
    Dispatcher pg = dispatcher("/pg", "/metrics", false);
    assertHit(send(pg, "GET", "/pg/api/v1/metrics"), "apiMetrics GET PathParams{}");
    assertHit(send(pg, "GET", "/pg/api/v1/status"), "apiStatus GET PathParams{}");
    assertNotFound(send(pg, "GET", "/api/v1/status"));
  }

  @Test
  void rpRoutePrefixPushScrape_unprefixedPathsAreNotFound() throws IOException {
    Dispatcher pg = dispatcher("/pg", "/metrics", false);
    assertHit(send(pg, "PUT", "/pg/metrics/job/j"), "push PUT PathParams{job=j}");
    assertNotFound(send(pg, "PUT", "/metrics/job/j"));
    assertHit(send(pg, "GET", "/pg/metrics"), "scrape GET PathParams{}");
    assertNotFound(send(pg, "GET", "/metrics"));
    assertHit(send(pg, "GET", "/pg/-/healthy"), "healthy GET PathParams{}");
    assertNotFound(send(pg, "GET", "/"));
    assertRedirect(send(pg, "GET", "/pg"), 301, "/pg/");
  }

  @Test
  void rpRoutePrefixTrailingSlash_isNormalised() throws IOException {
    Dispatcher pg = dispatcher("pg/", "/metrics", false);
    assertThat(pg.routePrefix()).isEqualTo("/pg");
    assertHit(send(pg, "PUT", "/pg/metrics/job/j"), "push PUT PathParams{job=j}");
    assertHit(send(pg, "GET", "/pg/metrics"), "scrape GET PathParams{}");
    assertHit(send(pg, "GET", "/pg/api/v1/status"), "apiStatus GET PathParams{}");
  }

  @Test
  void rpTelemetryPath_replacesMetricsButNotPush() throws IOException {
    Dispatcher prom = dispatcher("", "/prom", false);
    assertHit(send(prom, "PUT", "/metrics/job/j"), "push PUT PathParams{job=j}");
    assertHit(send(prom, "GET", "/prom"), "scrape GET PathParams{}");
    assertNotFound(send(prom, "GET", "/metrics"));
    assertHit(send(prom, "GET", "/api/v1/status"), "apiStatus GET PathParams{}");
  }

  @Test
  void apiUnknownAndRedirect_keepsGoQuirks() throws IOException {
    assertNotFound(send("GET", "/api/v1/"));
    assertNotFound(send("GET", "/api/v1/nope"));
    FakeExchange root = send("GET", "/api/v1");
    assertRedirect(root, 301, "/api/v1/");
    assertThat(root.bodyText()).isEqualTo("<a href=\"/api/v1/\">Moved Permanently</a>.\n\n");
    // The API router sees the stripped path, so its redirect leaves the API (to the HTML page).
    assertRedirect(send("GET", "/api/v1/status/"), 301, "/status");
    assertRedirect(
        send(dispatcher("/pg", "/metrics", false), "GET", "/pg/api/v1/status/"), 301, "/status");
  }

  @Test
  void apiMethodNotAllowed_listsGetAndOptions() throws IOException {
    assertMethodNotAllowed(send("POST", "/api/v1/status"), "GET, OPTIONS");
    assertMethodNotAllowed(send("PUT", "/api/v1/metrics"), "GET, OPTIONS");
  }

  @Test
  void apiRouterAnswers_carryNoCorsHeaders() throws IOException {
    FakeExchange notFound = send("GET", "/api/v1/nope");
    assertThat(notFound.responseHeaders().keySet())
        .containsExactlyInAnyOrder("content-type", "x-content-type-options");
  }

  @Test
  void apiOptions_reachesTheOptionsHandlerForAnyPath() throws IOException {
    assertHit(send("OPTIONS", "/api/v1/"), "apiOptions OPTIONS PathParams{path=/}");
    assertHit(send("OPTIONS", "/api/v1/x/y"), "apiOptions OPTIONS PathParams{path=/x/y}");
  }

  @Test
  void wipe_isRoutedOnlyWhenTheAdminApiIsEnabled() throws IOException {
    assertNotFound(send("PUT", "/api/v1/admin/wipe"));
    Dispatcher admin = dispatcher("", "/metrics", true);
    assertHit(send(admin, "PUT", "/api/v1/admin/wipe"), "wipe PUT PathParams{}");
    assertMethodNotAllowed(send(admin, "POST", "/api/v1/admin/wipe"), "OPTIONS, PUT");
    assertRedirect(send(admin, "PUT", "/api/v1/admin/wipe/"), 307, "/admin/wipe");
  }

  @Test
  void hlHealthWrongMethod_isMethodNotAllowed() throws IOException {
    assertMethodNotAllowed(send("POST", "/-/healthy"), "GET, OPTIONS");
    assertMethodNotAllowed(send("HEAD", "/-/ready"), "GET, OPTIONS");
  }

  @Test
  void hlHealthyReady_reachTheirHandlers() throws IOException {
    assertHit(send("GET", "/-/healthy"), "healthy GET PathParams{}");
    assertHit(send("GET", "/-/ready"), "ready GET PathParams{}");
  }

  @Test
  void hlQuit_putAndPostReachTheLifecycleHandler() throws IOException {
    assertHit(send("PUT", "/-/quit"), "quit PUT PathParams{}");
    assertHit(send("POST", "/-/quit"), "quit POST PathParams{}");
  }

  @Test
  void hlQuitGet_isGosOwnMethodNotAllowed() throws IOException {
    FakeExchange get = send("GET", "/-/quit");
    assertThat(get.status()).isEqualTo(405);
    assertThat(get.bodyText()).isEqualTo("Only POST or PUT requests allowed.");
    assertThat(get.responseHeader("Allow")).isNull();
    assertThat(get.responseHeader("Content-Type")).isEqualTo("text/plain; charset=utf-8");
    assertThat(get.responseHeader("X-Content-Type-Options")).isNull();
    assertMethodNotAllowed(send("DELETE", "/-/quit"), "GET, OPTIONS, POST, PUT");
  }

  @Test
  void quitWithPrefix_getStaysUnprefixed() throws IOException {
    Dispatcher pg = dispatcher("/pg", "/metrics", false);
    assertThat(send(pg, "GET", "/-/quit").bodyText())
        .isEqualTo("Only POST or PUT requests allowed.");
    assertMethodNotAllowed(send(pg, "GET", "/pg/-/quit"), "OPTIONS, POST, PUT");
    assertMethodNotAllowed(send(pg, "PUT", "/-/quit"), "GET, OPTIONS");
  }

  @Test
  void gkDoubleSlashRedirect_is301ForPushesToo() throws IOException {
    FakeExchange put = send("PUT", "/metrics/job//x");
    assertRedirect(put, 301, "/metrics/job/x");
    assertThat(put.bodyBytes()).isEmpty();
    assertThat(put.responseHeader("Content-Type")).isNull();
    assertRedirect(send("PUT", "/metrics/job/foo/a//b"), 301, "/metrics/job/foo/a/b");
  }

  @Test
  void gkTrailingSlashJob_isPushWithSlashLabels() throws IOException {
    assertHit(send("PUT", "/metrics/job/foo/"), "push PUT PathParams{job=foo, labels=/}");
  }

  @Test
  void pushRoutes_passDecodedParamsAndTheBase64Flag() throws IOException {
    assertHit(
        send("POST", "/metrics/job/j/instance/i%20x"),
        "push POST PathParams{job=j, labels=/instance/i x}");
    // %2F becomes a real slash before routing.
    assertHit(send("PUT", "/metrics/job/a%2Fb"), "push PUT PathParams{job=a, labels=/b}");
    assertHit(
        send("PUT", "/metrics/job@base64/Zm9v/a/b"),
        "push PUT PathParams{job=Zm9v, labels=/a/b, jobBase64}");
    assertHit(
        send("DELETE", "/metrics/job@base64/Zm9v"),
        "delete DELETE PathParams{job=Zm9v, jobBase64}");
    assertHit(send("DELETE", "/metrics/job/j"), "delete DELETE PathParams{job=j}");
  }

  @Test
  void invalidUtf8InPath_reachesTheHandlerAsBytes() throws IOException {
    List<PathParams> seen = new ArrayList<>();
    Routes routes =
        Routes.builder()
            .push(
                (exchange, params) -> {
                  seen.add(params);
                  HttpErrors.empty(exchange, 200);
                })
            .build();
    Dispatcher dispatcher = Dispatcher.create("", "/metrics", routes, RequestFilter.NONE);
    dispatcher.handle(FakeExchange.request("PUT", "/metrics/job/bad/x/%FF"));
    assertThat(seen).hasSize(1);
    assertThat(seen.get(0).bytes("labels")).containsExactly('/', 'x', '/', 0xFF);
    assertThat(seen.get(0).isValidUtf8("labels")).isFalse();
    assertThat(seen.get(0).isValidUtf8("job")).isTrue();
  }

  @Test
  void muxRedirect_keepsQueryAndEscapesLikeGo() throws IOException {
    assertRedirect(send("GET", "//metrics?a=1"), 301, "/metrics?a=1");
    assertRedirect(send("GET", "//metrics?"), 301, "/metrics");
    assertRedirect(send("GET", "/metrics/?"), 301, "/metrics?");
    FakeExchange encoded = send("PUT", "/metrics/job//%C3%A9?%C3%A9");
    assertRedirect(encoded, 301, "/metrics/job/%C3%A9?%C3%A9");
    FakeExchange html = send("GET", "/metrics/job//x?a=b&c=<d>");
    assertRedirect(html, 301, "/metrics/job/x?a=b&c=<d>");
    assertThat(html.bodyText())
        .isEqualTo("<a href=\"/metrics/job/x?a=b&amp;c=&lt;d&gt;\">Moved Permanently</a>.\n\n");
  }

  @Test
  void headRedirect_hasHtmlContentTypeButNoBody() throws IOException {
    FakeExchange head = send("HEAD", "//metrics");
    assertRedirect(head, 301, "/metrics");
    assertThat(head.responseHeader("Content-Type")).isEqualTo("text/html; charset=utf-8");
    assertThat(head.bodyBytes()).isEmpty();
  }

  @Test
  void apiMount_stripsOnlyAPrefixThatIsLiterallyThere() throws IOException {
    // Go's http.StripPrefix compares the raw path when it is not in default escaping.
    assertNotFound(send("GET", "/api/v%31/status"));
    assertNotFound(send("GET", "/%61pi/v1/status"));
    assertHit(send("GET", "/api/v1/%73tatus"), "apiStatus GET PathParams{}");
  }

  @Test
  void malformedEscape_isBadRequest() throws IOException {
    FakeExchange bad = send("PUT", "/metrics/job/%zz");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.bodyText()).isEqualTo("400 Bad Request");
    assertThat(bad.responseHeader("Connection")).isEqualTo("close");
  }

  @Test
  void pprof_isRegisteredEvenWithoutHandler() throws IOException {
    Dispatcher bare =
        Dispatcher.create("", "/metrics", Routes.builder().build(), RequestFilter.NONE);
    assertRedirect(send(bare, "GET", "/debug/pprof"), 301, "/debug/pprof/");
    assertNotFound(send(bare, "GET", "/debug/pprof/heap"));
    assertMethodNotAllowed(send(bare, "POST", "/debug/pprof/heap"), "GET, OPTIONS");
  }

  @Test
  void nullHandlers_leaveTheirRoutesUnregistered() throws IOException {
    Dispatcher bare =
        Dispatcher.create("", "/metrics", Routes.builder().build(), RequestFilter.NONE);
    assertNotFound(send(bare, "GET", "/-/healthy"));
    assertNotFound(send(bare, "PUT", "/metrics/job/x"));
    assertThat(send(bare, "GET", "/-/quit").status()).isEqualTo(405);
  }

  @Test
  void filter_runsBeforeTheMainRouterOnly() throws IOException {
    RequestFilter rejectAll =
        exchange -> {
          HttpErrors.error(exchange, 400, "gzip: invalid header");
          return null;
        };
    Dispatcher filtered = Dispatcher.create("", "/metrics", RecordingRoutes.all(false), rejectAll);
    assertThat(send(filtered, "GET", "/-/healthy").status()).isEqualTo(400);
    assertThat(send(filtered, "GET", "/nope").status()).isEqualTo(400);
    assertHit(send(filtered, "GET", "/api/v1/status"), "apiStatus GET PathParams{}");
    assertRedirect(send(filtered, "GET", "//metrics"), 301, "/metrics");
  }

  @Test
  void filter_canReplaceTheRequestBody() throws IOException {
    RequestFilter decode =
        exchange -> exchange.withRequestBody(new ByteArrayInputStream("decoded".getBytes(UTF_8)));
    Routes routes =
        Routes.builder()
            .push(
                (exchange, params) ->
                    HttpErrors.plainText(
                        exchange, 200, new String(exchange.requestBody().readAllBytes(), UTF_8)))
            .build();
    Dispatcher dispatcher = Dispatcher.create("", "/metrics", routes, decode);
    FakeExchange exchange = FakeExchange.request("PUT", "/metrics/job/j").body("raw");
    dispatcher.handle(exchange);
    assertThat(exchange.bodyText()).isEqualTo("decoded");
  }

  @Test
  void create_rejectsRoutesThatGoRejectsAtStartUp() {
    Routes routes = RecordingRoutes.all(false);
    assertThatThrownBy(() -> Dispatcher.create("", "/-/healthy", routes, RequestFilter.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a handle is already registered for path '/-/healthy'");
    assertThatThrownBy(() -> Dispatcher.create("", "prom", routes, RequestFilter.NONE))
        .hasMessage("path must begin with '/' in path 'prom'");
    assertThatThrownBy(() -> Dispatcher.create("", "/static/x", routes, RequestFilter.NONE))
        .hasMessage(
            "wildcard route '*filepath' conflicts with existing children in path"
                + " '/static/*filepath'");
  }

  @Test
  void telemetryPath_isJoinedAndCleaned() throws IOException {
    Dispatcher pg = dispatcher("/pg", "prom/", false);
    assertHit(send(pg, "GET", "/pg/prom"), "scrape GET PathParams{}");
    assertRedirect(send(pg, "GET", "/pg/prom/"), 301, "/pg/prom");
  }

  @Test
  void normalizeRoutePrefix_followsUpstreamHead() {
    assertThat(Dispatcher.normalizeRoutePrefix("")).isEmpty();
    assertThat(Dispatcher.normalizeRoutePrefix("/")).isEmpty();
    assertThat(Dispatcher.normalizeRoutePrefix("pg")).isEqualTo("/pg");
    assertThat(Dispatcher.normalizeRoutePrefix("pg/")).isEqualTo("/pg");
    assertThat(Dispatcher.normalizeRoutePrefix("/pg/")).isEqualTo("/pg");
    assertThat(Dispatcher.normalizeRoutePrefix("pg//")).isEqualTo("/pg/");
  }
}
