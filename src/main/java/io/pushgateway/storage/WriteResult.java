package io.pushgateway.storage;

import org.jspecify.annotations.Nullable;

/** The outcome of one write request: accepted, or rejected with Go's error text. */
public record WriteResult(@Nullable String error) {
  private static final WriteResult ACCEPTED = new WriteResult(null);

  public static WriteResult accepted() {
    return ACCEPTED;
  }

  public static WriteResult rejected(String error) {
    return new WriteResult(error);
  }

  public boolean isAccepted() {
    return error == null;
  }
}
