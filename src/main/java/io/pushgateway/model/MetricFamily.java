package io.pushgateway.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A metric family as pushed or stored (client_model's {@code MetricFamily}). {@code help} and
 * {@code type} are null when the push did not set them: no HELP line is written for a family
 * without help, and a family without type is a counter (the protobuf default).
 */
public record MetricFamily(
    String name,
    @Nullable String help,
    @Nullable MetricType type,
    @Nullable String unit,
    List<Metric> metrics) {

  public MetricFamily {
    metrics = List.copyOf(metrics);
  }

  /** A family with name, help, type and metrics. */
  public static MetricFamily of(
      String name, @Nullable String help, MetricType type, List<Metric> metrics) {
    return new MetricFamily(name, help, type, null, metrics);
  }

  /** The type, or {@link MetricType#COUNTER} when none was set. */
  public MetricType effectiveType() {
    return type == null ? MetricType.COUNTER : type;
  }

  /** The same family with other metrics. */
  public MetricFamily withMetrics(List<Metric> newMetrics) {
    return new MetricFamily(name, help, type, unit, newMetrics);
  }

  /** The same family with another help text. */
  public MetricFamily withHelp(@Nullable String newHelp) {
    return new MetricFamily(name, newHelp, type, unit, metrics);
  }
}
