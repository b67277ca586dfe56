package io.pushgateway.storage;

import io.pushgateway.model.Labels;
import io.pushgateway.model.Metric;
import io.pushgateway.model.MetricType;
import org.jspecify.annotations.Nullable;

/**
 * The per-series rules of Go's registry check that do not depend on other groups: label names
 * unique and valid, no explicit {@code quantile} label on a summary.
 */
final class MetricChecks {
  private static final int KIND_COUNT = MetricType.values().length;

  private MetricChecks() {}

  /** The reason this series is invalid wherever it is stored, or null if it is fine. */
  static @Nullable String labelProblem(Metric metric) {
    Labels labels = metric.labels();
    String previous = null;
    for (int i = 0; i < labels.size(); i++) {
      String name = labels.name(i);
      if (name.equals(previous)) {
        return "has two or more labels with the same name: " + name;
      }
      if (!isValidLabelName(name)) {
        return "has a label with an invalid name: " + name;
      }
      if (metric.summary() != null && name.equals("quantile")) {
        return "must not have an explicit \"quantile\" label";
      }
      previous = name;
    }
    return null;
  }

  /** Legacy label name rule ({@code [a-zA-Z_][a-zA-Z0-9_]*}) and no reserved {@code __} prefix. */
  static boolean isValidLabelName(String name) {
    if (name.isEmpty() || name.startsWith("__")) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || c == '_'
              || (i > 0 && c >= '0' && c <= '9');
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /**
   * A bit mask with bit {@code t.ordinal()} set for every type {@code t} whose value field at least
   * one of the metrics lacks.
   */
  static int lackingKinds(Iterable<Metric> metrics) {
    int lacking = 0;
    for (Metric m : metrics) {
      for (int k = 0; k < KIND_COUNT; k++) {
        if (!m.hasValueFor(MetricType.values()[k])) {
          lacking |= 1 << k;
        }
      }
    }
    return lacking;
  }
}
