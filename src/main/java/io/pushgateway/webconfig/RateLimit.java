package io.pushgateway.webconfig;

import java.time.Duration;

/**
 * {@code rate_limit}: a token bucket over all requests, refilled with one token per {@code
 * interval} and holding at most {@code burst}; a zero interval disables it.
 */
public record RateLimit(Duration interval, long burst) {
  static final RateLimit NONE = new RateLimit(Duration.ZERO, 0);

  /** Whether the limit is on (the toolkit's {@code interval != 0}). */
  public boolean enabled() {
    return !interval.isZero();
  }
}
