package io.pushgateway.selfmetrics;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.pushgateway.model.Metric;
import io.pushgateway.model.MetricFamily;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/** What a scrape shows of a registry's families, values aside: name, type, help, label sets. */
final class OwnFamilyShapes {
  private OwnFamilyShapes() {}

  /** The families {@code registration} puts into a fresh registry, keyed by name. */
  static Map<String, String> of(Consumer<PrometheusRegistry> registration) {
    PrometheusRegistry registry = new PrometheusRegistry();
    registration.accept(registry);
    Map<String, String> shapes = new TreeMap<>();
    for (MetricSnapshot snapshot : registry.scrape()) {
      MetricFamily family = SnapshotConverter.convert(snapshot);
      if (family != null) {
        List<String> labels = new ArrayList<>();
        for (Metric m : family.metrics()) {
          labels.add(m.labels().toString());
        }
        shapes.put(family.name(), family.type() + " " + family.help() + " " + labels);
      }
    }
    return shapes;
  }
}
