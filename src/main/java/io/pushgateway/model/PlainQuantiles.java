package io.pushgateway.model;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * An immutable list of summary quantiles that all have both fields present (what the text format
 * and most clients push), held as two arrays instead of one {@link Quantile} object per quantile.
 * The quantiles are made when read.
 */
final class PlainQuantiles extends AbstractList<Quantile> implements RandomAccess {
  private final double[] quantiles;
  private final double[] values;

  private PlainQuantiles(double[] quantiles, double[] values) {
    this.quantiles = quantiles;
    this.values = values;
  }

  /** The quantiles as an immutable list, compact when every quantile is plain. */
  static List<Quantile> of(List<Quantile> list) {
    int n = list.size();
    if (n == 0) {
      return List.of();
    }
    double[] quantiles = new double[n];
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      Quantile q = list.get(i);
      if (!q.hasQuantile() || !q.hasValue()) {
        return List.copyOf(list);
      }
      quantiles[i] = q.quantile();
      values[i] = q.value();
    }
    return new PlainQuantiles(quantiles, values);
  }

  @Override
  public Quantile get(int index) {
    return Quantile.of(quantiles[index], values[index]);
  }

  @Override
  public int size() {
    return values.length;
  }
}
