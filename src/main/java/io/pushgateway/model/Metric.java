package io.pushgateway.model;

import org.jspecify.annotations.Nullable;

/**
 * One series (client_model's {@code Metric}): labels and the value fields that were set. Like the
 * protobuf message it may carry several value fields, or one that does not match its family's type;
 * the consistency check decides whether that is acceptable.
 */
public final class Metric {
  private final Labels labels;
  private final @Nullable SimpleValue gauge;
  private final @Nullable Counter counter;
  private final @Nullable Summary summary;
  private final @Nullable SimpleValue untyped;
  private final @Nullable Histogram histogram;
  private final @Nullable Long timestampMs;

  /** A metric with every field given. */
  public Metric(
      Labels labels,
      @Nullable SimpleValue gauge,
      @Nullable Counter counter,
      @Nullable Summary summary,
      @Nullable SimpleValue untyped,
      @Nullable Histogram histogram,
      @Nullable Long timestampMs) {
    this.labels = labels;
    this.gauge = gauge;
    this.counter = counter;
    this.summary = summary;
    this.untyped = untyped;
    this.histogram = histogram;
    this.timestampMs = timestampMs;
  }

  /** A gauge series. */
  public static Metric gauge(Labels labels, double value) {
    return new Metric(labels, SimpleValue.of(value), null, null, null, null, null);
  }

  /** An untyped series. */
  public static Metric untyped(Labels labels, double value) {
    return new Metric(labels, null, null, null, SimpleValue.of(value), null, null);
  }

  /** A counter series. */
  public static Metric counter(Labels labels, double value) {
    return new Metric(labels, null, Counter.of(value), null, null, null, null);
  }

  /** A summary series. */
  public static Metric summary(Labels labels, Summary summary) {
    return new Metric(labels, null, null, summary, null, null, null);
  }

  /** A histogram series. */
  public static Metric histogram(Labels labels, Histogram histogram) {
    return new Metric(labels, null, null, null, null, histogram, null);
  }

  public Labels labels() {
    return labels;
  }

  public @Nullable SimpleValue gauge() {
    return gauge;
  }

  public @Nullable Counter counter() {
    return counter;
  }

  public @Nullable Summary summary() {
    return summary;
  }

  public @Nullable SimpleValue untyped() {
    return untyped;
  }

  public @Nullable Histogram histogram() {
    return histogram;
  }

  /** The client timestamp in milliseconds, or null (stored metrics never have one). */
  public @Nullable Long timestampMs() {
    return timestampMs;
  }

  /** The same metric with other labels. */
  public Metric withLabels(Labels newLabels) {
    return new Metric(newLabels, gauge, counter, summary, untyped, histogram, timestampMs);
  }

  /**
   * Whether this metric carries the value field that a family of the given type requires (Go's
   * registry check: a gauge histogram family accepts anything).
   */
  public boolean hasValueFor(MetricType type) {
    return switch (type) {
      case COUNTER -> counter != null;
      case GAUGE -> gauge != null;
      case SUMMARY -> summary != null;
      case UNTYPED -> untyped != null;
      case HISTOGRAM -> histogram != null;
      case GAUGE_HISTOGRAM -> true;
    };
  }
}
