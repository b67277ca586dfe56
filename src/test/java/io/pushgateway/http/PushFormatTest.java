package io.pushgateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PushFormatTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "application/vnd.google.protobuf;encoding=delimited;proto=io.prometheus.client.MetricFamily",
        "APPLICATION/vnd.google.protobuf; PROTO=io.prometheus.client.MetricFamily; ENCODING=delimited",
        "application/vnd.google.protobuf; proto=\"io.prometheus.client.MetricFamily\";"
            + " encoding=\"delimited\"",
        "application/vnd.google.protobuf; encoding=delimited; proto=io.prometheus.client.MetricFamily",
        "application/vnd.google.protobuf ; proto = io.prometheus.client.MetricFamily ; encoding ="
            + " delimited;",
        "Application/Vnd.Google.Protobuf; proto=io.prometheus.client.MetricFamily;"
            + " encoding=delimited; charset=x",
      })
  void fromContentType_protobuf(String contentType) {
    assertThat(PushFormat.fromContentType(contentType)).isEqualTo(PushFormat.PROTOBUF);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "text/plain",
        "text/plain; version=0.0.4",
        "application/json",
        "application/openmetrics-text; version=1.0.0",
        "garbage;;;",
        "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily;"
            + " encoding=Delimited",
        "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; encoding=text",
        "application/vnd.google.protobuf; proto=io.prometheus.client.metricfamily;"
            + " encoding=delimited",
        "application/vnd.google.protobuf; encoding=delimited",
        "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily;"
            + " encoding=delimited; encoding=delimited",
        "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily;"
            + " encoding=delimited;;",
        "application/x-protobuf; proto=io.prometheus.client.MetricFamily; encoding=delimited",
      })
  void fromContentType_text(String contentType) {
    assertThat(PushFormat.fromContentType(contentType)).isEqualTo(PushFormat.TEXT);
  }

  @Test
  void fromContentType_missingHeaderIsText() {
    assertThat(PushFormat.fromContentType(null)).isEqualTo(PushFormat.TEXT);
  }
}
