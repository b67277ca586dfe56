package io.pushgateway.storage;

import io.pushgateway.model.GroupingKey;
import io.pushgateway.model.Metric;
import io.pushgateway.model.SimpleValue;
import io.pushgateway.model.Utf8Order;
import org.jspecify.annotations.Nullable;

/** One group: its grouping key and its stored families by name. Immutable. */
public final class Group {
  private final GroupingKey key;
  private final PersistentSortedMap<String, StoredFamily> families;
  private final int seriesCount;

  private Group(GroupingKey key, PersistentSortedMap<String, StoredFamily> families, int series) {
    this.key = key;
    this.families = families;
    this.seriesCount = series;
  }

  static Group empty(GroupingKey key) {
    return new Group(key, PersistentSortedMap.empty(Utf8Order.COMPARATOR), 0);
  }

  /** This group with the family stored under its name (replacing one of the same name). */
  Group with(StoredFamily family) {
    StoredFamily old = families.get(family.name());
    int series = seriesCount - count(old) + count(family);
    return new Group(key, families.put(family.name(), family), series);
  }

  /** This group without the named family. */
  Group without(String name) {
    StoredFamily old = families.get(name);
    return old == null ? this : new Group(key, families.remove(name), seriesCount - count(old));
  }

  private static int count(@Nullable StoredFamily f) {
    return f == null ? 0 : f.family().metrics().size();
  }

  public GroupingKey key() {
    return key;
  }

  /** Families in name order. */
  public Iterable<StoredFamily> families() {
    return families.values();
  }

  /** Family names in order. */
  Iterable<String> familyNames() {
    return families.keys();
  }

  public int familyCount() {
    return families.size();
  }

  /** The number of series over all families, including the two push time gauges. */
  public int seriesCount() {
    return seriesCount;
  }

  public @Nullable StoredFamily family(String name) {
    return families.get(name);
  }

  /** The value of {@code push_time_seconds}, or NaN when the group has none. */
  public double pushTimeSeconds() {
    return firstGaugeValue(PushRules.PUSH_TIME_SECONDS);
  }

  /** The value of {@code push_failure_time_seconds}, or NaN when the group has none. */
  public double pushFailureTimeSeconds() {
    return firstGaugeValue(PushRules.PUSH_FAILURE_TIME_SECONDS);
  }

  /**
   * Whether the last push succeeded (Go's rule, used by the API and the UI): yes when either time
   * gauge is missing, otherwise when the failure time is not greater than the push time (so a NaN
   * on either side counts as failed, as in Go).
   */
  public boolean lastPushSuccessful() {
    if (families.get(PushRules.PUSH_FAILURE_TIME_SECONDS) == null
        || families.get(PushRules.PUSH_TIME_SECONDS) == null) {
      return true;
    }
    return pushFailureTimeSeconds() <= pushTimeSeconds();
  }

  private double firstGaugeValue(String name) {
    StoredFamily f = families.get(name);
    if (f == null) {
      return Double.NaN;
    }
    if (f.family().metrics().isEmpty()) {
      return 0;
    }
    Metric m = f.family().metrics().get(0);
    SimpleValue gauge = m.gauge();
    return gauge == null ? 0 : gauge.value();
  }
}
