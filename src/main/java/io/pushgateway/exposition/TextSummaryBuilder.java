package io.pushgateway.exposition;

import io.pushgateway.gocompat.GoConversions;
import io.pushgateway.model.Labels;
import io.pushgateway.model.Metric;
import io.pushgateway.model.Quantile;
import io.pushgateway.model.Summary;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Collects the lines of one summary series (one label set without {@code quantile}). */
final class TextSummaryBuilder {
  private final Labels labels;
  private final List<Quantile> quantiles = new ArrayList<>(8);
  private long count;
  private boolean hasCount;
  private double sum;
  private boolean hasSum;
  private @Nullable Long timestampMs;

  TextSummaryBuilder(Labels labels) {
    this.labels = labels;
  }

  /** A {@code _count} line: stored as Go's {@code uint64(value)}. */
  void count(double value) {
    count = GoConversions.toUint64(value);
    hasCount = true;
  }

  void sum(double value) {
    sum = value;
    hasSum = true;
  }

  void quantile(double quantile, double value) {
    quantiles.add(Quantile.of(quantile, value));
  }

  void timestampMs(long ts) {
    timestampMs = ts;
  }

  Metric build() {
    Summary summary = new Summary(count, hasCount, sum, hasSum, quantiles, null);
    return new Metric(labels, null, null, summary, null, null, timestampMs);
  }
}
