package io.pushgateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedirectsTest {
  @Test
  void textEscapes_matchGo() {
    assertThat(Redirects.hexEscapeNonAscii("/x?\u00c3\u00a9")).isEqualTo("/x?%c3%a9");
    assertThat(Redirects.htmlEscape("<a href=\"x\">'&'"))
        .isEqualTo("&lt;a href=&#34;x&#34;&gt;&#39;&amp;&#39;");
  }
}
