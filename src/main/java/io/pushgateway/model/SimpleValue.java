package io.pushgateway.model;

/**
 * The value of a gauge or untyped metric (client_model's {@code Gauge} and {@code Untyped}): one
 * optional double. {@code hasValue} is false when a protobuf push left the field out.
 */
public record SimpleValue(double value, boolean hasValue) {
  private static final SimpleValue ZERO = new SimpleValue(0, true);

  /** A present value. */
  public static SimpleValue of(double value) {
    return value == 0 && Double.doubleToRawLongBits(value) == 0
        ? ZERO
        : new SimpleValue(value, true);
  }

  /** A message without its value field. */
  public static SimpleValue absent() {
    return new SimpleValue(0, false);
  }

  @Override
  public boolean equals(@org.jspecify.annotations.Nullable Object o) {
    return o instanceof SimpleValue v
        && Double.doubleToRawLongBits(value) == Double.doubleToRawLongBits(v.value)
        && hasValue == v.hasValue;
  }

  @Override
  public int hashCode() {
    return Double.hashCode(value) * 2 + (hasValue ? 1 : 0);
  }
}
