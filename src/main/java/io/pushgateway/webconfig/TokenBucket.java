package io.pushgateway.webconfig;

/**
 * {@code rate_limit} as Go's {@code rate.Limiter}: starts full with {@code burst} tokens, gains one
 * per {@code interval}, and each request takes one or is refused. A negative interval means no
 * limit (Go: an infinite rate).
 */
public final class TokenBucket {
  private final long nanosPerToken;
  private final long burst;
  private double tokens;
  private long last;

  public TokenBucket(RateLimit limit) {
    this.nanosPerToken = limit.interval().toNanos();
    this.burst = limit.burst();
    this.tokens = burst;
    this.last = System.nanoTime();
  }

  /** Whether a request may pass now (and takes its token). */
  public synchronized boolean allow() {
    if (nanosPerToken < 0) {
      return true;
    }
    long now = System.nanoTime();
    tokens = Math.min(burst, tokens + (double) (now - last) / nanosPerToken);
    last = now;
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }
}
