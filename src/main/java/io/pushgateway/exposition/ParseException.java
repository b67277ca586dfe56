package io.pushgateway.exposition;

/**
 * A push body that cannot be parsed. The message is the complete text for the 400 response, in the
 * Go Pushgateway's wording (for example {@code text format parsing error in line 3: ...}).
 */
public final class ParseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ParseException(String message) {
    super(message);
  }
}
