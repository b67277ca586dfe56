package io.pushgateway.storage;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of one write request: accepted; rejected with Go's error text (the client's fault, a
 * 400); refused for a limit (then {@code refusal} says which, and {@code error} is its message); or
 * not done because the store could not make it durable (the server's fault, a 503).
 */
public record WriteResult(
    @Nullable String error, boolean unavailable, Limits.@Nullable Refusal refusal) {
  private static final WriteResult ACCEPTED = new WriteResult(null, false, null);

  public WriteResult(@Nullable String error, boolean unavailable) {
    this(error, unavailable, null);
  }

  public static WriteResult accepted() {
    return ACCEPTED;
  }

  /** Refused for the client's reasons (Go's consistency or timestamp errors). */
  public static WriteResult rejected(String error) {
    return new WriteResult(error, false);
  }

  /** Refused for a limit; the store is unchanged. */
  public static WriteResult refused(Limits.Refusal refusal) {
    return new WriteResult(refusal.message(), false, refusal);
  }

  /** Not applied because the store cannot take writes now (e.g. its log cannot be written). */
  public static WriteResult unavailable(String error) {
    return new WriteResult(error, true);
  }

  public boolean isAccepted() {
    return error == null;
  }
}
