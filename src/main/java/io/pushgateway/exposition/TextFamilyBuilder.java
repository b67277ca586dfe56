package io.pushgateway.exposition;

import io.pushgateway.model.Labels;
import io.pushgateway.model.Metric;
import io.pushgateway.model.MetricFamily;
import io.pushgateway.model.MetricType;
import io.pushgateway.model.SeriesLabeler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One metric family while a push body is parsed: help, type and its series in order of first
 * appearance. Summary and histogram lines are folded per label set (without {@code quantile} /
 * {@code le}).
 */
final class TextFamilyBuilder {
  final String name;
  @Nullable String help;
  @Nullable MetricType type;

  /** Each entry is a finished {@link Metric} or a summary/histogram builder. */
  private final List<Object> series = new ArrayList<>();

  private @Nullable Map<Labels, Object> foldedByLabels;
  private @Nullable Labels lastFoldedLabels;
  private @Nullable Object lastFolded;

  TextFamilyBuilder(String name) {
    this.name = name;
  }

  boolean isEmpty() {
    return series.isEmpty();
  }

  /** The number of series so far (summaries and histograms count once per label set). */
  int seriesCount() {
    return series.size();
  }

  void add(Metric metric) {
    series.add(metric);
  }

  /** The summary series with these labels (alternating names and values), created if new. */
  TextSummaryBuilder summary(String[] pairs, int length) {
    return (TextSummaryBuilder) folded(pairs, length, true);
  }

  /** The histogram series with these labels (alternating names and values), created if new. */
  TextHistogramBuilder histogram(String[] pairs, int length) {
    return (TextHistogramBuilder) folded(pairs, length, false);
  }

  private Object folded(String[] pairs, int length, boolean summary) {
    // Consecutive lines usually belong to the same series: avoid building a key for them.
    Object last = lastFolded;
    if (last != null && lastFoldedLabels != null && sameLabels(lastFoldedLabels, pairs, length)) {
      return last;
    }
    Labels labels = Labels.ofOwned(Arrays.copyOf(pairs, length));
    Map<Labels, Object> byLabels = foldedByLabels;
    if (byLabels == null) {
      byLabels = new HashMap<>();
      foldedByLabels = byLabels;
    }
    Object builder = byLabels.get(labels);
    if (builder == null) {
      builder = summary ? new TextSummaryBuilder(labels) : new TextHistogramBuilder(labels);
      byLabels.put(labels, builder);
      series.add(builder);
    }
    lastFolded = builder;
    lastFoldedLabels = labels;
    return builder;
  }

  /** Whether the pairs, in their given order, are exactly these (sorted) labels. */
  private static boolean sameLabels(Labels labels, String[] pairs, int length) {
    if (labels.size() * 2 != length) {
      return false;
    }
    for (int i = 0; i < labels.size(); i++) {
      if (!labels.name(i).equals(pairs[2 * i]) || !labels.value(i).equals(pairs[2 * i + 1])) {
        return false;
      }
    }
    return true;
  }

  /**
   * The family; summaries and histograms get their labels from {@code labeler} now (the other
   * series got theirs as they were read).
   */
  MetricFamily build(SeriesLabeler labeler) {
    List<Metric> metrics = new ArrayList<>(series.size());
    for (Object s : series) {
      if (s instanceof Metric m) {
        metrics.add(m);
      } else {
        Metric folded =
            s instanceof TextSummaryBuilder b ? b.build() : ((TextHistogramBuilder) s).build();
        metrics.add(folded.withLabels(labeler.relabel(folded.labels())));
      }
    }
    return new MetricFamily(name, help, type, null, metrics);
  }
}
