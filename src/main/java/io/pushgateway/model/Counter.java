package io.pushgateway.model;

import org.jspecify.annotations.Nullable;

/** A counter value as in client_model's {@code Counter} message. */
public record Counter(
    double value,
    boolean hasValue,
    @Nullable Exemplar exemplar,
    @Nullable Timestamp createdTimestamp) {

  /** A counter with just a value. */
  public static Counter of(double value) {
    return new Counter(value, true, null, null);
  }
}
