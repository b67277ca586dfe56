package io.pushgateway.model;

import org.jspecify.annotations.Nullable;

/** The type of a metric family; ordinals and numbers match client_model's {@code MetricType}. */
public enum MetricType {
  COUNTER,
  GAUGE,
  SUMMARY,
  UNTYPED,
  HISTOGRAM,
  GAUGE_HISTOGRAM;

  private static final MetricType[] BY_NUMBER = values();

  /** The protobuf enum number. */
  public int number() {
    return ordinal();
  }

  /** The type with this protobuf enum number, or null if there is none. */
  public static @Nullable MetricType forNumber(int number) {
    return number >= 0 && number < BY_NUMBER.length ? BY_NUMBER[number] : null;
  }

  /** The lower-case name used in the text exposition's TYPE line. */
  public String textName() {
    return switch (this) {
      case COUNTER -> "counter";
      case GAUGE -> "gauge";
      case SUMMARY -> "summary";
      case UNTYPED -> "untyped";
      // The text format 0.0.4 has no gauge histogram; Go renders it as a histogram.
      case HISTOGRAM, GAUGE_HISTOGRAM -> "histogram";
    };
  }
}
