package io.pushgateway.storage;

import io.pushgateway.model.GroupingKey;
import io.pushgateway.model.Labels;
import io.pushgateway.model.Metric;
import io.pushgateway.model.MetricFamily;
import io.pushgateway.model.MetricType;
import io.pushgateway.model.Summary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small builders for store tests. */
final class StoreFixtures {
  static final Instant T1 = Instant.parse("2026-01-01T00:00:01Z");
  static final Instant T2 = Instant.parse("2026-01-01T00:00:02Z");
  static final Instant T3 = Instant.parse("2026-01-01T00:00:03Z");

  private StoreFixtures() {}

  static GroupingKey key(String... namesAndValues) {
    return GroupingKey.of(namesAndValues);
  }

  static MetricFamily family(String name, MetricType type, Metric... metrics) {
    return MetricFamily.of(name, null, type, List.of(metrics));
  }

  static MetricFamily untyped(String name, double value, String... labels) {
    return family(name, MetricType.UNTYPED, Metric.untyped(Labels.of(labels), value));
  }

  static MetricFamily gauge(String name, double value, String... labels) {
    return family(name, MetricType.GAUGE, Metric.gauge(Labels.of(labels), value));
  }

  static MetricFamily counter(String name, double value, String... labels) {
    return family(name, MetricType.COUNTER, Metric.counter(Labels.of(labels), value));
  }

  static MetricFamily summary(String name, String... labels) {
    Summary s = new Summary(1, true, 2, true, List.of(), null);
    return family(name, MetricType.SUMMARY, Metric.summary(Labels.of(labels), s));
  }

  static WriteRequest.Push put(GroupingKey key, Instant t, MetricFamily... families) {
    return PushRules.prepare(key, List.of(families), true, t);
  }

  static WriteRequest.Push post(GroupingKey key, Instant t, MetricFamily... families) {
    return PushRules.prepare(key, List.of(families), false, t);
  }

  static StoreState empty() {
    return StoreState.empty(Map.of());
  }

  /** The series of a merged family as label strings with values, in exposition order. */
  static List<String> series(StoreState s, String family) {
    List<String> out = new ArrayList<>();
    MergedFamily f = s.family(family);
    if (f == null) {
      return out;
    }
    for (Metric m : f.metrics()) {
      out.add(m.labels() + " " + valueOf(m));
    }
    return out;
  }

  static double valueOf(Metric m) {
    if (m.gauge() != null) {
      return m.gauge().value();
    }
    if (m.untyped() != null) {
      return m.untyped().value();
    }
    if (m.counter() != null) {
      return m.counter().value();
    }
    return Double.NaN;
  }
}
