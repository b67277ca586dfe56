package io.pushgateway.http;

import java.time.Duration;

/**
 * Limits of the JDK HTTP server against slow and abusive clients, applied through the system
 * properties of {@code jdk.httpserver} (read once per JVM, when its first server is created, so
 * they must be {@linkplain #apply() applied} before that and are the same for every server of the
 * process). Verified in the JDK 25 sources ({@code sun.net.httpserver.ServerConfig}, {@code
 * ServerImpl}, {@code Request}); see README, "Limits".
 *
 * @param maxConnections open connections at most ({@code jdk.httpserver.maxConnections}); a new
 *     connection beyond it is closed at once. {@link Long#MAX_VALUE}: no limit
 * @param maxIdleConnections idle keep-alive connections kept at most ({@code
 *     sun.net.httpserver.maxIdleConnections}); 0 closes every connection after its answer
 * @param maxRequestHeaderBytes the request line, and the header section, each at most ({@code
 *     sun.net.httpserver.maxReqHeaderSize}; names plus values plus 32 per line); a request over it
 *     is dropped. {@link Long#MAX_VALUE}: no limit
 * @param readTimeout time from a request's first byte until its body has been read ({@code
 *     sun.net.httpserver.maxReqTime}, whole seconds, rounded up); also how long a new connection
 *     may stay silent. Zero: no limit
 * @param writeTimeout time from the end of the request to the end of the answer ({@code
 *     sun.net.httpserver.maxRspTime}, whole seconds). Zero: no limit
 * @param idleTimeout how long an idle connection is kept ({@code sun.net.httpserver.idleInterval},
 *     whole seconds, at least one)
 */
public record ServerLimits(
    long maxConnections,
    long maxIdleConnections,
    long maxRequestHeaderBytes,
    Duration readTimeout,
    Duration writeTimeout,
    Duration idleTimeout) {

  /** The JDK's own defaults: no connection limit, no timeouts, 200 idle connections, 384 KiB. */
  public static final ServerLimits JDK_DEFAULTS =
      new ServerLimits(
          Long.MAX_VALUE, 200, 384 * 1024, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(30));

  /**
   * How much of a request body the JDK server reads and discards after the answer when the handler
   * did not read it all (a push refused from its Content-Length, say) before it keeps the
   * connection for the next request; beyond it the connection is closed. The JDK's 64 KiB closes
   * connections in mid-upload of bodies a little larger, and a client still sending then gets a
   * connection reset instead of the answer; 1 MiB lets ordinary clients read why their push was
   * refused.
   */
  static final long DRAIN_BYTES = 1 << 20;

  /** Sets the JDK server's system properties; takes effect only before its first server. */
  public void apply() {
    set("sun.net.httpserver.drainAmount", DRAIN_BYTES);
    set("jdk.httpserver.maxConnections", maxConnections == Long.MAX_VALUE ? -1 : maxConnections);
    set("sun.net.httpserver.maxIdleConnections", maxIdleConnections);
    set(
        "sun.net.httpserver.maxReqHeaderSize",
        maxRequestHeaderBytes == Long.MAX_VALUE ? 0 : maxRequestHeaderBytes);
    set("sun.net.httpserver.maxReqTime", seconds(readTimeout, -1));
    set("sun.net.httpserver.maxRspTime", seconds(writeTimeout, -1));
    set("sun.net.httpserver.idleInterval", Math.max(1, seconds(idleTimeout, 1)));
  }

  private static void set(String property, long value) {
    System.setProperty(property, Long.toString(Math.min(value, Integer.MAX_VALUE)));
  }

  /** Whole seconds, rounded up; {@code zero} for a zero duration. */
  private static long seconds(Duration d, long zero) {
    if (d.isZero() || d.isNegative()) {
      return zero;
    }
    return d.plusNanos(999_999_999).getSeconds();
  }
}
