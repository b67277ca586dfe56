package io.pushgateway.exposition;

import static io.pushgateway.exposition.ProtobufTestSupport.label;
import static io.pushgateway.exposition.ProtobufTestSupport.ts;

import io.pushgateway.exposition.proto.Metrics;
import java.util.List;

/** Push bodies of the conformance scenarios pb_*, built with the generated classes. */
final class ProtobufScenarios {
  private ProtobufScenarios() {}

  /** The body of pb_all_types, pb_scrape_protobuf, pb_truncated and pb_post_replaces_family. */
  static List<Metrics.MetricFamily> allTypes() {
    return List.of(
        Metrics.MetricFamily.newBuilder()
            .setName("pb_counter_total")
            .setHelp("A counter.")
            .setType(Metrics.MetricType.COUNTER)
            .addMetric(counter("200", 42))
            .addMetric(counter("500", 1))
            .build(),
        Metrics.MetricFamily.newBuilder()
            .setName("pb_gauge")
            .setHelp("A gauge.")
            .setType(Metrics.MetricType.GAUGE)
            .addMetric(
                Metrics.Metric.newBuilder().setGauge(Metrics.Gauge.newBuilder().setValue(-3.5)))
            .build(),
        Metrics.MetricFamily.newBuilder()
            .setName("pb_untyped")
            .setType(Metrics.MetricType.UNTYPED)
            .addMetric(
                Metrics.Metric.newBuilder().setUntyped(Metrics.Untyped.newBuilder().setValue(7)))
            .build(),
        Metrics.MetricFamily.newBuilder()
            .setName("pb_summary")
            .setHelp("A summary.")
            .setType(Metrics.MetricType.SUMMARY)
            .addMetric(Metrics.Metric.newBuilder().setSummary(summary()))
            .build(),
        Metrics.MetricFamily.newBuilder()
            .setName("pb_histogram")
            .setHelp("A histogram.")
            .setType(Metrics.MetricType.HISTOGRAM)
            .addMetric(Metrics.Metric.newBuilder().setHistogram(classicHistogram()))
            .build());
  }

  private static Metrics.Metric counter(String code, double value) {
    return Metrics.Metric.newBuilder()
        .addLabel(label("code", code))
        .setCounter(Metrics.Counter.newBuilder().setValue(value))
        .build();
  }

  private static Metrics.Summary summary() {
    return Metrics.Summary.newBuilder()
        .setSampleCount(10)
        .setSampleSum(3.5)
        .addQuantile(Metrics.Quantile.newBuilder().setQuantile(0.5).setValue(0.2))
        .addQuantile(Metrics.Quantile.newBuilder().setQuantile(0.99).setValue(0.9))
        .build();
  }

  private static Metrics.Histogram classicHistogram() {
    return Metrics.Histogram.newBuilder()
        .setSampleCount(5)
        .setSampleSum(2.5)
        .addBucket(Metrics.Bucket.newBuilder().setCumulativeCount(1).setUpperBound(0.1))
        .addBucket(Metrics.Bucket.newBuilder().setCumulativeCount(4).setUpperBound(1))
        .build();
  }

  /** pb_native_histogram_only. */
  static Metrics.MetricFamily nativeOnly() {
    Metrics.Histogram h =
        Metrics.Histogram.newBuilder()
            .setSampleCount(20)
            .setSampleSum(99.23)
            .setSchema(1)
            .setZeroThreshold(0.001)
            .setZeroCount(2)
            .addNegativeSpan(Metrics.BucketSpan.newBuilder().setOffset(0).setLength(2))
            .addNegativeDelta(2)
            .addNegativeDelta(-1)
            .addPositiveSpan(Metrics.BucketSpan.newBuilder().setOffset(0).setLength(2))
            .addPositiveDelta(2)
            .addPositiveDelta(0)
            .build();
    return Metrics.MetricFamily.newBuilder()
        .setName("pb_native")
        .setHelp("native")
        .setType(Metrics.MetricType.HISTOGRAM)
        .addMetric(Metrics.Metric.newBuilder().setHistogram(h))
        .build();
  }

  /** A float native histogram with exemplars and a created timestamp (as Go clients push). */
  static Metrics.MetricFamily floatHistogram() {
    Metrics.Histogram h =
        Metrics.Histogram.newBuilder()
            .setSampleCountFloat(10.5)
            .setSampleSum(-3.25)
            .setSchema(-4)
            .setZeroThreshold(1e-128)
            .setZeroCountFloat(0.5)
            .addPositiveSpan(Metrics.BucketSpan.newBuilder().setOffset(-3).setLength(2))
            .addPositiveSpan(Metrics.BucketSpan.newBuilder().setOffset(5).setLength(1))
            .addPositiveCount(1.5)
            .addPositiveCount(2.5)
            .addPositiveCount(6.5)
            .setCreatedTimestamp(ts(1_700_000_000L, 5))
            .addExemplars(
                Metrics.Exemplar.newBuilder()
                    .addLabel(label("trace_id", "t1"))
                    .setValue(4.5)
                    .setTimestamp(ts(1_700_000_001L, 0)))
            .build();
    return Metrics.MetricFamily.newBuilder()
        .setName("pb_float")
        .setType(Metrics.MetricType.GAUGE_HISTOGRAM)
        .setUnit("seconds")
        .addMetric(Metrics.Metric.newBuilder().addLabel(label("le", "x")).setHistogram(h))
        .build();
  }
}
