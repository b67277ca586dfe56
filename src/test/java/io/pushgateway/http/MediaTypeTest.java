package io.pushgateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MediaTypeTest {

  private static final String PB = "application/vnd.google.protobuf";
  private static final String MF = "io.prometheus.client.MetricFamily";

  /** Each case: header, then the type and parameters Go 1.19's mime.ParseMediaType returns. */
  static Stream<Arguments> parsable() {
    return Stream.of(
        ok(PB + ";encoding=delimited;proto=" + MF, PB, "encoding", "delimited", "proto", MF),
        ok(
            "APPLICATION/vnd.google.protobuf; PROTO=" + MF + "; ENCODING=delimited",
            PB,
            "encoding",
            "delimited",
            "proto",
            MF),
        ok(
            PB + "; proto=\"" + MF + "\"; encoding=\"delimited\"",
            PB,
            "encoding",
            "delimited",
            "proto",
            MF),
        ok(PB + "; proto=" + MF + "; encoding=Delimited", PB, "encoding", "Delimited", "proto", MF),
        ok(
            PB + "; proto=" + MF + "; encoding=delimited;",
            PB,
            "encoding",
            "delimited",
            "proto",
            MF),
        ok(
            PB + " ; proto = " + MF + " ; encoding = delimited",
            PB,
            "encoding",
            "delimited",
            "proto",
            MF),
        ok(
            PB + ";proto=" + MF + ";encoding*=utf-8''delimited",
            PB,
            "encoding",
            "delimited",
            "proto",
            MF),
        ok(
            PB + ";proto=" + MF + ";encoding*0=deli;encoding*1=mited",
            PB,
            "encoding",
            "delimited",
            "proto",
            MF),
        ok(
            PB + ";proto=" + MF + ";encoding*0*=utf-8''deli;encoding*1*=%6Dited",
            PB,
            "encoding",
            "delimited",
            "proto",
            MF),
        ok(
            PB + ";proto=" + MF + ";encoding=delimited;encoding*=utf-8''text",
            PB,
            "encoding",
            "text",
            "proto",
            MF),
        ok(
            PB + ";proto=\"io.prometheus.client.\\MetricFamily\";encoding=\"del\\\"imited\"",
            PB,
            "encoding",
            "del\"imited",
            "proto",
            "io.prometheus.client.\\MetricFamily"),
        ok(PB + ";proto=" + MF + ";encoding=\"\"", PB, "encoding", "", "proto", MF),
        ok("text", "text"),
        ok(" text/plain ", "text/plain"),
        ok("text/plain;charset=utf-8;", "text/plain", "charset", "utf-8"),
        ok("text/plain ; charset=utf-8 ", "text/plain", "charset", "utf-8"),
        ok("text/plain;\tcharset=utf-8", "text/plain", "charset", "utf-8"),
        ok("text/plain; a*=us-ascii'en'x%41y", "text/plain", "a", "xAy"),
        ok("text/plain; a*=iso-8859-1''x", "text/plain"),
        ok("text/plain; a*=''x", "text/plain"),
        ok("text/plain; a*=utf-8''x%4", "text/plain"),
        ok("text/plain; a*0=x; a*2=y", "text/plain", "a", "x"),
        ok("text/plain; a*1=x", "text/plain"),
        ok("text/plain;a=\"b;c\";d=e", "text/plain", "a", "b;c", "d", "e"),
        ok("text/plain; a=\"ä\"", "text/plain", "a", "ä"),
        ok("\u212Aext/plain", "kext/plain"),
        ok("text/plain\u00a0; a=b", "text/plain", "a", "b"),
        ok("text/plain;\u00a0a=b", "text/plain", "a", "b"),
        ok("text/plain; a\u00a0=b", "text/plain", "a", "b"),
        ok("x/y;a=\"\\\\\"", "x/y", "a", "\\"),
        ok("x/y;a=\"\\b\"", "x/y", "a", "\\b"),
        ok("x/y;a*=utf-8'", "x/y"),
        ok("x/y;a*0*=utf-8''%41;a*1*=%zz;a*2=c", "x/y", "a", "Ac"),
        ok("x/y;a*0*=bogus''%41;a*1=b", "x/y", "a", "b"),
        ok("x/y;a*0=x;a*00=y", "x/y", "a", "x"),
        ok("x/y;a*=utf-8''%C3%A4", "x/y", "a", "ä"));
  }

  private static Arguments ok(String header, String type, String... params) {
    Map<String, String> map = new TreeMap<>();
    for (int i = 0; i < params.length; i += 2) {
      map.put(params[i], params[i + 1]);
    }
    return Arguments.of(header, type, map);
  }

  @ParameterizedTest
  @MethodSource("parsable")
  void parse_matchesGo(String header, String type, Map<String, String> params) {
    MediaType mediaType = MediaType.parse(header);

    assertThat(mediaType).isNotNull();
    assertThat(mediaType.type()).isEqualTo(type);
    assertThat(new TreeMap<>(mediaType.params())).isEqualTo(params);
  }

  /** Headers for which Go 1.19's mime.ParseMediaType returns an error. */
  @ParameterizedTest
  @MethodSource("unparsable")
  void parse_rejectsWhatGoRejects(String header) {
    assertThat(MediaType.parse(header)).isNull();
  }

  static Stream<String> unparsable() {
    return Stream.of(
        PB + "; proto=" + MF + "; encoding=delimited; ;",
        PB + "; proto=" + MF + "; encoding=delimited;;",
        PB + ";proto=" + MF + ";encoding=delimited;proto=x",
        PB + ";proto=" + MF + ";encoding=\"delimited",
        PB + ";proto=" + MF + ";encoding=",
        PB + ";proto=" + MF + ";encoding",
        PB + ";proto=" + MF + ";encoding=delimited garbage",
        PB + ";proto=" + MF + ";encoding=delimited;x=\"a\rb\"",
        "garbage;;;",
        "",
        "text/",
        "/plain",
        "text/plain/x",
        "text/plain; charset=utf-8 x",
        "text/plain;;charset=utf-8",
        "text/plain; a=b; A=c",
        "text/plain; a*=b; a*=c",
        "text/plain; a=b c=d",
        "téxt/plain",
        "text/plain; ä=b",
        "text/plain; a=ä",
        "text/plain; a = \"x\\\"");
  }

  @Test
  void parse_null() {
    assertThat(MediaType.parse(null)).isNull();
  }
}
