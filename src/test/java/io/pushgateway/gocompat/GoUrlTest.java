package io.pushgateway.gocompat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected values observed with Go's net/url (via kingpin's URL flag). */
class GoUrlTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "'' | ''",
        "http://example.com/ext/ | http://example.com/ext/",
        "HTTP://x | http://x",
        "foo | foo",
        "p:x | p:x",
        "/p:x | /p:x",
        "mailto:a@b | mailto:a@b",
        "http://x? | http://x?",
        "//h/p | //h/p",
        "///p | ///p",
        "http:///p | http:///p",
        "* | *",
        "http://Example.COM/a%2Fb/c%20d?q=1#frag | http://Example.COM/a%2Fb/c%20d?q=1#frag",
        "http://x/a%2fb | http://x/a%2fb",
        "http://x/a[b] | http://x/a[b]",
        "http://x/\u00e9 | http://x/%C3%A9",
        "http://u:p@x/p | http://u:p@x/p",
        "http://u@h@x/ | http://u%40h@x/",
        "http://x/a?b#c%20d | http://x/a?b#c%20d",
        "http://%C3%A9/ | http://%C3%A9/",
        "http://[fe80::1%25en0]:80/p | http://[fe80::1%25en0]:80/p",
        "http://x:9091 | http://x:9091",
      })
  void parse_thenToString_givesGoCanonicalForm(String raw, String expected) {
    assertThat(GoUrl.parse(raw).toString()).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "'' | ''",
        "http://x | ''",
        "http://x/ | /",
        "http://x/pg/ | /pg/",
        "http://x/a%20b/c | /a b/c",
        "http://x/a%2Fb | /a/b",
        "foo/bar | foo/bar",
        "* | *",
      })
  void path_isDecoded(String raw, String path) {
    assertThat(GoUrl.parse(raw).path()).isEqualTo(path);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        ":bad | parse \":bad\": missing protocol scheme",
        "http://[::1 | parse \"http://[::1\": missing ']' in host",
        "%zz | parse \"%zz\": invalid URL escape \"%zz\"",
        "http://x/%zz#a | parse \"http://x/%zz\": invalid URL escape \"%zz\"",
        "http://x/#%zz | parse \"http://x/#%zz\": invalid URL escape \"%zz\"",
        "http://x/%4 | parse \"http://x/%4\": invalid URL escape \"%4\"",
        "http://x:abc/ | parse \"http://x:abc/\": invalid port \":abc\" after host",
        "http://a b/ | parse \"http://a b/\": invalid character \" \" in host name",
        "http://u%zz@x/ | parse \"http://u%zz@x/\": invalid URL escape \"%zz\"",
        "http://x%41/ | parse \"http://x%41/\": invalid URL escape \"%41\"",
        "http://u\"@x/ | parse \"http://u\\\"@x/\": net/url: invalid userinfo",
      })
  void parse_rejectsWithGoMessage(String raw, String message) {
    assertThatThrownBy(() -> GoUrl.parse(raw))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void parse_rejectsControlCharacters() {
    assertThatThrownBy(() -> GoUrl.parse("http://x/\n"))
        .hasMessage("parse \"http://x/\\n\": net/url: invalid control character in URL");
  }

  @Test
  void parse_rejectsColonInFirstSegmentOfRelativePath() {
    assertThatThrownBy(() -> GoUrl.parse("1a:b/c"))
        .hasMessage("parse \"1a:b/c\": first path segment in URL cannot contain colon");
  }

  // Paths as the routers see them: byte strings, one char per byte.

  @Test
  void unescapePath_decodesButKeepsPlus() {
    assertThat(GoUrl.unescapePath("/a%2Fb+c%c3%A9")).isEqualTo("/a/b+c\u00c3\u00a9");
  }

  @ParameterizedTest
  @CsvSource({
    "/metrics/job/foo, /metrics/job/foo",
    "/metrics/job/f%20o/path/%CE%A0%CF%81, /metrics/job/f o/path/\u00ce\u00a0\u00cf\u0081",
    "/metrics/job/a+b/v/c+d, /metrics/job/a+b/v/c+d",
    "/metrics/job/foo/a/x%2Fy, /metrics/job/foo/a/x/y",
    "/metrics/job/fo%2fo, /metrics/job/fo/o",
    "/metrics/job/bad/x/%FF%00y, /metrics/job/bad/x/\u00ff\u0000y",
    "/%41%61, /Aa",
    "/%25, /%",
  })
  void unescapePath_followsGoPathUnescaping(String raw, String decoded) {
    assertThat(GoUrl.unescapePath(raw)).isEqualTo(decoded);
  }

  @ParameterizedTest
  @CsvSource({
    "/metrics/job/%zz, '%zz'",
    "/metrics/job/a%2, '%2'",
    "/metrics/job/a%, '%'",
    "/metrics/job/%G1x, '%G1'",
    "/%4, '%4'",
  })
  void unescapePath_rejectsMalformedEscapesLikeGo(String raw, String escape) {
    assertThatThrownBy(() -> GoUrl.unescapePath(raw))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid URL escape \"" + escape + "\"");
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
}
