package io.pushgateway.http;

/**
 * A request the gateway answers with {@code 400 Bad Request}. The message is the complete response
 * body without the trailing newline that Go's {@code http.Error} appends.
 */
public final class BadRequestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BadRequestException(String message) {
    super(message);
  }
}
