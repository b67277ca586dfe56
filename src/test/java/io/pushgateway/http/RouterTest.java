package io.pushgateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** httprouter semantics of {@link Router}, on small route sets. */
class RouterTest {
  private static Router router(String... methodsAndPaths) {
    Router router = new Router();
    for (int i = 0; i < methodsAndPaths.length; i += 2) {
      router.handle(
          methodsAndPaths[i],
          methodsAndPaths[i + 1],
          RecordingRoutes.named(methodsAndPaths[i + 1]));
    }
    return router;
  }

  private static FakeExchange send(Router router, String method, String target) throws IOException {
    FakeExchange exchange = FakeExchange.request(method, target);
    router.serve(exchange);
    return exchange;
  }

  @Test
  void params_matchOneNonEmptySegment() throws IOException {
    Router router = router("GET", "/user/:name", "GET", "/user/:name/posts");
    assertThat(send(router, "GET", "/user/ann").bodyText())
        .isEqualTo("/user/:name GET PathParams{name=ann}");
    assertThat(send(router, "GET", "/user/ann/posts").bodyText())
        .isEqualTo("/user/:name/posts GET PathParams{name=ann}");
    assertThat(send(router, "GET", "/user/").status()).isEqualTo(404);
  }

  @Test
  void catchAll_takesTheRestWithItsSlash() throws IOException {
    Router router = router("GET", "/src/*filepath");
    assertThat(send(router, "GET", "/src/").bodyText())
        .isEqualTo("/src/*filepath GET PathParams{filepath=/}");
    assertThat(send(router, "GET", "/src/a/b%20c").bodyText())
        .isEqualTo("/src/*filepath GET PathParams{filepath=/a/b c}");
    FakeExchange bare = send(router, "GET", "/src");
    assertThat(bare.status()).isEqualTo(301);
    assertThat(bare.responseHeader("Location")).isEqualTo("/src/");
  }

  @Test
  void trailingSlash_is301ForGetAnd307ForOthers() throws IOException {
    Router router = router("GET", "/a", "POST", "/a", "PUT", "/b/");
    assertThat(send(router, "GET", "/a/").status()).isEqualTo(301);
    FakeExchange post = send(router, "POST", "/a/?x=1");
    assertThat(post.status()).isEqualTo(307);
    assertThat(post.responseHeader("Location")).isEqualTo("/a?x=1");
    assertThat(post.bodyBytes()).isEmpty();
    assertThat(send(router, "PUT", "/b").responseHeader("Location")).isEqualTo("/b/");
  }

  @Test
  void caseInsensitive_redirectsToTheRoutesCaseKeepingParamValues() throws IOException {
    Router router = router("PUT", "/metrics/job/:job", "GET", "/static/*filepath");
    FakeExchange put = send(router, "PUT", "/Metrics/JOB/Foo");
    assertThat(put.status()).isEqualTo(307);
    assertThat(put.responseHeader("Location")).isEqualTo("/metrics/job/Foo");
    assertThat(send(router, "GET", "/STATIC/A/B").responseHeader("Location"))
        .isEqualTo("/static/A/B");
  }

  @Test
  void rootPath_isNeverRedirected() throws IOException {
    Router router = router("GET", "/x");
    assertThat(send(router, "GET", "/").status()).isEqualTo(404);
  }

  @Test
  void connect_isNeverRedirected() throws IOException {
    Router router = router("CONNECT", "/a");
    assertThat(send(router, "CONNECT", "/a/").status()).isEqualTo(404);
    assertThat(send(router, "CONNECT", "/A").status()).isEqualTo(404);
  }

  @Test
  void methodWithoutRoutes_getsNoRedirectOnlyAllow() throws IOException {
    Router router = router("GET", "/a");
    assertThat(send(router, "HEAD", "/a/").status()).isEqualTo(404);
    FakeExchange head = send(router, "HEAD", "/a");
    assertThat(head.status()).isEqualTo(405);
    assertThat(head.responseHeader("Allow")).isEqualTo("GET, OPTIONS");
  }

  @Test
  void methodNotAllowed_listsSortedMethodsPlusOptions() throws IOException {
    Router router = router("PUT", "/a", "DELETE", "/a", "POST", "/a", "GET", "/b");
    FakeExchange get = send(router, "GET", "/a");
    assertThat(get.status()).isEqualTo(405);
    assertThat(get.responseHeader("Allow")).isEqualTo("DELETE, OPTIONS, POST, PUT");
    assertThat(get.bodyText()).isEqualTo("Method Not Allowed\n");
    assertThat(get.responseHeader("Content-Type")).isEqualTo("text/plain; charset=utf-8");
  }

  @Test
  void options_isAnsweredAutomaticallyUnlessRouted() throws IOException {
    Router router = router("GET", "/a", "OPTIONS", "/b", "GET", "/b");
    FakeExchange auto = send(router, "OPTIONS", "/a");
    assertThat(auto.status()).isEqualTo(200);
    assertThat(auto.responseHeader("Allow")).isEqualTo("GET, OPTIONS");
    assertThat(auto.bodyBytes()).isEmpty();
    assertThat(send(router, "OPTIONS", "/b").bodyText()).isEqualTo("/b OPTIONS PathParams{}");
    assertThat(send(router, "OPTIONS", "/c").status()).isEqualTo(404);
  }

  @Test
  void redirectLocation_isTheDefaultEscapingOfTheFixedPath() throws IOException {
    Router router = router("GET", "/a b/");
    assertThat(send(router, "GET", "/a%20b").responseHeader("Location")).isEqualTo("/a%20b/");
    assertThat(send(router, "GET", "/a%20%62").responseHeader("Location")).isEqualTo("/a%20b/");
  }

  @Test
  void handle_rejectsWhatHttprouterRejects() {
    Router router = router("GET", "/a/:x");
    assertThatThrownBy(() -> router.handle("GET", "/a/:y", RecordingRoutes.named("y")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "':y' in new path '/a/:y' conflicts with existing wildcard ':x' in existing prefix"
                + " '/a/:x'");
    assertThatThrownBy(() -> router.handle("GET", "/a/:x", RecordingRoutes.named("x")))
        .hasMessage("a handle is already registered for path '/a/:x'");
    assertThatThrownBy(() -> router.handle("GET", "b", RecordingRoutes.named("b")))
        .hasMessage("path must begin with '/' in path 'b'");
    assertThatThrownBy(() -> router.handle("GET", "/c/*x/d", RecordingRoutes.named("c")))
        .hasMessage("catch-all routes are only allowed at the end of the path in path '/c/*x/d'");
    assertThatThrownBy(() -> router.handle("GET", "/d/:", RecordingRoutes.named("d")))
        .hasMessage("wildcards must be named with a non-empty name in path '/d/:'");
  }

  @Test
  void serve_answersBadRequestForMalformedEscapes() throws IOException {
    assertThat(send(router("GET", "/a"), "GET", "/a%2").status()).isEqualTo(400);
  }
}
