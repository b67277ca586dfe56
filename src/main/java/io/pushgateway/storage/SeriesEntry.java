package io.pushgateway.storage;

import io.pushgateway.model.GroupingKey;
import io.pushgateway.model.Labels;
import io.pushgateway.model.Metric;
import io.pushgateway.model.Utf8Order;
import java.util.Comparator;
import org.jspecify.annotations.Nullable;

/**
 * One series of a merged family: the metric, the group it belongs to and its position in that
 * group's family. Ordered as the exposition orders series, with ties (identical label values)
 * broken by label names, group and position, so identical label sets are adjacent.
 *
 * <p>An entry lives as long as its group's family is not pushed again, across many store versions,
 * so it also carries a slot where a reader may keep something derived from the metric (a scrape
 * keeps the rendered lines).
 */
final class SeriesEntry implements MergedFamily.Series {
  private final Metric metric;
  private final GroupingKey group;
  private final int ordinal;

  /** Written by readers without synchronisation: holders must be immutable (final fields). */
  private @Nullable Object renderCache;

  SeriesEntry(Metric metric, GroupingKey group, int ordinal) {
    this(metric, group, ordinal, null);
  }

  /** An entry with what a reader derived from the metric already. */
  SeriesEntry(Metric metric, GroupingKey group, int ordinal, @Nullable Object renderCache) {
    this.metric = metric;
    this.group = group;
    this.ordinal = ordinal;
    this.renderCache = renderCache;
  }

  @Override
  public Metric metric() {
    return metric;
  }

  GroupingKey group() {
    return group;
  }

  int ordinal() {
    return ordinal;
  }

  @Override
  public @Nullable Object renderCache() {
    return renderCache;
  }

  @Override
  public void setRenderCache(Object value) {
    renderCache = value;
  }

  /**
   * This entry, taking over what a reader derived from {@code previous} (the entry it replaces at
   * the same place) when both series are exposed identically: a push that sends a series again
   * unchanged keeps its rendered lines.
   */
  SeriesEntry inheriting(SeriesEntry previous) {
    Object derived = previous.renderCache;
    if (derived != null && previous.metric.sameAs(metric)) {
      renderCache = derived;
    }
    return this;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof SeriesEntry e
        && e.metric == metric
        && e.group.equals(group)
        && e.ordinal == ordinal;
  }

  @Override
  public int hashCode() {
    return (System.identityHashCode(metric) * 31 + group.hashCode()) * 31 + ordinal;
  }

  static final Comparator<SeriesEntry> ORDER =
      (a, b) -> {
        int c = compareLabels(a.metric, b.metric);
        if (c != 0) {
          return c;
        }
        c = a.group.compareTo(b.group);
        return c != 0 ? c : Integer.compare(a.ordinal, b.ordinal);
      };

  /** The order of {@link #ORDER} as far as the series' labels decide it (values, then names). */
  static int compareLabels(Metric a, Metric b) {
    Labels la = a.labels();
    Labels lb = b.labels();
    int c = Labels.compareForExposition(la, lb);
    return c != 0 ? c : compareNames(la, lb);
  }

  private static int compareNames(Labels a, Labels b) {
    for (int i = 0; i < a.size(); i++) {
      int c = Utf8Order.compare(a.name(i), b.name(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  /** Whether both series have the same label set, i.e. are duplicates of each other. */
  boolean sameLabels(SeriesEntry other) {
    return metric.labels().equals(other.metric.labels());
  }
}
