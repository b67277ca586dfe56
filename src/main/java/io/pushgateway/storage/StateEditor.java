package io.pushgateway.storage;

import io.pushgateway.model.GroupingKey;
import io.pushgateway.model.MetricType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Derives a new {@link StoreState} from a base state by replacing or removing groups, keeping the
 * merged families and the violation counts up to date for exactly the family names touched. Work is
 * proportional to the changed groups, never to the store.
 */
final class StateEditor {
  private final StoreState base;
  private PersistentSortedMap<GroupingKey, Group> groups;
  private PersistentSortedMap<String, MergedFamily> families;
  private int familyProblems;
  private long series;
  private final Set<String> touched = new LinkedHashSet<>();

  StateEditor(StoreState base) {
    this.base = base;
    this.groups = base.groupMap();
    this.families = base.familyMap();
    this.familyProblems = base.familyProblems();
    this.series = base.seriesCount();
  }

  @Nullable Group group(GroupingKey key) {
    return groups.get(key);
  }

  /**
   * Stores the group (replacing the group with the same key), updating the merged view for the
   * given family names, which must include every name whose family differs from the old group's.
   */
  void putGroup(Group neu, Iterable<String> changedNames) {
    GroupingKey key = neu.key();
    Group old = groups.get(key);
    for (String name : changedNames) {
      StoredFamily before = old == null ? null : old.family(name);
      StoredFamily after = neu.family(name);
      if (before != after) {
        replaceFamily(key, name, before, after);
      }
    }
    series += neu.seriesCount() - (old == null ? 0 : old.seriesCount());
    groups = groups.put(key, neu);
  }

  /** Removes the group if it exists. */
  void removeGroup(GroupingKey key) {
    Group old = groups.get(key);
    if (old == null) {
      return;
    }
    for (StoredFamily f : old.families()) {
      replaceFamily(key, f.name(), f, null);
    }
    series -= old.seriesCount();
    groups = groups.remove(key);
  }

  private void replaceFamily(
      GroupingKey key, String name, @Nullable StoredFamily old, @Nullable StoredFamily neu) {
    MergedFamily current = families.get(name);
    if (current == null) {
      current = MergedFamily.empty(name, base.own().get(name));
    } else {
      familyProblems -= current.problems();
    }
    MergedFamily updated = current.replace(key, old, neu);
    if (updated == null) {
      families = families.remove(name);
    } else {
      familyProblems += updated.problems();
      families = families.put(name, updated);
    }
    touched.add(name);
  }

  /** The state as edited so far, with suffix collisions recounted for the touched names. */
  StoreState commit() {
    StoreStateView before = StoreStateView.of(base);
    StoreStateView after = new StoreStateView(base.own(), families);
    List<String> retyped = new ArrayList<>();
    for (String name : touched) {
      MetricType t0 = SuffixCollisions.typeOf(before, name);
      MetricType t1 = SuffixCollisions.typeOf(after, name);
      if (!Objects.equals(t0, t1)) {
        retyped.add(name);
      }
    }
    int collisions = base.collisions();
    if (!retyped.isEmpty()) {
      collisions +=
          SuffixCollisions.pairsInvolving(after, retyped).size()
              - SuffixCollisions.pairsInvolving(before, retyped).size();
    }
    return new StoreState(
        base.version() + 1, base.own(), groups, families, familyProblems, collisions, series);
  }

  /** The names whose merged family this edit changed. */
  Set<String> touchedNames() {
    return touched;
  }
}
