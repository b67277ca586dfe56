package io.pushgateway.storage;

import io.pushgateway.model.GroupingKey;
import io.pushgateway.model.Utf8Order;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An immutable snapshot of the store: groups in grouping-key order, the merged view of every family
 * name, and the number of consistency violations. Readers hold it as long as they like; the writer
 * never changes it.
 */
public final class StoreState {
  private final long version;
  private final Map<String, OwnFamily> own;
  private final PersistentSortedMap<GroupingKey, Group> groups;
  private final PersistentSortedMap<String, MergedFamily> families;
  private final int familyProblems;
  private final int collisions;
  private final long seriesCount;

  StoreState(
      long version,
      Map<String, OwnFamily> own,
      PersistentSortedMap<GroupingKey, Group> groups,
      PersistentSortedMap<String, MergedFamily> families,
      int familyProblems,
      int collisions,
      long seriesCount) {
    this.version = version;
    this.own = own;
    this.groups = groups;
    this.families = families;
    this.familyProblems = familyProblems;
    this.collisions = collisions;
    this.seriesCount = seriesCount;
  }

  /** The empty store knowing the gateway's own families. */
  public static StoreState empty(Map<String, OwnFamily> ownFamilies) {
    return new StoreState(
        0,
        Map.copyOf(ownFamilies),
        PersistentSortedMap.empty(),
        PersistentSortedMap.empty(Utf8Order.COMPARATOR),
        0,
        0,
        0);
  }

  /** Increases with every write that changed the state; equal versions mean equal content. */
  public long version() {
    return version;
  }

  /** Groups in grouping-key order. */
  public Iterable<Group> groups() {
    return groups.values();
  }

  public int groupCount() {
    return groups.size();
  }

  public @Nullable Group group(GroupingKey key) {
    return groups.get(key);
  }

  /** Every pushed family name, merged across groups, in name order (byte-wise). */
  public Iterable<MergedFamily> families() {
    return families.values();
  }

  /** The number of pushed family names. */
  public int familyCount() {
    return families.size();
  }

  public @Nullable MergedFamily family(String name) {
    return families.get(name);
  }

  /** The total number of stored series, including the push time gauges. */
  public long seriesCount() {
    return seriesCount;
  }

  /** Whether the merged state could be gathered without error (Go's consistency criterion). */
  public boolean isConsistent() {
    return familyProblems + collisions == 0;
  }

  /** The number of consistency violations (for tests and diagnostics). */
  int problemCount() {
    return familyProblems + collisions;
  }

  Map<String, OwnFamily> own() {
    return own;
  }

  PersistentSortedMap<GroupingKey, Group> groupMap() {
    return groups;
  }

  PersistentSortedMap<String, MergedFamily> familyMap() {
    return families;
  }

  int familyProblems() {
    return familyProblems;
  }

  int collisions() {
    return collisions;
  }

  /**
   * Explains every consistency violation in Go's wording (for a scrape of an inconsistent state,
   * which only unchecked pushes can produce). Costs a pass over the problematic families.
   */
  public String describeProblems() {
    return Problems.describeAll(this);
  }
}
