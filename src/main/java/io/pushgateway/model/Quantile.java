package io.pushgateway.model;

/** One quantile of a summary; the flags say which protobuf fields were present. */
public record Quantile(double quantile, boolean hasQuantile, double value, boolean hasValue) {

  /** A quantile with both fields present. */
  public static Quantile of(double quantile, double value) {
    return new Quantile(quantile, true, value, true);
  }
}
