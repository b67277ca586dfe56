package io.pushgateway.model;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/** An exemplar as in client_model: labels in the order given, an optional value and time. */
public final class Exemplar {
  private final String[] labelPairs;
  private final double value;
  private final boolean hasValue;
  private final @Nullable Timestamp timestamp;

  /**
   * Creates an exemplar.
   *
   * @param labelPairs alternating label names and values, in the order pushed
   */
  public Exemplar(
      String[] labelPairs, double value, boolean hasValue, @Nullable Timestamp timestamp) {
    if (labelPairs.length % 2 != 0) {
      throw new IllegalArgumentException("odd number of names and values");
    }
    this.labelPairs = labelPairs.clone();
    this.value = value;
    this.hasValue = hasValue;
    this.timestamp = timestamp;
  }

  public int labelCount() {
    return labelPairs.length / 2;
  }

  public String labelName(int i) {
    return labelPairs[2 * i];
  }

  public String labelValue(int i) {
    return labelPairs[2 * i + 1];
  }

  public double value() {
    return value;
  }

  public boolean hasValue() {
    return hasValue;
  }

  public @Nullable Timestamp timestamp() {
    return timestamp;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Exemplar e
        && Arrays.equals(labelPairs, e.labelPairs)
        && Double.compare(value, e.value) == 0
        && hasValue == e.hasValue
        && java.util.Objects.equals(timestamp, e.timestamp);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(labelPairs) * 31 + Double.hashCode(value);
  }
}
