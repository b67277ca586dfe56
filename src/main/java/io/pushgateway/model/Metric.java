package io.pushgateway.model;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One series (client_model's {@code Metric}): labels and the value fields that were set. Like the
 * protobuf message it may carry several value fields, or one that does not match its family's type;
 * the consistency check decides whether that is acceptable.
 *
 * <p>A store holds hundreds of thousands of these, so the usual shapes are kept compact (24 bytes):
 * a plain gauge, untyped or counter value (no exemplar, no created timestamp) is held as a bare
 * double and its value object made when asked for; a lone summary or histogram is held directly.
 * Only other combinations (several value fields, a timestamp, a counter with extras) keep every
 * field.
 */
public final class Metric {
  /** What a bare double stands for. */
  private enum Plain {
    GAUGE,
    UNTYPED,
    COUNTER
  }

  /** Every field, for the rare metrics that fit none of the compact shapes. */
  private record Fields(
      @Nullable SimpleValue gauge,
      @Nullable Counter counter,
      @Nullable Summary summary,
      @Nullable SimpleValue untyped,
      @Nullable Histogram histogram,
      @Nullable Long timestampMs) {}

  private final Labels labels;

  /** A {@link Plain} (the value is {@link #number}), a Summary, a Histogram, or the Fields. */
  private final Object value;

  private final double number;

  private Metric(Labels labels, Object value, double number) {
    this.labels = labels;
    this.value = value;
    this.number = number;
  }

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
    int fields = count(gauge) + count(counter) + count(summary) + count(untyped) + count(histogram);
    if (fields != 1 || timestampMs != null || !isPlain(gauge, counter, untyped)) {
      value = new Fields(gauge, counter, summary, untyped, histogram, timestampMs);
      number = 0;
    } else if (gauge != null) {
      value = Plain.GAUGE;
      number = gauge.value();
    } else if (untyped != null) {
      value = Plain.UNTYPED;
      number = untyped.value();
    } else if (counter != null) {
      value = Plain.COUNTER;
      number = counter.value();
    } else {
      value = Objects.requireNonNull(summary != null ? summary : histogram);
      number = 0;
    }
  }

  private static int count(@Nullable Object field) {
    return field == null ? 0 : 1;
  }

  /** Whether the simple value fields that are set can be held as a bare double. */
  private static boolean isPlain(
      @Nullable SimpleValue gauge, @Nullable Counter counter, @Nullable SimpleValue untyped) {
    return (gauge == null || gauge.hasValue())
        && (untyped == null || untyped.hasValue())
        && (counter == null
            || (counter.hasValue()
                && counter.exemplar() == null
                && counter.createdTimestamp() == null));
  }

  /** A gauge series. */
  public static Metric gauge(Labels labels, double value) {
    return new Metric(labels, Plain.GAUGE, value);
  }

  /** An untyped series. */
  public static Metric untyped(Labels labels, double value) {
    return new Metric(labels, Plain.UNTYPED, value);
  }

  /** A counter series. */
  public static Metric counter(Labels labels, double value) {
    return new Metric(labels, Plain.COUNTER, value);
  }

  /** A summary series. */
  public static Metric summary(Labels labels, Summary summary) {
    return new Metric(labels, summary, 0);
  }

  /** A histogram series. */
  public static Metric histogram(Labels labels, Histogram histogram) {
    return new Metric(labels, histogram, 0);
  }

  public Labels labels() {
    return labels;
  }

  public @Nullable SimpleValue gauge() {
    if (value == Plain.GAUGE) {
      return SimpleValue.of(number);
    }
    return value instanceof Fields f ? f.gauge() : null;
  }

  public @Nullable Counter counter() {
    if (value == Plain.COUNTER) {
      return Counter.of(number);
    }
    return value instanceof Fields f ? f.counter() : null;
  }

  public @Nullable Summary summary() {
    return value instanceof Summary s ? s : value instanceof Fields f ? f.summary() : null;
  }

  public @Nullable SimpleValue untyped() {
    if (value == Plain.UNTYPED) {
      return SimpleValue.of(number);
    }
    return value instanceof Fields f ? f.untyped() : null;
  }

  public @Nullable Histogram histogram() {
    return value instanceof Histogram h ? h : value instanceof Fields f ? f.histogram() : null;
  }

  /** The client timestamp in milliseconds, or null (stored metrics never have one). */
  public @Nullable Long timestampMs() {
    return value instanceof Fields f ? f.timestampMs() : null;
  }

  /**
   * Whether the other metric has the same labels and value fields (a bare double by its bits), so
   * that both are exposed identically.
   */
  public boolean sameAs(Metric other) {
    return labels.equals(other.labels)
        && (value instanceof Plain
            ? value == other.value
                && Double.doubleToRawLongBits(number) == Double.doubleToRawLongBits(other.number)
            : value.equals(other.value));
  }

  /** The same metric with other labels. */
  public Metric withLabels(Labels newLabels) {
    return newLabels == labels ? this : new Metric(newLabels, value, number);
  }

  /**
   * Whether this metric carries the value field that a family of the given type requires (Go's
   * registry check: a gauge histogram family accepts anything).
   */
  public boolean hasValueFor(MetricType type) {
    if (value instanceof Fields f) {
      return switch (type) {
        case COUNTER -> f.counter() != null;
        case GAUGE -> f.gauge() != null;
        case SUMMARY -> f.summary() != null;
        case UNTYPED -> f.untyped() != null;
        case HISTOGRAM -> f.histogram() != null;
        case GAUGE_HISTOGRAM -> true;
      };
    }
    return switch (type) {
      case COUNTER -> value == Plain.COUNTER;
      case GAUGE -> value == Plain.GAUGE;
      case SUMMARY -> value instanceof Summary;
      case UNTYPED -> value == Plain.UNTYPED;
      case HISTOGRAM -> value instanceof Histogram;
      case GAUGE_HISTOGRAM -> true;
    };
  }
}
