package io.pushgateway.storage;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of one write request: accepted; rejected with Go's error text (the client's fault, a
 * 400); or not done because the store could not make it durable (the server's fault, a 503).
 */
public record WriteResult(@Nullable String error, boolean unavailable) {
  private static final WriteResult ACCEPTED = new WriteResult(null, false);

  public static WriteResult accepted() {
    return ACCEPTED;
  }

  /** Refused for the client's reasons (Go's consistency or timestamp errors). */
  public static WriteResult rejected(String error) {
    return new WriteResult(error, false);
  }

  /** Not applied because the store cannot take writes now (e.g. its log cannot be written). */
  public static WriteResult unavailable(String error) {
    return new WriteResult(error, true);
  }

  public boolean isAccepted() {
    return error == null;
  }
}
