package io.pushgateway.http;

import io.pushgateway.model.BucketSpan;
import io.pushgateway.model.Histogram;
import java.util.ArrayList;
import java.util.List;

/**
 * The non-empty buckets of a native histogram as the JSON API lists them (HEAD): negative buckets
 * from the most negative up, the zero bucket, then positive buckets ascending, each with its
 * boundary kind (0 = (lower, upper], 1 = [lower, upper), 3 = [lower, upper]).
 */
final class NativeBuckets {
  /** One bucket; {@code count} is a uint64 for integer histograms, else a float. */
  record Bucket(int boundaries, double lower, double upper, double floatCount, long intCount) {}

  private NativeBuckets() {}

  static List<Bucket> of(Histogram h) {
    boolean isFloat = h.isFloat();
    List<Bucket> negatives = new ArrayList<>();
    forEachBucket(
        h.negativeSpans(),
        isFloat ? h.negativeCountCount() : h.negativeDeltaCount(),
        i -> isFloat ? h.negativeCount(i) : h.negativeDelta(i),
        isFloat,
        h.schema(),
        (idx, f, n) ->
            negatives.add(
                new Bucket(1, -bound(idx, h.schema()), -bound(idx - 1, h.schema()), f, n)));
    List<Bucket> out = new ArrayList<>(negatives.reversed());
    double zeroFloat = h.zeroCountFloat();
    long zeroInt = h.zeroCount();
    if (isFloat ? zeroFloat != 0 : zeroInt != 0) {
      out.add(new Bucket(3, -h.zeroThreshold(), h.zeroThreshold(), zeroFloat, zeroInt));
    }
    forEachBucket(
        h.positiveSpans(),
        isFloat ? h.positiveCountCount() : h.positiveDeltaCount(),
        i -> isFloat ? h.positiveCount(i) : h.positiveDelta(i),
        isFloat,
        h.schema(),
        (idx, f, n) ->
            out.add(new Bucket(0, bound(idx - 1, h.schema()), bound(idx, h.schema()), f, n)));
    return out;
  }

  private interface CountAt {
    double at(int i);
  }

  private interface Sink {
    void accept(int index, double floatCount, long intCount);
  }

  /** Walks the spans; integer counts are delta-encoded, float counts absolute. Skips empty ones. */
  private static void forEachBucket(
      List<BucketSpan> spans, int n, CountAt counts, boolean isFloat, int schema, Sink sink) {
    int bucket = 0;
    int idx = 0;
    long running = 0;
    for (int s = 0; s < spans.size() && bucket < n; s++) {
      BucketSpan span = spans.get(s);
      idx += span.offset();
      for (long j = 0; j < Integer.toUnsignedLong(span.length()) && bucket < n; j++) {
        if (isFloat) {
          double c = counts.at(bucket);
          if (c != 0) {
            sink.accept(idx, c, 0);
          }
        } else {
          running += (long) counts.at(bucket);
          if (running != 0) {
            sink.accept(idx, running, running);
          }
        }
        bucket++;
        idx++;
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
