package io.pushgateway.storage;

import io.pushgateway.model.GroupingKey;
import io.pushgateway.model.Metric;
import io.pushgateway.model.MetricFamily;
import io.pushgateway.model.MetricType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.BinaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * All pushed families of one name, merged across groups as a scrape shows them, kept up to date
 * incrementally: the groups that have the family (in grouping-key order), every series in
 * exposition order, and the counts the consistency check needs. Immutable; a write that touches the
 * name produces a new instance, so readers may cache anything derived from an instance.
 *
 * <p>Deterministic where Go is random: help, type and unit come from the first group in
 * grouping-key order (or from the gateway's own family of that name).
 */
public final class MergedFamily {
  /** One series as readers see it, with a slot for what a reader derives from it. */
  public interface Series {
    Metric metric();

    /** What a reader stored with {@link #setRenderCache}, or null. */
    @Nullable Object renderCache();

    /**
     * Keeps a value derived from this series' metric; readers may race, so the value must be an
     * immutable object whose fields are final.
     */
    void setRenderCache(Object value);
  }

  private static final int KIND_COUNT = MetricType.values().length;

  /** Replacing an entry in place: the new entry, with what readers derived if still valid. */
  private static final BinaryOperator<SeriesEntry> SWAP =
      (stored, given) -> given.inheriting(stored);

  private final String name;
  private final @Nullable OwnFamily own;
  private final PersistentSortedMap<GroupingKey, StoredFamily> byGroup;

  /** Every series in exposition order, unless {@link #sole} holds them. */
  private final @Nullable PersistentSortedMap<SeriesEntry, Metric> tree;

  /** The series of the only group, when it pushed them in exposition order; else null. */
  private final @Nullable SoleGroupSeries sole;

  /** Per type ordinal: how many groups' families have a series lacking that type's value. */
  private final int[] lackingGroups;

  private final int badMetrics;
  private final int duplicatePairs;

  private MergedFamily(
      String name,
      @Nullable OwnFamily own,
      PersistentSortedMap<GroupingKey, StoredFamily> byGroup,
      @Nullable PersistentSortedMap<SeriesEntry, Metric> tree,
      @Nullable SoleGroupSeries sole,
      int[] lackingGroups,
      int badMetrics,
      int duplicatePairs) {
    this.name = name;
    this.own = own;
    this.byGroup = byGroup;
    this.tree = tree;
    this.sole = sole;
    this.lackingGroups = lackingGroups;
    this.badMetrics = badMetrics;
    this.duplicatePairs = duplicatePairs;
  }

  static MergedFamily empty(String name, @Nullable OwnFamily own) {
    return new MergedFamily(
        name,
        own,
        PersistentSortedMap.empty(),
        PersistentSortedMap.empty(SeriesEntry.ORDER),
        null,
        new int[KIND_COUNT],
        0,
        0);
  }

  /**
   * The merged family of the given groups' families (groups in increasing grouping-key order),
   * built at once: the same as adding them one by one with {@link #replace}, in time linear in
   * their series plus one sort.
   */
  static MergedFamily of(
      String name, @Nullable OwnFamily own, List<GroupingKey> groups, List<StoredFamily> families) {
    int[] lacking = new int[KIND_COUNT];
    int bad = 0;
    int total = 0;
    for (StoredFamily f : families) {
      countLacking(lacking, f.lackingKinds(), +1);
      bad += f.badMetrics();
      total += f.family().metrics().size();
    }
    PersistentSortedMap<GroupingKey, StoredFamily> byGroup =
        PersistentSortedMap.fromSorted(Comparator.naturalOrder(), groups, families);
    SoleGroupSeries sole =
        groups.size() == 1
            ? SoleGroupSeries.ofOrdered(groups.get(0), families.get(0).family().metrics())
            : null;
    if (sole != null) {
      return new MergedFamily(name, own, byGroup, null, sole, lacking, bad, sole.duplicatePairs());
    }
    List<SeriesEntry> entries = new ArrayList<>(total);
    for (int g = 0; g < groups.size(); g++) {
      int i = 0;
      for (Metric m : families.get(g).family().metrics()) {
        entries.add(new SeriesEntry(m, groups.get(g), i++));
      }
    }
    if (!isSorted(entries)) {
      entries.sort(SeriesEntry.ORDER);
    }
    // Series with the same labels are adjacent; replace() counts k - 1 pairs for k of them.
    int dups = 0;
    List<Metric> metrics = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      if (i > 0 && entries.get(i).sameLabels(entries.get(i - 1))) {
        dups++;
      }
      metrics.add(entries.get(i).metric());
    }
    return new MergedFamily(
        name,
        own,
        byGroup,
        PersistentSortedMap.fromSorted(SeriesEntry.ORDER, entries, metrics),
        null,
        lacking,
        bad,
        dups);
  }

  /**
   * Whether the entries are in order already, as a single group's series usually are (client
   * libraries sort a family's series by label values). Checking costs a sort's best case, and a
   * sort the JIT never has to compile for these entries (a large compilation right when a big push
   * arrives).
   */
  private static boolean isSorted(List<SeriesEntry> entries) {
    for (int i = 1; i < entries.size(); i++) {
      if (SeriesEntry.ORDER.compare(entries.get(i - 1), entries.get(i)) > 0) {
        return false;
      }
    }
    return true;
  }

  public String name() {
    return name;
  }

  /** The family of the first group in grouping-key order. */
  private MetricFamily first() {
    PersistentSortedMap.Entry<GroupingKey, StoredFamily> e = byGroup.first();
    if (e == null) {
      throw new IllegalStateException("merged family without groups: " + name);
    }
    return e.value().family();
  }

  /** The help to expose: the gateway's own help for its own names, else the first group's. */
  public @Nullable String help() {
    return own != null ? own.help() : first().help();
  }

  /** The type as pushed by the first group, null if it was not set (a protobuf default). */
  public @Nullable MetricType type() {
    return own != null ? own.type() : first().type();
  }

  /** The type every series must match. */
  public MetricType effectiveType() {
    return own != null ? own.type() : first().effectiveType();
  }

  /** Whether the pushed help differs from the help of an own family that does not replace it. */
  boolean helpClashesWithOwn() {
    return own != null
        && !own.replacesPushedHelp()
        && !nullToEmpty(first().help()).equals(nullToEmpty(own.help()));
  }

  /** The help of the pushed families (first group), as Go compares it ("" when unset). */
  String pushedHelp() {
    return nullToEmpty(first().help());
  }

  private static String nullToEmpty(@Nullable String s) {
    return s == null ? "" : s;
  }

  /** The type of the pushed families (first group), ignoring any own family of the name. */
  MetricType pushedType() {
    return first().effectiveType();
  }

  public @Nullable String unit() {
    return first().unit();
  }

  /** Whether the gateway has its own family of this name. */
  public boolean isOwn() {
    return own != null;
  }

  /** Every series of every group, in exposition order. */
  public Iterable<Metric> metrics() {
    return sole != null ? sole.metrics() : tree().values();
  }

  public int metricCount() {
    return sole != null ? sole.size() : tree().size();
  }

  public int groupCount() {
    return byGroup.size();
  }

  /** The groups that have this family, in grouping-key order. */
  Iterable<PersistentSortedMap.Entry<GroupingKey, StoredFamily>> groups() {
    return byGroup;
  }

  /** Every series in exposition order, with its render slot. */
  @SuppressWarnings("unchecked") // SeriesEntry implements Series; the iterable is read-only
  public Iterable<Series> series() {
    return sole != null
        ? sole.series()
        : (Iterable<Series>) (Iterable<? extends Series>) tree().keys();
  }

  Iterable<SeriesEntry> entries() {
    return sole != null ? sole.entries() : tree().keys();
  }

  /** The series as a tree of entries: the one kept, or one made of the sole group's series. */
  private PersistentSortedMap<SeriesEntry, Metric> tree() {
    if (tree != null) {
      return tree;
    }
    List<SeriesEntry> entries = Objects.requireNonNull(sole).entries();
    return PersistentSortedMap.fromSorted(SeriesEntry.ORDER, entries, sole.metrics());
  }

  /**
   * How many consistency violations this name contributes: a type clash with the gateway's own
   * family, series lacking the family type's value, series breaking label rules, duplicates.
   */
  int problems() {
    if (own != null && (helpClashesWithOwn() || pushedType() != own.type())) {
      return 1;
    }
    MetricType type = effectiveType();
    int typeProblem =
        type != MetricType.GAUGE_HISTOGRAM && lackingGroups[type.ordinal()] > 0 ? 1 : 0;
    return typeProblem + badMetrics + duplicatePairs;
  }

  boolean hasDuplicates() {
    return duplicatePairs > 0;
  }

  /**
   * This merged family with one group's family replaced ({@code old} removed, {@code neu} added;
   * either may be null). Returns null when no group has the family any more.
   */
  @Nullable MergedFamily replace(
      GroupingKey group, @Nullable StoredFamily old, @Nullable StoredFamily neu) {
    if (byGroup.isEmpty() || (byGroup.size() == 1 && byGroup.containsKey(group))) {
      // This group alone has the name: sorting its series and building the trees at once is
      // much cheaper than a remove and an insert per series (a 100,000-series push).
      return neu == null ? null : of(name, own, List.of(group), List.of(neu));
    }
    PersistentSortedMap<GroupingKey, StoredFamily> groups = byGroup;
    PersistentSortedMap<SeriesEntry, Metric> entries = tree();
    int[] lacking = Arrays.copyOf(lackingGroups, KIND_COUNT);
    int bad = badMetrics;
    int dups = duplicatePairs;
    if (old != null && neu != null && sameLabelSets(old, neu)) {
      // The usual push: the same series again, with new values. Each series keeps its place in
      // the order (the order does not look at values), so do the duplicate pairs, and the entries
      // are swapped in place: no removal, no neighbour lookups.
      countLacking(lacking, old.lackingKinds(), -1);
      countLacking(lacking, neu.lackingKinds(), +1);
      bad += neu.badMetrics() - old.badMetrics();
      int i = 0;
      for (Metric m : neu.family().metrics()) {
        entries = entries.put(new SeriesEntry(m, group, i++), m, SWAP);
      }
      return new MergedFamily(
          name, own, groups.put(group, neu), entries, null, lacking, bad, duplicatePairs);
    }
    if (old != null) {
      groups = groups.remove(group);
      countLacking(lacking, old.lackingKinds(), -1);
      bad -= old.badMetrics();
      int i = 0;
      for (Metric m : old.family().metrics()) {
        SeriesEntry e = new SeriesEntry(m, group, i++);
        entries = entries.remove(e);
        dups -= hasTwin(entries, e) ? 1 : 0;
      }
    }
    if (neu != null) {
      groups = groups.put(group, neu);
      countLacking(lacking, neu.lackingKinds(), +1);
      bad += neu.badMetrics();
      int i = 0;
      for (Metric m : neu.family().metrics()) {
        SeriesEntry e = new SeriesEntry(m, group, i++);
        dups += hasTwin(entries, e) ? 1 : 0;
        entries = entries.put(e, m);
      }
    }
    if (groups.isEmpty()) {
      return null;
    }
    return new MergedFamily(name, own, groups, entries, null, lacking, bad, dups);
  }

  /** Whether both families have series with the same labels, in the same order. */
  private static boolean sameLabelSets(StoredFamily a, StoredFamily b) {
    List<Metric> x = a.family().metrics();
    List<Metric> y = b.family().metrics();
    if (x.size() != y.size()) {
      return false;
    }
    for (int i = 0; i < x.size(); i++) {
      if (!x.get(i).labels().equals(y.get(i).labels())) {
        return false;
      }
    }
    return true;
  }

  /** Whether the entries hold another series with the same labels as {@code e} (a neighbour). */
  private static boolean hasTwin(PersistentSortedMap<SeriesEntry, Metric> entries, SeriesEntry e) {
    PersistentSortedMap.Entry<SeriesEntry, Metric> lower = entries.lower(e);
    if (lower != null && lower.key().sameLabels(e)) {
      return true;
    }
    PersistentSortedMap.Entry<SeriesEntry, Metric> higher = entries.higher(e);
    return higher != null && higher.key().sameLabels(e);
  }

  private static void countLacking(int[] lacking, int mask, int delta) {
    for (int k = 0; k < KIND_COUNT; k++) {
      if ((mask & (1 << k)) != 0) {
        lacking[k] += delta;
      }
    }
  }
}
