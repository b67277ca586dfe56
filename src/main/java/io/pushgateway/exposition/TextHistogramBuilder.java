package io.pushgateway.exposition;

import io.pushgateway.gocompat.GoConversions;
import io.pushgateway.model.Bucket;
import io.pushgateway.model.Histogram;
import io.pushgateway.model.Labels;
import io.pushgateway.model.Metric;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Collects the lines of one histogram series (one label set without {@code le}), with the float
 * count handling of current expfmt: integral non-negative counts are integers, others floats, and
 * if any count is a float, all become floats.
 */
final class TextHistogramBuilder {
  /** One bucket line; either count may be present (as in the protobuf message). */
  private static final class MutableBucket {
    final double upperBound;
    long count;
    boolean hasCount;
    double countFloat;
    boolean hasCountFloat;

    MutableBucket(double upperBound) {
      this.upperBound = upperBound;
    }

    Bucket build() {
      return new Bucket(count, hasCount, countFloat, hasCountFloat, upperBound, true, null);
    }
  }

  private final Labels labels;
  private final List<MutableBucket> buckets = new ArrayList<>(16);
  private long count;
  private boolean hasCount;
  private double countFloat;
  private boolean hasCountFloat;
  private double sum;
  private boolean hasSum;
  private @Nullable Long timestampMs;

  TextHistogramBuilder(Labels labels) {
    this.labels = labels;
  }

  /**
   * A {@code _count} line. Returns false if the value is a negative count (the caller reports the
   * error).
   */
  boolean count(double value) {
    long u = GoConversions.toUint64(value);
    if (value == GoConversions.uint64ToDouble(u)) {
      count = u;
      hasCount = true;
      return true;
    }
    if (value < 0) {
      return false;
    }
    countFloat = value;
    hasCountFloat = true;
    return true;
  }

  void sum(double value) {
    sum = value;
    hasSum = true;
  }

  /** A bucket line. Returns false if the value is a negative population. */
  boolean bucket(double upperBound, double value) {
    MutableBucket b = new MutableBucket(upperBound);
    long u = GoConversions.toUint64(value);
    if (value == GoConversions.uint64ToDouble(u)) {
      b.count = u;
      b.hasCount = true;
    } else if (value < 0) {
      return false;
    } else {
      b.countFloat = value;
      b.hasCountFloat = true;
    }
    buckets.add(b);
    return true;
  }

  void timestampMs(long ts) {
    timestampMs = ts;
  }

  Metric build() {
    normalize();
    Histogram.Builder h = Histogram.builder();
    if (hasCount) {
      h.sampleCount(count);
    }
    if (hasCountFloat) {
      h.sampleCountFloat(countFloat);
    }
    if (hasSum) {
      h.sampleSum(sum);
    }
    for (MutableBucket b : buckets) {
      h.addBucket(b.build());
    }
    return new Metric(labels, null, null, null, null, h.build(), timestampMs);
  }

  /**
   * expfmt's {@code normalizeHistogram}, literally: with Go's getters an absent field reads as 0,
   * so a float count of exactly 0 counts as "not a float" and a missing count becomes a present
   * float 0.
   */
  private void normalize() {
    if (!anyFloats()) {
      return;
    }
    if (floatCount() == 0) {
      countFloat = GoConversions.uint64ToDouble(hasCount ? count : 0);
      hasCountFloat = true;
      count = 0;
      hasCount = false;
    }
    for (MutableBucket b : buckets) {
      if ((b.hasCountFloat ? b.countFloat : 0) == 0) {
        b.countFloat = GoConversions.uint64ToDouble(b.hasCount ? b.count : 0);
        b.hasCountFloat = true;
        b.count = 0;
        b.hasCount = false;
      }
    }
  }

  private double floatCount() {
    return hasCountFloat ? countFloat : 0;
  }

  private boolean anyFloats() {
    if (floatCount() != 0) {
      return true;
    }
    for (MutableBucket b : buckets) {
      if ((b.hasCountFloat ? b.countFloat : 0) != 0) {
        return true;
      }
    }
    return false;
  }
}
