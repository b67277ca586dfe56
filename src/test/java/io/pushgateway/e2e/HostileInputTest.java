package io.pushgateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.pushgateway.exposition.proto.Metrics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pushes that once misbehaved, found while fuzzing (bench/fuzz-long, and probes with large pushes
 * of each shape beside it), each answered as any push is. The timeouts only guard against a hang
 * coming back; they are far above the time these requests take.
 */
class HostileInputTest {
  private static final int MANY = 40_000;

  /** Without the label limit, which would refuse these pushes before the parser's work is done. */
  @RegisterExtension
  static final TestGateway gateway = new TestGateway("--push.max-labels-per-series=0");

  /** Label sorting and the duplicate-name check were quadratic: 40,000 labels took 23 s. */
  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void textSampleWithTensOfThousandsOfLabels_isAccepted() {
    Response response =
        gateway.put("/metrics/job/many_labels", "many{" + labelPairs("a", MANY) + "} 1\n");

    assertThat(response.status()).as(response.text()).isEqualTo(200);
    assertThat(gateway.pushed("many_labels"))
        .startsWith("# TYPE many untyped\nmany{a0=\"v\",a1=\"v\",a10=\"v\",a100=\"v\",")
        .contains(",a9999=\"v\",instance=\"\",job=\"many_labels\"} 1\n");
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void textSampleWithTensOfThousandsOfLabels_oneRepeated_isRefusedAsDuplicate() {
    String body = "many{" + labelPairs("a", MANY) + ",a17=\"again\"} 1\n";

    Response response = gateway.put("/metrics/job/many_labels_dup", body);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.text())
        .isEqualTo(
            "text format parsing error in line 1: duplicate label names for metric \"many\"\n");
    assertThat(gateway.pushed("many_labels_dup")).isEmpty();
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void protobufMetricWithTensOfThousandsOfLabels_isAccepted() throws IOException {
    Metrics.Metric.Builder metric =
        Metrics.Metric.newBuilder().setGauge(Metrics.Gauge.newBuilder().setValue(2));
    for (int i = MANY - 1; i >= 0; i--) {
      metric.addLabel(Metrics.LabelPair.newBuilder().setName("b" + i).setValue("w"));
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    Metrics.MetricFamily.newBuilder()
        .setName("many_pb")
        .setType(Metrics.MetricType.GAUGE)
        .addMetric(metric)
        .build()
        .writeDelimitedTo(body);

    Response response =
        gateway.request(
            "PUT",
            "/metrics/job/many_labels_pb",
            body.toByteArray(),
            "Content-Type: " + Protobuf.CONTENT_TYPE);

    assertThat(response.status()).as(response.text()).isEqualTo(200);
    assertThat(gateway.pushed("many_labels_pb"))
        .startsWith("# TYPE many_pb gauge\nmany_pb{b0=\"w\",b1=\"w\",b10=\"w\",b100=\"w\",")
        .contains(",b9999=\"w\",instance=\"\",job=\"many_labels_pb\"} 2\n");
  }

  /**
   * The text parser files {@code h_sum} under the family the HELP line created, not under the
   * histogram {@code h} (as Go's does); rendered, that would read back differently, so the store
   * must refuse it, as Go does; the group is created with only its push failure time (spec 5.3).
   */
  @Test
  void familyNamedLikeAHistogramsSum_isRefusedAsACollision() {
    String body =
        """
        # HELP h_sum A histogram.
        # TYPE h histogram
        h_bucket{le="1"} 17
        h_bucket{le="+Inf"} 20
        h_sum 99.23
        h_count 20
        """;

    Response response = gateway.put("/metrics/job/suffix_collision", body);

    assertThat(response.status()).isEqualTo(400);
    // Go names the two families in either order (it walks a map); we always name h_sum first.
    assertThat(response.text())
        .isEqualTo(
            "pushed metrics are invalid or inconsistent with existing metrics: collected metric"
                + " named \"h_sum\" collides with previously collected histogram named \"h\"\n");
    assertThat(gateway.pushed("suffix_collision")).isEmpty();
  }

  /**
   * Fuzzing found protobuf family names with a newline or NUL that the gateway stored (as Go does),
   * after which no text scrape parsed (a newline even lets a push inject lines of its own). Names
   * with a space or control character are refused now; other invalid names are exposed as Go 1.5.1
   * does (PushBodyTest).
   */
  @ParameterizedTest
  @ValueSource(
      strings = {"t_counte\u0000total", "\ncode200", "x 1\nfake 2\ny", "a b", "a\u007f", "a\u2028"})
  void protobufFamilyWithAnInvalidName_isRefused(String name) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    Metrics.MetricFamily.newBuilder()
        .setName(name)
        .setType(Metrics.MetricType.GAUGE)
        .addMetric(Metrics.Metric.newBuilder().setGauge(Metrics.Gauge.newBuilder().setValue(1)))
        .build()
        .writeDelimitedTo(body);

    Response response =
        gateway.request(
            "PUT",
            "/metrics/job/bad_name",
            body.toByteArray(),
            "Content-Type: " + Protobuf.CONTENT_TYPE);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.text())
        .isEqualTo(
            "metric family name "
                + io.pushgateway.gocompat.GoQuote.quote(name)
                + " has a space or control character\n");
    assertThat(gateway.get("/metrics").status()).isEqualTo(200);
    assertThat(gateway.pushed("bad_name")).isEmpty();
  }

  /** {@code a0="v",a1="v",...}: names in numeric, not sorted, order. */
  private static String labelPairs(String prefix, int count) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < count; i++) {
      sb.append(i == 0 ? "" : ",").append(prefix).append(i).append("=\"v\"");
    }
    return sb.toString();
  }
}
