package io.pushgateway.storage;

import io.pushgateway.model.LabelNames;
import io.pushgateway.model.Labels;
import io.pushgateway.model.Metric;
import io.pushgateway.model.MetricType;
import org.jspecify.annotations.Nullable;

/**
 * The per-series rules of Go's registry check that do not depend on other groups: label names
 * unique and valid, no explicit {@code quantile} label on a summary.
 */
final class MetricChecks {
  /** Every type, by ordinal ({@code values()} would copy the array on every call). */
  private static final MetricType[] TYPES = MetricType.values();

  private MetricChecks() {}

  /**
   * The label names a family's series were found valid with, by identity: the series of a family
   * share their label name strings, so each is checked once instead of once per series.
   */
  static final class ValidNames {
    private final String[] names = new String[8];
    private int next;

    boolean isValid(String name) {
      for (String known : names) {
        if (known == name) {
          return true;
        }
      }
      if (!LabelNames.isValid(name)) {
        return false;
      }
      names[next] = name;
      next = (next + 1) % names.length;
      return true;
    }
  }

  /** The reason this series is invalid wherever it is stored, or null if it is fine. */
  static @Nullable String labelProblem(Metric metric) {
    return labelProblem(metric, new ValidNames());
  }

  /** {@link #labelProblem(Metric)}, remembering names found valid in {@code valid}. */
  static @Nullable String labelProblem(Metric metric, ValidNames valid) {
    Labels labels = metric.labels();
    String previous = null;
    for (int i = 0; i < labels.size(); i++) {
      String name = labels.name(i);
      if (name.equals(previous)) {
        return "has two or more labels with the same name: " + name;
      }
      if (!valid.isValid(name)) {
        return "has a label with an invalid name: " + name;
      }
      if (metric.summary() != null && name.equals("quantile")) {
        return "must not have an explicit \"quantile\" label";
      }
      previous = name;
    }
    return null;
  }

  /**
   * A bit mask with bit {@code t.ordinal()} set for every type {@code t} whose value field at least
   * one of the metrics lacks.
   */
  static int lackingKinds(Iterable<Metric> metrics) {
    int lacking = 0;
    for (Metric m : metrics) {
      for (int k = 0; k < TYPES.length; k++) {
        if (!m.hasValueFor(TYPES[k])) {
          lacking |= 1 << k;
        }
      }
    }
    return lacking;
  }
}
