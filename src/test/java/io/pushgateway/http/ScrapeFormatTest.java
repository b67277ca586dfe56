package io.pushgateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScrapeFormatTest {

  private static final String PB =
      "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily";

  /** Observed against Pushgateway 1.5.1 (curl -H "Accept: ..."). */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "'' | TEXT",
        "text/plain | TEXT",
        "text/plain;version=0.0.4 | TEXT",
        "text/plain;version=0.0.5 | TEXT",
        "*/* | TEXT",
        PB + ";encoding=delimited | PROTOBUF_DELIMITED",
        PB + ";encoding=text | PROTOBUF_TEXT",
        PB + ";encoding=compact-text | PROTOBUF_COMPACT_TEXT",
        PB + ";encoding=delimited;q=0 | PROTOBUF_DELIMITED",
        "text/plain;q=0.5," + PB + ";encoding=delimited;q=0.4 | TEXT",
        "text/plain;q=0.3," + PB + ";encoding=delimited;q=0.4 | PROTOBUF_DELIMITED",
        "*/*;q=0.9," + PB + ";encoding=delimited;q=0.1 | PROTOBUF_DELIMITED",
        "Application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;"
            + "encoding=delimited | TEXT",
        "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily;"
            + " encoding=delimited | PROTOBUF_DELIMITED",
        "application/vnd.google.protobuf;proto=\"io.prometheus.client.MetricFamily\";"
            + "encoding=delimited | TEXT",
        PB + ";encoding=delimited;q= 0.5, text/plain;q=0.1 | TEXT",
        "application/openmetrics-text;version=0.0.1 | TEXT",
        "application/openmetrics-text; version=1.0.0 | TEXT",
        "text/html;q=0.9, text/plain;version=0.0.5;q=0.8,"
            + PB
            + ";encoding=text;q=0.1"
            + " | PROTOBUF_TEXT",
        "text/plain;q=0.1, " + PB + ";encoding=delimited;q=abc | TEXT",
      })
  void negotiate_matchesPushgateway151(String accept, ScrapeFormat expected) {
    assertThat(ScrapeFormat.negotiate(accept)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // Checked with expfmt.Negotiate of prometheus/common 0.39 (what 1.5.1 is built with).
        "text/*, " + PB + ";encoding=delimited | PROTOBUF_DELIMITED",
        PB + ";encoding=delimited;q=0.5, text/plain;q=0.5 | PROTOBUF_DELIMITED",
        "text/plain;q=0.5, " + PB + ";encoding=delimited;q=0.5 | TEXT",
        PB + ";encoding=delimited;q=0.1, text/plain;q=1e-1 | PROTOBUF_DELIMITED",
        PB + ";encoding=delimited;q=0x1p-4, text/plain;q=0.1 | TEXT",
        PB + ";encoding=delimited;q=inf, text/plain;q=1e39 | PROTOBUF_DELIMITED",
        "text/plain;version= | TEXT",
        "text/plain;version=1.0.0, " + PB + ";encoding=delimited | PROTOBUF_DELIMITED",
        "application/vnd.google.protobuf;PROTO=io.prometheus.client.MetricFamily;"
            + "encoding=delimited | TEXT",
        "application/vnd.google.protobuf ; proto = io.prometheus.client.MetricFamily ;"
            + " encoding = delimited | PROTOBUF_DELIMITED",
        PB + ";encoding=delimited;q=0.1 , text/plain;version=0.0.4;q=0.2 | TEXT",
        "a/b/c, " + PB + ";encoding=delimited | PROTOBUF_DELIMITED",
        "text/plain;q=0, " + PB + ";encoding=xml | TEXT",
        "*/*;q=0.1, text/html, "
            + PB
            + ";encoding=delimited;q=0.05, text/plain;q=0.05"
            + " | PROTOBUF_DELIMITED",
        "x/y;q=0.2, */*;q=0.3, " + PB + ";encoding=text;q=0.2, text/plain;q=0.2 | PROTOBUF_TEXT",
        PB + ";encoding=text;q=nan, text/plain;q=0.5 | PROTOBUF_TEXT",
        "text/plain;q=0.5, " + PB + ";encoding=text;q=nan | TEXT",
        "*;q=0.9, text/plain;q=0.1, " + PB + ";encoding=delimited;q=0.1 | TEXT",
        "text/*;q=0.2, */*;q=0.2, "
            + PB
            + ";encoding=delimited;q=0.1, text/plain;q=0.1"
            + " | PROTOBUF_DELIMITED",
        PB + ";encoding=delimited;q=1_0, text/plain;q=2 | PROTOBUF_DELIMITED",
      })
  void negotiate_followsGoautoneg(String accept, ScrapeFormat expected) {
    assertThat(ScrapeFormat.negotiate(accept)).isEqualTo(expected);
  }

  @Test
  void negotiate_missingHeaderIsText() {
    assertThat(ScrapeFormat.negotiate(null)).isEqualTo(ScrapeFormat.TEXT);
  }

  @Test
  void contentTypes_areThoseOf151() {
    assertThat(ScrapeFormat.TEXT.contentType())
        .isEqualTo("text/plain; version=0.0.4; charset=utf-8");
    assertThat(ScrapeFormat.PROTOBUF_DELIMITED.contentType())
        .isEqualTo(
            "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily;"
                + " encoding=delimited");
    assertThat(ScrapeFormat.PROTOBUF_TEXT.contentType())
        .isEqualTo(
            "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily;"
                + " encoding=text");
    assertThat(ScrapeFormat.PROTOBUF_COMPACT_TEXT.contentType())
        .isEqualTo(
            "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily;"
                + " encoding=compact-text");
  }

  /** Observed against Pushgateway 1.5.1 (curl -H "Accept-Encoding: ..."). */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "gzip | true",
        "gzip;q=0 | true",
        "GZIP | false",
        "x-gzip | false",
        "deflate, gzip | true",
        "gzip ;q=1 | false",
        "' gzip' | true",
        "'identity;q=1, *;q=0' | false",
        "* | false",
        "br,gzip;q=0.5 | true",
        "'gzip,' | true",
        "gzipx | false",
        "'' | false",
        "'br,\tgzip\t' | true",
      })
  void acceptsGzip_matchesPushgateway151(String acceptEncoding, boolean gzip) {
    assertThat(ScrapeFormat.acceptsGzip(acceptEncoding)).isEqualTo(gzip);
  }

  @Test
  void acceptsGzip_missingHeader() {
    assertThat(ScrapeFormat.acceptsGzip(null)).isFalse();
  }
}
