package io.pushgateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GoUrlTest {
  @Test
  void unescapePath_decodesButKeepsPlus() {
    assertThat(GoUrl.unescapePath("/a%2Fb+c%c3%A9")).isEqualTo("/a/b+c\u00c3\u00a9");
  }

  @Test
  void unescapePath_rejectsMalformedEscapes() {
    assertThatThrownBy(() -> GoUrl.unescapePath("/%zz"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GoUrl.unescapePath("/%4"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void escapePath_escapesLikeGoPathMode() {
    assertThat(GoUrl.escapePath("/a b?c!*'()[]$&+,:;=@~\u00c3\u00a9"))
        .isEqualTo("/a%20b%3Fc%21%2A%27%28%29%5B%5D$&+,:;=@~%C3%A9");
  }

  @Test
  void escapedPath_prefersAValidRawPath() {
    assertThat(GoUrl.escapedPath("/ab", "/a%62")).isEqualTo("/a%62");
    assertThat(GoUrl.escapedPath("/ab/", "/a%62")).isEqualTo("/ab/");
    assertThat(GoUrl.escapedPath("/a b", "")).isEqualTo("/a%20b");
  }

  @Test
  void rawPathFor_isEmptyForDefaultEncoding() {
    assertThat(GoUrl.rawPathFor("/a%20b", "/a b")).isEmpty();
    assertThat(GoUrl.rawPathFor("/%61", "/a")).isEqualTo("/%61");
  }

  @Test
  void textEscapes_matchGo() {
    assertThat(GoUrl.hexEscapeNonAscii("/x?\u00c3\u00a9")).isEqualTo("/x?%c3%a9");
    assertThat(GoUrl.htmlEscape("<a href=\"x\">'&'"))
        .isEqualTo("&lt;a href=&#34;x&#34;&gt;&#39;&amp;&#39;");
  }
}
