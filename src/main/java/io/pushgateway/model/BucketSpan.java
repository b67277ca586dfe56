package io.pushgateway.model;

/** A span of consecutive native histogram buckets; the flags say which fields were present. */
public record BucketSpan(int offset, boolean hasOffset, int length, boolean hasLength) {

  /** A span with both fields present. {@code length} is an unsigned 32-bit number. */
  public static BucketSpan of(int offset, int length) {
    return new BucketSpan(offset, true, length, true);
  }
}
