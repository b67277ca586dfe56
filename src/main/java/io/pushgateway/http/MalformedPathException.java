package io.pushgateway.http;

/**
 * A request target that Go's net/http rejects before any handler runs (a malformed {@code %} escape
 * or a control character). Go answers {@code 400 Bad Request} with the body {@link #RESPONSE_BODY}
 * (no trailing newline), {@code Content-Type: text/plain; charset=utf-8} and {@code Connection:
 * close}. The message is Go's url error, for logging only.
 */
public final class MalformedPathException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The exact body Go sends. */
  public static final String RESPONSE_BODY = "400 Bad Request";

  MalformedPathException(String message) {
    super(message);
  }
}
