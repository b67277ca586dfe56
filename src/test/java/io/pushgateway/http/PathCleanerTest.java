package io.pushgateway.http;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class PathCleanerTest {
  @Test
  void clean_behavesLikeGoPathClean() {
    assertThat(PathCleaner.clean("")).isEqualTo(".");
    assertThat(PathCleaner.clean("/")).isEqualTo("/");
    assertThat(PathCleaner.clean("//a//b/./c/..")).isEqualTo("/a/b");
    assertThat(PathCleaner.clean("/../a")).isEqualTo("/a");
    assertThat(PathCleaner.clean("a/../..")).isEqualTo("..");
    assertThat(PathCleaner.clean("a/b/../../../c")).isEqualTo("../c");
    assertThat(PathCleaner.clean("/prom/")).isEqualTo("/prom");
  }

  @Test
  void join_behavesLikeGoPathJoin() {
    assertThat(PathCleaner.join("", "/metrics")).isEqualTo("/metrics");
    assertThat(PathCleaner.join("/pg", "prom/")).isEqualTo("/pg/prom");
    assertThat(PathCleaner.join("", "prom")).isEqualTo("prom");
    assertThat(PathCleaner.join("", "")).isEmpty();
  }

  @Test
  void canonical_keepsTrailingSlash() {
    assertThat(PathCleaner.canonical("")).isEqualTo("/");
    assertThat(PathCleaner.canonical("a")).isEqualTo("/a");
    assertThat(PathCleaner.canonical("/a//b/")).isEqualTo("/a/b/");
    assertThat(PathCleaner.canonical("/a/.")).isEqualTo("/a");
    assertThat(PathCleaner.canonical("/a/..")).isEqualTo("/");
    assertThat(PathCleaner.canonical("/./")).isEqualTo("/");
  }

  @Test
  void routerCanonical_keepsSlashForFinalDot() {
    assertThat(PathCleaner.routerCanonical("/a/.")).isEqualTo("/a/");
    assertThat(PathCleaner.routerCanonical("/a/b/..")).isEqualTo("/a");
  }

  @Test
  void redirectIfUnclean_leavesCleanPathsAlone() throws IOException {
    FakeExchange exchange = FakeExchange.request("GET", "/metrics/");
    assertThat(PathCleaner.redirectIfUnclean(exchange, "/metrics/", null)).isFalse();
    assertThat(exchange.responseStarted()).isFalse();
  }

  @Test
  void redirectIfUnclean_answersGoStyle301() throws IOException {
    FakeExchange get = FakeExchange.request("GET", "/static/../template.html");
    assertThat(PathCleaner.redirectIfUnclean(get, "/static/../template.html", null)).isTrue();
    assertThat(get.status()).isEqualTo(301);
    assertThat(get.responseHeader("Location")).isEqualTo("/template.html");
    assertThat(get.responseHeader("Content-Type")).isEqualTo("text/html; charset=utf-8");
    assertThat(get.bodyText()).isEqualTo("<a href=\"/template.html\">Moved Permanently</a>.\n\n");

    FakeExchange delete = FakeExchange.request("DELETE", "/metrics/job//x/");
    PathCleaner.redirectIfUnclean(delete, "/metrics/job//x/", "a=1");
    assertThat(delete.responseHeader("Location")).isEqualTo("/metrics/job/x/?a=1");
    assertThat(delete.responseHeader("Content-Type")).isNull();
    assertThat(delete.bodyBytes()).isEmpty();
  }

  @Test
  void redirect_hexEscapesRawBytesInLocationButNotInBody() throws IOException {
    FakeExchange get = FakeExchange.request("GET", "//x");
    PathCleaner.redirectIfUnclean(get, "//x", "\u00c3\u00a9");
    assertThat(get.responseHeader("Location")).isEqualTo("/x?%c3%a9");
    assertThat(new String(get.bodyBytes(), ISO_8859_1))
        .isEqualTo("<a href=\"/x?\u00c3\u00a9\">Moved Permanently</a>.\n\n");
  }
}
