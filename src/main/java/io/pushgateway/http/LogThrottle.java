package io.pushgateway.http;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Lets one log line per key through per interval, so that a client repeating a refused request
 * cannot fill the log; the others go to a quieter level. Thread-safe.
 */
final class LogThrottle {
  private final long intervalNanos;
  private final ConcurrentHashMap<String, Long> lastLogged = new ConcurrentHashMap<>();

  LogThrottle(long interval, TimeUnit unit) {
    this.intervalNanos = unit.toNanos(interval);
  }

  /** Whether a line for {@code key} may be logged now (and if so, starts a new interval). */
  boolean allow(String key) {
    long now = System.nanoTime();
    Long last = lastLogged.get(key);
    if (last != null && now - last < intervalNanos) {
      return false;
    }
    // Of several threads racing here, the one whose replace succeeds logs.
    return last == null
        ? lastLogged.putIfAbsent(key, now) == null
        : lastLogged.replace(key, last, now);
  }
}
