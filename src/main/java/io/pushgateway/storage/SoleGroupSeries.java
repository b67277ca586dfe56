package io.pushgateway.storage;

import io.pushgateway.model.GroupingKey;
import io.pushgateway.model.Metric;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;

/**
 * The series of a merged family that one group alone has, when that group pushed them in exposition
 * order already (client libraries sort a family's series): the pushed list itself, in place of a
 * tree of {@link SeriesEntry}s, with an array of render slots beside it. A push of 100,000 series
 * of its own names so keeps one object per series fewer, and builds no tree.
 *
 * <p>Immutable but for the slots, which readers write without synchronisation (holders must be
 * immutable objects whose fields are final, as for {@link SeriesEntry}).
 */
final class SoleGroupSeries {
  private final GroupingKey group;
  private final List<Metric> metrics;
  private final @Nullable Object[] slots;

  private SoleGroupSeries(GroupingKey group, List<Metric> metrics) {
    this.group = group;
    this.metrics = metrics;
    this.slots = new Object[metrics.size()];
  }

  /** The group's series as they are, or null if they are not in exposition order. */
  static @Nullable SoleGroupSeries ofOrdered(GroupingKey group, List<Metric> metrics) {
    for (int i = 1; i < metrics.size(); i++) {
      // Equal labels are in order too: the tie-break is the position in the group's family.
      if (SeriesEntry.compareLabels(metrics.get(i - 1), metrics.get(i)) > 0) {
        return null;
      }
    }
    return new SoleGroupSeries(group, metrics);
  }

  List<Metric> metrics() {
    return metrics;
  }

  int size() {
    return metrics.size();
  }

  /** Pairs of neighbours with the same labels, as {@link MergedFamily} counts duplicates. */
  int duplicatePairs() {
    int pairs = 0;
    for (int i = 1; i < metrics.size(); i++) {
      if (metrics.get(i - 1).labels().equals(metrics.get(i).labels())) {
        pairs++;
      }
    }
    return pairs;
  }

  /** The entries a tree of this family's series would hold, with what readers derived so far. */
  List<SeriesEntry> entries() {
    List<SeriesEntry> entries = new ArrayList<>(metrics.size());
    for (int i = 0; i < metrics.size(); i++) {
      entries.add(new SeriesEntry(metrics.get(i), group, i, slots[i]));
    }
    return entries;
  }

  /** Every series with its render slot, in order. */
  Iterable<MergedFamily.Series> series() {
    return () ->
        new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < metrics.size();
          }

          @Override
          public MergedFamily.Series next() {
            if (next >= metrics.size()) {
              throw new NoSuchElementException();
            }
            return new Slot(next++);
          }
        };
  }

  /** One series of this family and its slot. */
  private final class Slot implements MergedFamily.Series {
    private final int index;

    Slot(int index) {
      this.index = index;
    }

    @Override
    public Metric metric() {
      return metrics.get(index);
    }

    @Override
    public @Nullable Object renderCache() {
      return slots[index];
    }

    @Override
    public void setRenderCache(Object value) {
      slots[index] = value;
    }
  }
}
