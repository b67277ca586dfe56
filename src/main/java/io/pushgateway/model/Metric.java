package io.pushgateway.model;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One series (client_model's {@code Metric}): labels and the value fields that were set. Like the
 * protobuf message it may carry several value fields, or one that does not match its family's type;
 * the consistency check decides whether that is acceptable.
 *
 * <p>A store holds hundreds of thousands of these, so the usual shapes are kept compact: a plain
 * gauge, untyped or counter value (no exemplar, no created timestamp) is held as a bare double and
 * its value object made when asked for; a lone summary or histogram is held directly. Only other
 * combinations (several value fields, a timestamp, a counter with extras) keep every field.
 */
public final class Metric {
  // How the value fields are held (see the class comment).
  private static final byte GAUGE = 0;
  private static final byte UNTYPED = 1;
  private static final byte COUNTER = 2;
  private static final byte SUMMARY = 3;
  private static final byte HISTOGRAM = 4;
  private static final byte OTHER = 5;

  /** Every field, for the rare metrics that fit none of the compact shapes. */
  private record Fields(
      @Nullable SimpleValue gauge,
      @Nullable Counter counter,
      @Nullable Summary summary,
      @Nullable SimpleValue untyped,
      @Nullable Histogram histogram,
      @Nullable Long timestampMs) {}

  private final Labels labels;
  private final byte shape;

  /** The value of a GAUGE, UNTYPED or COUNTER shape. */
  private final double number;

  /** The Summary, Histogram or Fields of the other shapes. */
  private final @Nullable Object value;

  private Metric(Labels labels, byte shape, double number, @Nullable Object value) {
    this.labels = labels;
    this.shape = shape;
    this.number = number;
    this.value = value;
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
    if (fields == 1 && timestampMs == null && isPlain(gauge, counter, untyped)) {
      if (gauge != null) {
        shape = GAUGE;
        number = gauge.value();
      } else if (untyped != null) {
        shape = UNTYPED;
        number = untyped.value();
      } else if (counter != null) {
        shape = COUNTER;
        number = counter.value();
      } else if (summary != null) {
        shape = SUMMARY;
        number = 0;
      } else {
        shape = HISTOGRAM;
        number = 0;
      }
      value = summary != null ? summary : histogram;
    } else {
      shape = OTHER;
      number = 0;
      value = new Fields(gauge, counter, summary, untyped, histogram, timestampMs);
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
    return new Metric(labels, GAUGE, value, null);
  }

  /** An untyped series. */
  public static Metric untyped(Labels labels, double value) {
    return new Metric(labels, UNTYPED, value, null);
  }

  /** A counter series. */
  public static Metric counter(Labels labels, double value) {
    return new Metric(labels, COUNTER, value, null);
  }

  /** A summary series. */
  public static Metric summary(Labels labels, Summary summary) {
    return new Metric(labels, SUMMARY, 0, summary);
  }

  /** A histogram series. */
  public static Metric histogram(Labels labels, Histogram histogram) {
    return new Metric(labels, HISTOGRAM, 0, histogram);
  }

  public Labels labels() {
    return labels;
  }

  public @Nullable SimpleValue gauge() {
    return switch (shape) {
      case GAUGE -> SimpleValue.of(number);
      case OTHER -> fields().gauge();
      default -> null;
    };
  }

  public @Nullable Counter counter() {
    return switch (shape) {
      case COUNTER -> Counter.of(number);
      case OTHER -> fields().counter();
      default -> null;
    };
  }

  public @Nullable Summary summary() {
    return switch (shape) {
      case SUMMARY -> (Summary) value;
      case OTHER -> fields().summary();
      default -> null;
    };
  }

  public @Nullable SimpleValue untyped() {
    return switch (shape) {
      case UNTYPED -> SimpleValue.of(number);
      case OTHER -> fields().untyped();
      default -> null;
    };
  }

  public @Nullable Histogram histogram() {
    return switch (shape) {
      case HISTOGRAM -> (Histogram) value;
      case OTHER -> fields().histogram();
      default -> null;
    };
  }

  /** The client timestamp in milliseconds, or null (stored metrics never have one). */
  public @Nullable Long timestampMs() {
    return shape == OTHER ? fields().timestampMs() : null;
  }

  private Fields fields() {
    return (Fields) Objects.requireNonNull(value);
  }

  /** The same metric with other labels. */
  public Metric withLabels(Labels newLabels) {
    return new Metric(newLabels, shape, number, value);
  }

  /**
   * Whether this metric carries the value field that a family of the given type requires (Go's
   * registry check: a gauge histogram family accepts anything).
   */
  public boolean hasValueFor(MetricType type) {
    if (shape == OTHER) {
      Fields f = fields();
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
      case COUNTER -> shape == COUNTER;
      case GAUGE -> shape == GAUGE;
      case SUMMARY -> shape == SUMMARY;
      case UNTYPED -> shape == UNTYPED;
      case HISTOGRAM -> shape == HISTOGRAM;
      case GAUGE_HISTOGRAM -> true;
    };
  }
}
