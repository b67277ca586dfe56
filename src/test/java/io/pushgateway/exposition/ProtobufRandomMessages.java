package io.pushgateway.exposition;

import io.pushgateway.exposition.proto.Metrics;
import java.util.Random;

/** Random client_model messages in which every optional field is present or not at random. */
final class ProtobufRandomMessages {
  private static final double[] SPECIAL = {
    0.0,
    -0.0,
    1.0,
    -2.5,
    Double.NaN,
    Double.POSITIVE_INFINITY,
    Double.NEGATIVE_INFINITY,
    Double.MIN_VALUE,
    Double.MAX_VALUE,
    1e21,
    0.1
  };
  private static final String[] STRINGS = {
    "", "a", "job", "instance", "le", "x y", "Πρ", "😀\n\"\\"
  };

  private final Random random;

  ProtobufRandomMessages(long seed) {
    this.random = new Random(seed);
  }

  Metrics.MetricFamily family(String name) {
    Metrics.MetricFamily.Builder b = Metrics.MetricFamily.newBuilder().setName(name);
    if (coin()) {
      b.setHelp(string());
    }
    if (coin()) {
      b.setType(Metrics.MetricType.forNumber(random.nextInt(6)));
    }
    if (random.nextInt(4) == 0) {
      b.setUnit(string());
    }
    int metrics = random.nextInt(4);
    for (int i = 0; i < metrics; i++) {
      b.addMetric(metric());
    }
    return b.build();
  }

  private Metrics.Metric metric() {
    Metrics.Metric.Builder b = Metrics.Metric.newBuilder();
    int labels = random.nextInt(4);
    for (int i = 0; i < labels; i++) {
      b.addLabel(labelPair());
    }
    if (random.nextInt(3) == 0) {
      b.setGauge(
          coin() ? Metrics.Gauge.newBuilder().setValue(number()) : Metrics.Gauge.newBuilder());
    }
    if (random.nextInt(3) == 0) {
      b.setUntyped(
          coin() ? Metrics.Untyped.newBuilder().setValue(number()) : Metrics.Untyped.newBuilder());
    }
    if (random.nextInt(3) == 0) {
      b.setCounter(counter());
    }
    if (random.nextInt(3) == 0) {
      b.setSummary(summary());
    }
    if (random.nextInt(3) == 0) {
      b.setHistogram(histogram());
    }
    if (random.nextInt(6) == 0) {
      b.setTimestampMs(random.nextLong());
    }
    return b.build();
  }

  private Metrics.Counter counter() {
    Metrics.Counter.Builder b = Metrics.Counter.newBuilder();
    if (coin()) {
      b.setValue(number());
    }
    if (coin()) {
      b.setExemplar(exemplar());
    }
    if (coin()) {
      b.setCreatedTimestamp(timestamp());
    }
    return b.build();
  }

  private Metrics.Summary summary() {
    Metrics.Summary.Builder b = Metrics.Summary.newBuilder();
    if (coin()) {
      b.setSampleCount(unsigned());
    }
    if (coin()) {
      b.setSampleSum(number());
    }
    int quantiles = random.nextInt(3);
    for (int i = 0; i < quantiles; i++) {
      Metrics.Quantile.Builder q = Metrics.Quantile.newBuilder();
      if (coin()) {
        q.setQuantile(number());
      }
      if (coin()) {
        q.setValue(number());
      }
      b.addQuantile(q);
    }
    if (coin()) {
      b.setCreatedTimestamp(timestamp());
    }
    return b.build();
  }

  private Metrics.Histogram histogram() {
    Metrics.Histogram.Builder b = Metrics.Histogram.newBuilder();
    classicFields(b);
    nativeScalars(b);
    for (int i = random.nextInt(3); i > 0; i--) {
      b.addNegativeSpan(span());
      b.addPositiveSpan(span());
    }
    for (int i = random.nextInt(4); i > 0; i--) {
      b.addNegativeDelta(random.nextLong() >> random.nextInt(64));
      b.addPositiveDelta(random.nextLong() >> random.nextInt(64));
    }
    for (int i = random.nextInt(3); i > 0; i--) {
      b.addNegativeCount(number());
      b.addPositiveCount(number());
    }
    if (coin()) {
      b.setCreatedTimestamp(timestamp());
    }
    for (int i = random.nextInt(3); i > 0; i--) {
      b.addExemplars(exemplar());
    }
    return b.build();
  }

  private void classicFields(Metrics.Histogram.Builder b) {
    if (coin()) {
      b.setSampleCount(unsigned());
    }
    if (coin()) {
      b.setSampleSum(number());
    }
    for (int i = random.nextInt(4); i > 0; i--) {
      Metrics.Bucket.Builder bucket = Metrics.Bucket.newBuilder();
      if (coin()) {
        bucket.setCumulativeCount(unsigned());
      }
      if (random.nextInt(4) == 0) {
        bucket.setCumulativeCountFloat(number());
      }
      if (coin()) {
        bucket.setUpperBound(number());
      }
      if (random.nextInt(4) == 0) {
        bucket.setExemplar(exemplar());
      }
      b.addBucket(bucket);
    }
  }

  private void nativeScalars(Metrics.Histogram.Builder b) {
    if (coin()) {
      b.setSampleCountFloat(number());
    }
    if (coin()) {
      b.setSchema(random.nextInt(20) - 10);
    }
    if (coin()) {
      b.setZeroThreshold(number());
    }
    if (coin()) {
      b.setZeroCount(unsigned());
    }
    if (coin()) {
      b.setZeroCountFloat(number());
    }
  }

  private Metrics.BucketSpan span() {
    Metrics.BucketSpan.Builder b = Metrics.BucketSpan.newBuilder();
    if (coin()) {
      b.setOffset(random.nextInt() >> random.nextInt(32));
    }
    if (coin()) {
      b.setLength(random.nextInt() >>> random.nextInt(32));
    }
    return b.build();
  }

  private Metrics.Exemplar exemplar() {
    Metrics.Exemplar.Builder b = Metrics.Exemplar.newBuilder();
    for (int i = random.nextInt(3); i > 0; i--) {
      b.addLabel(labelPair());
    }
    if (coin()) {
      b.setValue(number());
    }
    if (coin()) {
      b.setTimestamp(timestamp());
    }
    return b.build();
  }

  private com.google.protobuf.Timestamp timestamp() {
    com.google.protobuf.Timestamp.Builder b = com.google.protobuf.Timestamp.newBuilder();
    if (coin()) {
      b.setSeconds(random.nextLong() >> random.nextInt(64));
    }
    if (coin()) {
      b.setNanos(random.nextInt() >> random.nextInt(32));
    }
    return b.build();
  }

  private Metrics.LabelPair labelPair() {
    return Metrics.LabelPair.newBuilder().setName(string()).setValue(string()).build();
  }

  private boolean coin() {
    return random.nextBoolean();
  }

  private String string() {
    return STRINGS[random.nextInt(STRINGS.length)];
  }

  private double number() {
    return random.nextBoolean()
        ? SPECIAL[random.nextInt(SPECIAL.length)]
        : Double.longBitsToDouble(random.nextLong());
  }

  private long unsigned() {
    return random.nextLong() >>> random.nextInt(64);
  }
}
