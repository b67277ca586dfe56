package io.pushgateway.http;

import io.pushgateway.model.BucketSpan;
import io.pushgateway.model.Histogram;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The non-empty buckets of a native histogram as the JSON API lists them (HEAD): negative buckets
 * from the most negative up, the zero bucket, then positive buckets ascending, each with its
 * boundary kind (0 = (lower, upper], 1 = [lower, upper), 3 = [lower, upper]).
 */
final class NativeBuckets {
  /** One bucket; its count is {@code floatCount} in a float histogram, else {@code intCount}. */
  record Bucket(int boundaries, double lower, double upper, double floatCount, long intCount) {}

  private NativeBuckets() {}

  static List<Bucket> of(Histogram h) {
    int schema = h.schema();
    List<Bucket> out = new ArrayList<>();
    List<Bucket> negatives = new ArrayList<>();
    List<Bucket> positives = new ArrayList<>();
    if (h.isFloat()) {
      double[] negative = h.negativeCounts();
      double[] positive = h.positiveCounts();
      forEachIndex(
          h.negativeSpans(),
          negative.length,
          (i, idx) -> {
            if (negative[i] != 0) {
              negatives.add(negativeBucket(idx, schema, negative[i], 0));
            }
          });
      forEachIndex(
          h.positiveSpans(),
          positive.length,
          (i, idx) -> {
            if (positive[i] != 0) {
              positives.add(positiveBucket(idx, schema, positive[i], 0));
            }
          });
    } else {
      long[] negative = absolute(h.negativeDeltas());
      long[] positive = absolute(h.positiveDeltas());
      forEachIndex(
          h.negativeSpans(),
          negative.length,
          (i, idx) -> {
            if (negative[i] != 0) {
              negatives.add(negativeBucket(idx, schema, 0, negative[i]));
            }
          });
      forEachIndex(
          h.positiveSpans(),
          positive.length,
          (i, idx) -> {
            if (positive[i] != 0) {
              positives.add(positiveBucket(idx, schema, 0, positive[i]));
            }
          });
    }
    Collections.reverse(negatives);
    out.addAll(negatives);
    boolean zeroBucket = h.isFloat() ? h.zeroCountFloat() != 0 : h.zeroCount() != 0;
    if (zeroBucket) {
      out.add(
          new Bucket(3, -h.zeroThreshold(), h.zeroThreshold(), h.zeroCountFloat(), h.zeroCount()));
    }
    out.addAll(positives);
    return out;
  }

  private static Bucket negativeBucket(int idx, int schema, double floatCount, long intCount) {
    return new Bucket(1, -bound(idx, schema), -bound(idx - 1, schema), floatCount, intCount);
  }

  private static Bucket positiveBucket(int idx, int schema, double floatCount, long intCount) {
    return new Bucket(0, bound(idx - 1, schema), bound(idx, schema), floatCount, intCount);
  }

  /** Integer histograms store each bucket's count as a delta to the previous bucket's. */
  private static long[] absolute(long[] deltas) {
    long running = 0;
    for (int i = 0; i < deltas.length; i++) {
      running += deltas[i];
      deltas[i] = running;
    }
    return deltas;
  }

  private interface IndexSink {
    void accept(int bucketNumber, int bucketIndex);
  }

  /** Walks the spans: calls the sink with each bucket's position in the count array and index. */
  private static void forEachIndex(List<BucketSpan> spans, int buckets, IndexSink sink) {
    int bucket = 0;
    int idx = 0;
    for (BucketSpan span : spans) {
      idx += span.offset();
      for (long j = 0; j < Integer.toUnsignedLong(span.length()) && bucket < buckets; j++) {
        sink.accept(bucket++, idx++);
      }
    }
  }

  /**
   * The upper bound of bucket {@code idx}: 2^(idx * 2^-schema). (Prometheus uses a rounded table
   * for schemas above 0, so the last digit of a bound may differ from Go's for some buckets.)
   */
  static double bound(int idx, int schema) {
    if (schema <= 0) {
      return Math.scalb(1.0, idx << -schema);
    }
    int perOctave = 1 << schema;
    int frac = Math.floorMod(idx, perOctave);
    int exp = Math.floorDiv(idx, perOctave);
    return Math.scalb(Math.pow(2, (double) frac / perOctave), exp);
  }
}
