package io.pushgateway.storage;

import io.pushgateway.model.GroupingKey;
import io.pushgateway.model.Utf8Order;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a state from whole groups given in grouping-key order, as restoring a snapshot needs: the
 * same state as restoring the groups one at a time with {@link WriteRequest.Restore} into an empty
 * state, but built at once, in time linear in their series plus one sort per family name (spread
 * over the processors), instead of a persistent-map update per series. Not thread-safe.
 */
public final class StateLoader {
  private final List<GroupingKey> keys = new ArrayList<>();
  private final List<Group> groups = new ArrayList<>();
  private final Map<String, Members> families = new HashMap<>();

  /** The groups having a family name, in key order, and their families of that name. */
  private record Members(List<GroupingKey> keys, List<StoredFamily> families) {
    Members() {
      this(new ArrayList<>(), new ArrayList<>());
    }
  }

  /**
   * Adds a group with these families (as a {@link WriteRequest.Restore} sets it; no families: no
   * group).
   *
   * @throws IllegalArgumentException unless the key comes after every key added before
   */
  public void add(GroupingKey key, List<StoredFamily> storedFamilies) {
    if (!keys.isEmpty() && keys.get(keys.size() - 1).compareTo(key) >= 0) {
      throw new IllegalArgumentException(
          "group " + key + " out of order after " + keys.get(keys.size() - 1));
    }
    if (storedFamilies.isEmpty()) {
      return;
    }
    Group group = Group.empty(key);
    for (StoredFamily f : storedFamilies) {
      group = group.with(f);
    }
    keys.add(key);
    groups.add(group);
    for (StoredFamily f : group.families()) {
      Members members = families.computeIfAbsent(f.name(), n -> new Members());
      members.keys().add(key);
      members.families().add(f);
    }
  }

  /** The number of groups added so far. */
  public int groupCount() {
    return groups.size();
  }

  /**
   * The state holding every group added so far, on top of {@code empty}.
   *
   * @throws IllegalArgumentException if {@code empty} has groups
   */
  public StoreState build(StoreState empty) {
    if (empty.groupCount() != 0) {
      throw new IllegalArgumentException("a state can only be loaded into an empty state");
    }
    List<String> names = new ArrayList<>(families.keySet());
    names.sort(Utf8Order.COMPARATOR);
    List<MergedFamily> merged =
        names.parallelStream()
            .map(
                name -> {
                  Members m = families.getOrDefault(name, new Members());
                  return MergedFamily.of(name, empty.own().get(name), m.keys(), m.families());
                })
            .toList();
    int problems = 0;
    for (MergedFamily f : merged) {
      problems += f.problems();
    }
    PersistentSortedMap<String, MergedFamily> familyMap =
        PersistentSortedMap.fromSorted(Utf8Order.COMPARATOR, names, merged);
    int collisions =
        SuffixCollisions.pairsInvolving(new StoreStateView(empty.own(), familyMap), names).size();
    long series = 0;
    for (Group g : groups) {
      series += g.seriesCount();
    }
    return new StoreState(
        empty.version() + 1,
        empty.own(),
        PersistentSortedMap.fromSorted(Comparator.<GroupingKey>naturalOrder(), keys, groups),
        familyMap,
        problems,
        collisions,
        series);
  }
}
