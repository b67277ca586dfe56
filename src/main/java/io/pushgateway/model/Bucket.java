package io.pushgateway.model;

import org.jspecify.annotations.Nullable;

/**
 * A classic histogram bucket as in client_model's {@code Bucket} message. {@code cumulativeCount}
 * is an unsigned 64-bit number. The flags say which optional fields were present.
 */
public record Bucket(
    long cumulativeCount,
    boolean hasCumulativeCount,
    double cumulativeCountFloat,
    boolean hasCumulativeCountFloat,
    double upperBound,
    boolean hasUpperBound,
    @Nullable Exemplar exemplar) {

  /** A bucket with an integer count and an upper bound. */
  public static Bucket of(double upperBound, long cumulativeCount) {
    return new Bucket(cumulativeCount, true, 0, false, upperBound, true, null);
  }
}
