package io.pushgateway.exposition;

import static io.pushgateway.exposition.ProtobufTestSupport.bytes;
import static io.pushgateway.exposition.ProtobufTestSupport.delimited;
import static io.pushgateway.exposition.ProtobufTestSupport.generatedParse;
import static io.pushgateway.exposition.ProtobufTestSupport.label;
import static org.assertj.core.api.Assertions.assertThat;

import io.pushgateway.exposition.proto.Metrics;
import io.pushgateway.model.Counter;
import io.pushgateway.model.Exemplar;
import io.pushgateway.model.Histogram;
import io.pushgateway.model.Labels;
import io.pushgateway.model.Metric;
import io.pushgateway.model.MetricFamily;
import io.pushgateway.model.MetricType;
import io.pushgateway.model.Quantile;
import io.pushgateway.model.SimpleValue;
import io.pushgateway.model.Summary;
import io.pushgateway.model.Timestamp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProtobufWriterTest {

  private static final Labels PBSH = Labels.of("job", "pbsh");

  private static MetricFamily sanitised(MetricFamily f, Labels grouping) {
    List<Metric> metrics = new ArrayList<>();
    for (Metric m : f.metrics()) {
      metrics.add(m.withLabels(m.labels().withOverridesAndDefault(grouping, "instance")));
    }
    return f.withMetrics(metrics);
  }

  private static Metrics.Metric.Builder pbsh(Metrics.LabelPair... first) {
    Metrics.Metric.Builder b = Metrics.Metric.newBuilder();
    for (Metrics.LabelPair lp : first) {
      b.addLabel(lp);
    }
    return b.addLabel(label("instance", "")).addLabel(label("job", "pbsh"));
  }

  @Test
  void write_pbScrapeProtobuf_givesTheGoldenFamilies() {
    // pb_scrape_protobuf: the pushed families as the Go gateway serves them after sanitisation.
    List<MetricFamily> stored = new ArrayList<>();
    for (MetricFamily f : ProtobufParser.parse(delimited(ProtobufScenarios.allTypes()))) {
      stored.add(sanitised(f, PBSH));
    }
    List<Metrics.MetricFamily> expected = new ArrayList<>();
    for (Metrics.MetricFamily f : ProtobufScenarios.allTypes()) {
      Metrics.MetricFamily.Builder b = f.toBuilder().clearMetric();
      for (Metrics.Metric m : f.getMetricList()) {
        b.addMetric(
            pbsh(m.getLabelList().toArray(new Metrics.LabelPair[0]))
                .mergeFrom(m.toBuilder().clearLabel().build()));
      }
      expected.add(b.build());
    }
    assertThat(generatedParse(ProtobufTestSupport.write(stored))).isEqualTo(expected);
    assertThat(expected.get(0).getMetric(0).getLabelList())
        .extracting(Metrics.LabelPair::getName)
        .containsExactly("code", "instance", "job");
    assertThat(expected.get(2).hasHelp()).isFalse();
  }

  @Test
  void write_onlyName_writesOnlyTheNameField() {
    byte[] written =
        ProtobufWriter.toDelimitedBytes(new MetricFamily("x", null, null, null, List.of()));
    assertThat(written).isEqualTo(bytes(0x03, 0x0A, 0x01, 'x'));
  }

  @Test
  void write_presenceFlags_decideWhichFieldsAreWritten() {
    Histogram h =
        Histogram.builder().schema(0).zeroCount(0).createdTimestamp(new Timestamp(0, 0)).build();
    Metric m =
        new Metric(
            Labels.of("a", ""),
            SimpleValue.absent(),
            new Counter(0, false, new Exemplar(new String[0], 0, false, null), null),
            new Summary(0, true, 0, false, List.of(new Quantile(0, false, 1, true)), null),
            SimpleValue.of(0),
            h,
            0L);
    MetricFamily family = new MetricFamily("m", "", MetricType.COUNTER, null, List.of(m));
    Metrics.Metric expected =
        Metrics.Metric.newBuilder()
            .addLabel(label("a", ""))
            .setGauge(Metrics.Gauge.getDefaultInstance())
            .setCounter(
                Metrics.Counter.newBuilder().setExemplar(Metrics.Exemplar.getDefaultInstance()))
            .setSummary(
                Metrics.Summary.newBuilder()
                    .setSampleCount(0)
                    .addQuantile(Metrics.Quantile.newBuilder().setValue(1)))
            .setUntyped(Metrics.Untyped.newBuilder().setValue(0))
            .setHistogram(
                Metrics.Histogram.newBuilder()
                    .setSchema(0)
                    .setZeroCount(0)
                    .setCreatedTimestamp(com.google.protobuf.Timestamp.getDefaultInstance()))
            .setTimestampMs(0)
            .build();
    Metrics.MetricFamily expectedFamily =
        Metrics.MetricFamily.newBuilder()
            .setName("m")
            .setHelp("")
            .setType(Metrics.MetricType.COUNTER)
            .addMetric(expected)
            .build();
    assertThat(ProtobufWriter.toDelimitedBytes(family)).isEqualTo(delimited(expectedFamily));
  }

  @Test
  void writeDelimited_mergedFamily_equalsTheFamilyWithAllMetrics() throws IOException {
    List<Metric> groupA = List.of(Metric.gauge(Labels.of("job", "a"), 1));
    List<Metric> groupB =
        List.of(Metric.gauge(Labels.of("job", "b"), 2), Metric.gauge(Labels.of("job", "c"), 3));
    Iterable<Metric> merged =
        () -> java.util.stream.Stream.concat(groupA.stream(), groupB.stream()).iterator();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ProtobufWriter.writeDelimited("g", "help", MetricType.GAUGE, "unit", merged, out);

    List<Metric> all = new ArrayList<>(groupA);
    all.addAll(groupB);
    MetricFamily family = new MetricFamily("g", "help", MetricType.GAUGE, "unit", all);
    assertThat(out.toByteArray()).isEqualTo(ProtobufWriter.toDelimitedBytes(family));
  }

  @Test
  void writeDelimited_largeFamily_hasAMultiByteLengthAndAppends() throws IOException {
    List<Metric> metrics = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      metrics.add(Metric.counter(Labels.of("job", "j", "i", "värde " + i), i));
    }
    MetricFamily family = MetricFamily.of("big_total", "Big.", MetricType.COUNTER, metrics);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ProtobufWriter.writeDelimited(family, out);
    ProtobufWriter.writeDelimited(MetricFamily.of("small", null, MetricType.GAUGE, List.of()), out);

    List<Metrics.MetricFamily> decoded = generatedParse(out.toByteArray());
    assertThat(decoded)
        .extracting(Metrics.MetricFamily::getName)
        .containsExactly("big_total", "small");
    assertThat(decoded.get(0).getMetricCount()).isEqualTo(5000);
    assertThat(decoded.get(0).getMetric(4999).getLabel(0).getValue()).isEqualTo("värde 4999");
    assertThat(decoded.get(0).getMetric(4999).getCounter().getValue()).isEqualTo(4999);
    assertThat(ProtobufParser.parse(out.toByteArray())).hasSize(2);
  }
}
