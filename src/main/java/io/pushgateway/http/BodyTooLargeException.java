package io.pushgateway.http;

/**
 * A request body (as sent, or after decompression) larger than the configured limit; answered with
 * {@code 413 Request Entity Too Large}. Go has no such limit: this guards against gzip bombs. The
 * message names the limit and is meant as the response body.
 */
public final class BodyTooLargeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final long limitBytes;

  BodyTooLargeException(String message, long limitBytes) {
    super(message);
    this.limitBytes = limitBytes;
  }

  /** The limit that was exceeded, in bytes. */
  public long limitBytes() {
    return limitBytes;
  }
}
