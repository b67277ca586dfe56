package io.pushgateway.storage;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The lookups the consistency rules need, over a committed or an in-progress state. */
record StoreStateView(
    Map<String, OwnFamily> ownFamilies, PersistentSortedMap<String, MergedFamily> families) {

  static StoreStateView of(StoreState s) {
    return new StoreStateView(s.own(), s.familyMap());
  }

  @Nullable OwnFamily own(String name) {
    return ownFamilies.get(name);
  }

  @Nullable MergedFamily family(String name) {
    return families.get(name);
  }
}
