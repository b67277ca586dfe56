package io.pushgateway.exposition;

/**
 * A push body over one of its {@link ParseLimits}; answered with {@code 413}. The message is the
 * complete text for the answer: what was sent and the limit's flag and value.
 */
public final class PushLimitException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ParseLimits.Limit limit;

  PushLimitException(ParseLimits.Limit limit, String message) {
    super(message);
    this.limit = limit;
  }

  /** The limit that was exceeded. */
  public ParseLimits.Limit limit() {
    return limit;
  }
}
