package io.pushgateway.model;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * An immutable list of classic histogram buckets that all have just an upper bound and an integer
 * count (what the text format and most clients push), held as two arrays: a fifth of the memory of
 * one {@link Bucket} object per bucket. The buckets are made when read.
 */
final class PlainBuckets extends AbstractList<Bucket> implements RandomAccess {
  private final double[] upperBounds;
  private final long[] counts;

  private PlainBuckets(double[] upperBounds, long[] counts) {
    this.upperBounds = upperBounds;
    this.counts = counts;
  }

  /** The buckets as an immutable list, compact when every bucket is plain. */
  static List<Bucket> of(List<Bucket> buckets) {
    int n = buckets.size();
    if (n == 0) {
      return List.of();
    }
    double[] upperBounds = new double[n];
    long[] counts = new long[n];
    for (int i = 0; i < n; i++) {
      Bucket b = buckets.get(i);
      if (!b.equals(Bucket.of(b.upperBound(), b.cumulativeCount()))) {
        return List.copyOf(buckets);
      }
      upperBounds[i] = b.upperBound();
      counts[i] = b.cumulativeCount();
    }
    return new PlainBuckets(upperBounds, counts);
  }

  @Override
  public Bucket get(int index) {
    return Bucket.of(upperBounds[index], counts[index]);
  }

  @Override
  public int size() {
    return counts.length;
  }
}
