package io.pushgateway.selfmetrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot.InfoDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.NativeHistogramBuckets;
import io.prometheus.metrics.model.snapshots.Quantiles;
import io.prometheus.metrics.model.snapshots.StateSetSnapshot;
import io.prometheus.metrics.model.snapshots.StateSetSnapshot.StateSetDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot.SummaryDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Unit;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot.UnknownDataPointSnapshot;
import io.pushgateway.model.Bucket;
import io.pushgateway.model.BucketSpan;
import io.pushgateway.model.Counter;
import io.pushgateway.model.Histogram;
import io.pushgateway.model.Labels;
import io.pushgateway.model.Metric;
import io.pushgateway.model.MetricFamily;
import io.pushgateway.model.MetricType;
import io.pushgateway.model.Quantile;
import io.pushgateway.model.SimpleValue;
import io.pushgateway.model.Summary;
import io.pushgateway.model.Timestamp;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class SnapshotConverterTest {

  private static MetricFamily convert(MetricSnapshot snapshot) {
    return Objects.requireNonNull(SnapshotConverter.convert(snapshot));
  }

  private static io.prometheus.metrics.model.snapshots.Labels cjLabels(String... pairs) {
    return io.prometheus.metrics.model.snapshots.Labels.of(pairs);
  }

  /** Labels, kind and value of a gauge or untyped series. */
  private static String show(Metric m) {
    SimpleValue v = m.gauge() != null ? m.gauge() : m.untyped();
    String kind = m.gauge() != null ? "gauge" : "untyped";
    return m.labels() + " " + kind + " " + (v == null ? "none" : v.value());
  }

  @Test
  void counter_getsTotalSuffixValueAndCreatedTimestamp() {
    CounterSnapshot snapshot =
        CounterSnapshot.builder()
            .name("requests")
            .help("Requests.")
            .dataPoint(
                CounterDataPointSnapshot.builder()
                    .labels(cjLabels("method", "get", "code", "200"))
                    .value(7)
                    .createdTimestampMillis(1_700_000_000_123L)
                    .build())
            .build();

    MetricFamily family = convert(snapshot);

    assertThat(family.name()).isEqualTo("requests_total");
    assertThat(family.help()).isEqualTo("Requests.");
    assertThat(family.type()).isEqualTo(MetricType.COUNTER);
    Metric metric = family.metrics().get(0);
    assertThat(metric.labels()).isEqualTo(Labels.of("code", "200", "method", "get"));
    assertThat(metric.counter())
        .isEqualTo(new Counter(7, true, null, new Timestamp(1_700_000_000L, 123_000_000)));
    assertThat(metric.timestampMs()).isNull();
  }

  @Test
  void counter_namedWithTotal_keepsThatName() {
    CounterSnapshot snapshot =
        CounterSnapshot.builder()
            .name("bytes_total")
            .dataPoint(CounterDataPointSnapshot.builder().value(1).build())
            .build();

    assertThat(convert(snapshot).name()).isEqualTo("bytes_total");
    assertThat(convert(snapshot).help()).isNull();
  }

  @Test
  void gauge_keepsNameLabelsValueAndScrapeTimestamp() {
    GaugeSnapshot snapshot =
        GaugeSnapshot.builder()
            .name("memory_used_bytes")
            .unit(Unit.BYTES)
            .dataPoint(
                GaugeDataPointSnapshot.builder()
                    .labels(cjLabels("area", "heap"))
                    .value(12.5)
                    .scrapeTimestampMillis(1234)
                    .build())
            .build();

    MetricFamily family = convert(snapshot);

    assertThat(family.name()).isEqualTo("memory_used_bytes");
    assertThat(family.type()).isEqualTo(MetricType.GAUGE);
    Metric metric = family.metrics().get(0);
    assertThat(metric.labels()).isEqualTo(Labels.of("area", "heap"));
    assertThat(metric.gauge()).isEqualTo(SimpleValue.of(12.5));
    assertThat(metric.timestampMs()).isEqualTo(1234L);
  }

  @Test
  void dottedNames_areEscapedWithUnderscores() {
    GaugeSnapshot snapshot =
        GaugeSnapshot.builder()
            .name("my.gauge")
            .dataPoint(
                GaugeDataPointSnapshot.builder().labels(cjLabels("a.b", "x")).value(1).build())
            .build();

    MetricFamily family = convert(snapshot);

    assertThat(family.name()).isEqualTo("my_gauge");
    assertThat(family.metrics().get(0).labels()).isEqualTo(Labels.of("a_b", "x"));
  }

  @Test
  void summary_keepsQuantilesCountSumAndSkipsEmptyDataPoints() {
    SummarySnapshot snapshot =
        SummarySnapshot.builder()
            .name("duration_seconds")
            .dataPoint(
                SummaryDataPointSnapshot.builder()
                    .labels(cjLabels("method", "put"))
                    .quantiles(
                        Quantiles.of(
                            new io.prometheus.metrics.model.snapshots.Quantile(0.5, 0.2),
                            new io.prometheus.metrics.model.snapshots.Quantile(0.9, Double.NaN)))
                    .count(3)
                    .sum(0.75)
                    .build())
            .dataPoint(SummaryDataPointSnapshot.builder().labels(cjLabels("method", "x")).build())
            .build();

    MetricFamily family = convert(snapshot);

    assertThat(family.name()).isEqualTo("duration_seconds");
    assertThat(family.type()).isEqualTo(MetricType.SUMMARY);
    assertThat(family.metrics()).hasSize(1);
    Summary summary = Objects.requireNonNull(family.metrics().get(0).summary());
    assertThat(summary.quantiles())
        .containsExactly(Quantile.of(0.5, 0.2), Quantile.of(0.9, Double.NaN));
    assertThat(summary.sampleCount()).isEqualTo(3);
    assertThat(summary.hasSampleCount()).isTrue();
    assertThat(summary.sampleSum()).isEqualTo(0.75);
    assertThat(summary.hasSampleSum()).isTrue();
  }

  @Test
  void classicHistogram_getsCumulativeBuckets() {
    HistogramSnapshot snapshot =
        HistogramSnapshot.builder()
            .name("size_bytes")
            .dataPoint(
                HistogramDataPointSnapshot.builder()
                    .classicHistogramBuckets(
                        ClassicHistogramBuckets.of(
                            new double[] {1, 10, Double.POSITIVE_INFINITY}, new long[] {2, 0, 3}))
                    .sum(40)
                    .build())
            .build();

    MetricFamily family = convert(snapshot);

    assertThat(family.type()).isEqualTo(MetricType.HISTOGRAM);
    Histogram h = Objects.requireNonNull(family.metrics().get(0).histogram());
    assertThat(h.buckets())
        .containsExactly(Bucket.of(1, 2), Bucket.of(10, 2), Bucket.of(Double.POSITIVE_INFINITY, 5));
    assertThat(h.sampleCount()).isEqualTo(5);
    assertThat(h.sampleSum()).isEqualTo(40);
    assertThat(h.isNative()).isFalse();
    assertThat(h.has(Histogram.Field.SCHEMA)).isFalse();
  }

  @Test
  void nativeHistogram_getsSpansAndDeltas() {
    HistogramSnapshot snapshot =
        HistogramSnapshot.builder()
            .name("latency_seconds")
            .dataPoint(
                HistogramDataPointSnapshot.builder()
                    .nativeSchema(3)
                    .nativeZeroThreshold(1e-9)
                    .nativeZeroCount(1)
                    .nativeBucketsForPositiveValues(
                        NativeHistogramBuckets.of(new int[] {2, 3, 7}, new long[] {4, 1, 2}))
                    .nativeBucketsForNegativeValues(
                        NativeHistogramBuckets.of(new int[] {-1}, new long[] {5}))
                    .sum(3.5)
                    .build())
            .build();

    Histogram h = Objects.requireNonNull(convert(snapshot).metrics().get(0).histogram());

    assertThat(h.schema()).isEqualTo(3);
    assertThat(h.zeroThreshold()).isEqualTo(1e-9);
    assertThat(h.zeroCount()).isEqualTo(1);
    assertThat(h.sampleCount()).isEqualTo(13);
    assertThat(h.positiveSpans()).containsExactly(BucketSpan.of(2, 2), BucketSpan.of(3, 1));
    assertThat(h.positiveDeltas()).containsExactly(4, -3, 1);
    assertThat(h.negativeSpans()).containsExactly(BucketSpan.of(-1, 1));
    assertThat(h.negativeDeltas()).containsExactly(5);
    assertThat(h.buckets()).isEmpty();
    assertThat(h.isNative()).isTrue();
  }

  @Test
  void gaugeHistogram_keepsItsType() {
    HistogramSnapshot snapshot =
        HistogramSnapshot.builder()
            .name("queue_size")
            .gaugeHistogram(true)
            .dataPoint(
                HistogramDataPointSnapshot.builder()
                    .classicHistogramBuckets(
                        ClassicHistogramBuckets.of(
                            new double[] {Double.POSITIVE_INFINITY}, new long[] {1}))
                    .build())
            .build();

    assertThat(convert(snapshot).type()).isEqualTo(MetricType.GAUGE_HISTOGRAM);
  }

  @Test
  void info_becomesGaugeWithInfoSuffixAndValueOne() {
    InfoSnapshot snapshot =
        InfoSnapshot.builder()
            .name("runtime_info")
            .help("Runtime.")
            .dataPoint(InfoDataPointSnapshot.builder().labels(cjLabels("version", "21")).build())
            .build();

    MetricFamily family = convert(snapshot);

    assertThat(family.name()).isEqualTo("runtime_info");
    assertThat(family.type()).isEqualTo(MetricType.GAUGE);
    assertThat(family.metrics())
        .extracting(SnapshotConverterTest::show)
        .containsExactly("{version=\"21\"} gauge 1.0");
  }

  @Test
  void stateSet_becomesOneGaugePerStateLabelledWithTheMetricName() {
    StateSetSnapshot snapshot =
        StateSetSnapshot.builder()
            .name("feature")
            .dataPoint(
                StateSetDataPointSnapshot.builder()
                    .labels(cjLabels("env", "prod"))
                    .state("a", true)
                    .state("b", false)
                    .build())
            .build();

    MetricFamily family = convert(snapshot);

    assertThat(family.name()).isEqualTo("feature");
    assertThat(family.type()).isEqualTo(MetricType.GAUGE);
    assertThat(family.metrics())
        .extracting(SnapshotConverterTest::show)
        .containsExactly(
            "{env=\"prod\",feature=\"a\"} gauge 1.0", "{env=\"prod\",feature=\"b\"} gauge 0.0");
  }

  @Test
  void unknown_becomesUntyped() {
    UnknownSnapshot snapshot =
        UnknownSnapshot.builder()
            .name("legacy")
            .dataPoint(UnknownDataPointSnapshot.builder().value(-3).build())
            .build();

    MetricFamily family = convert(snapshot);

    assertThat(family.type()).isEqualTo(MetricType.UNTYPED);
    assertThat(family.metrics())
        .extracting(SnapshotConverterTest::show)
        .containsExactly("{} untyped -3.0");
  }

  @Test
  void snapshotWithoutDataPoints_givesFamilyWithoutMetrics() {
    CounterSnapshot snapshot = CounterSnapshot.builder().name("idle").help("h").build();

    MetricFamily family = convert(snapshot);

    assertThat(family.name()).isEqualTo("idle_total");
    assertThat(family.metrics()).isEqualTo(List.of());
  }
}
