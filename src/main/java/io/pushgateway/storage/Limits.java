package io.pushgateway.storage;

import io.pushgateway.gocompat.GoQuote;
import io.pushgateway.model.GroupingKey;
import io.pushgateway.model.Labels;
import org.jspecify.annotations.Nullable;

/**
 * The store-wide limits a push must respect, checked by the {@link StateMachine} on the state a
 * push would produce. Each check reads counters the state keeps anyway (groups, series, the group's
 * series), so it costs the same whatever the size of the store.
 *
 * <p>A push that only replaces data without growing the store is never refused by {@code maxGroups}
 * or {@code maxSeries}, so a store that is over a limit (restored from a file written under higher
 * limits) can still be updated and shrink.
 *
 * @param maxSeriesPerGroup most series a group may hold after a push, not counting the two push
 *     time gauges the gateway adds
 * @param maxGroups most groups in the store
 * @param maxSeries most series in the store, the push time gauges included (as {@link
 *     StoreState#seriesCount()})
 */
public record Limits(long maxSeriesPerGroup, long maxGroups, long maxSeries) {
  /** No limits at all. */
  public static final Limits NONE = new Limits(Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE);

  /** The flag, and the refusal counter's label value, of {@link #maxSeriesPerGroup}. */
  public static final String SERIES_PER_GROUP = "store.max-series-per-group";

  /** The flag of {@link #maxGroups}. */
  public static final String GROUPS = "store.max-groups";

  /** The flag of {@link #maxSeries}. */
  public static final String SERIES = "store.max-series";

  public Limits {
    if (maxSeriesPerGroup < 1 || maxGroups < 1 || maxSeries < 1) {
      throw new IllegalArgumentException("limits must be at least 1");
    }
  }

  /**
   * Why the push that turned {@code before} into {@code after} must be refused, or null if it may
   * be stored.
   */
  @Nullable Refusal check(StoreState before, StoreState after, GroupingKey key) {
    Group group = after.group(key);
    long groupSeries = group == null ? 0 : pushedSeries(group);
    if (groupSeries > maxSeriesPerGroup) {
      return new Refusal(
          SERIES_PER_GROUP,
          false,
          "push refused: group "
              + describe(key)
              + " would hold "
              + groupSeries
              + " series, limit --"
              + SERIES_PER_GROUP
              + "="
              + maxSeriesPerGroup);
    }
    if (after.groupCount() > maxGroups && after.groupCount() > before.groupCount()) {
      return new Refusal(
          GROUPS,
          true,
          "push refused: the store holds "
              + before.groupCount()
              + " groups and this push would add group "
              + describe(key)
              + ", limit --"
              + GROUPS
              + "="
              + maxGroups);
    }
    if (after.seriesCount() > maxSeries && after.seriesCount() > before.seriesCount()) {
      return new Refusal(
          SERIES,
          true,
          "push refused: the store holds "
              + before.seriesCount()
              + " series and would hold "
              + after.seriesCount()
              + " after this push, limit --"
              + SERIES
              + "="
              + maxSeries);
    }
    return null;
  }

  /**
   * Whether Go's bookkeeping for a rejected push (which creates the group, with its two time
   * gauges, if it does not exist) may run without growing the store beyond these limits.
   */
  boolean allowsFailureBookkeeping(StoreState state, GroupingKey key) {
    return state.group(key) != null
        || (state.groupCount() < maxGroups && state.seriesCount() + 2 <= maxSeries);
  }

  private static long pushedSeries(Group group) {
    return group.seriesCount()
        - seriesOf(group, PushRules.PUSH_TIME_SECONDS)
        - seriesOf(group, PushRules.PUSH_FAILURE_TIME_SECONDS);
  }

  private static int seriesOf(Group group, String name) {
    StoredFamily f = group.family(name);
    return f == null ? 0 : f.family().metrics().size();
  }

  /** A grouping key as {@code {job="a",instance="b"}}, values quoted as Go quotes them. */
  static String describe(GroupingKey key) {
    Labels labels = key.labels();
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < labels.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(labels.name(i)).append('=').append(GoQuote.quote(labels.value(i)));
    }
    return sb.append('}').toString();
  }

  /**
   * A push refused for a limit.
   *
   * @param limit the limit's flag name without dashes, e.g. {@code store.max-groups}
   * @param storeFull true when the store as a whole is full (the push may succeed once other groups
   *     are deleted), false when the push itself is too large for its group
   * @param message what was refused and why, naming the limit and its value
   */
  public record Refusal(String limit, boolean storeFull, String message) {}
}
