package io.pushgateway.http;

import io.pushgateway.exposition.ParseLimits;

/**
 * The limits of one push at the edge, before it reaches the store.
 *
 * @param maxBodyBytes largest body, both as sent and after decompression
 * @param maxBytesInFlight memory all pushes in flight together may hold: bodies as sent and
 *     decompressed, and an estimate of their parsed series, until the store has applied them
 * @param parse the limits enforced while a body is parsed
 */
public record PushLimits(long maxBodyBytes, long maxBytesInFlight, ParseLimits parse) {
  /** The flag, and the refusal counter's label value, of {@link #maxBodyBytes}. */
  public static final String BODY_BYTES = "push.max-body-bytes";

  /** The flag of {@link #maxBytesInFlight}. */
  public static final String BYTES_IN_FLIGHT = "push.max-bytes-in-flight";

  /** No limits (but Java's own: a body must fit in one array). */
  public static final PushLimits NONE =
      new PushLimits(Long.MAX_VALUE, Long.MAX_VALUE, ParseLimits.NONE);

  public PushLimits {
    if (maxBodyBytes < 1 || maxBytesInFlight < 1) {
      throw new IllegalArgumentException("limits must be at least 1");
    }
  }
}
