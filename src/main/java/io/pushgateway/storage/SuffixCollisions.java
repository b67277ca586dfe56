package io.pushgateway.storage;

import io.pushgateway.model.MetricType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Go's name collisions between a summary or histogram {@code x} and another family {@code x_count},
 * {@code x_sum} (or {@code x_bucket} for histograms). Whether a state has any does not depend on
 * gather order, so the store counts colliding pairs and updates the count for the names a write
 * touches.
 */
final class SuffixCollisions {
  private static final String[] SUFFIXES = {"_count", "_sum", "_bucket"};

  private SuffixCollisions() {}

  /** A colliding pair of names. */
  record Pair(String base, String suffixed) {}

  /** The type a name has in the state: own type first, else the merged pushed type; or null. */
  static @Nullable MetricType typeOf(StoreStateView s, String name) {
    OwnFamily own = s.own(name);
    if (own != null) {
      return own.type();
    }
    MergedFamily f = s.family(name);
    return f == null ? null : f.effectiveType();
  }

  /** Every colliding pair that involves one of the names and at least one pushed family. */
  static Set<Pair> pairsInvolving(StoreStateView s, Collection<String> names) {
    Set<Pair> pairs = new LinkedHashSet<>();
    for (String n : names) {
      for (String suffix : SUFFIXES) {
        addIfColliding(s, n, n + suffix, suffix, pairs);
        if (n.endsWith(suffix)) {
          addIfColliding(s, n.substring(0, n.length() - suffix.length()), n, suffix, pairs);
        }
      }
    }
    return pairs;
  }

  private static void addIfColliding(
      StoreStateView s, String base, String suffixed, String suffix, Set<Pair> out) {
    MetricType baseType = typeOf(s, base);
    boolean collides =
        baseType == MetricType.HISTOGRAM
            || (baseType == MetricType.SUMMARY && !suffix.equals("_bucket"));
    if (!collides || typeOf(s, suffixed) == null) {
      return;
    }
    if (s.family(base) == null && s.family(suffixed) == null) {
      return; // both are the gateway's own families
    }
    out.add(new Pair(base, suffixed));
  }

  /**
   * Go's error text for a pair, as reported when families are gathered own first, then pushed in
   * name order.
   */
  static String message(StoreStateView s, Pair p) {
    boolean suffixedFirst = s.own(p.suffixed()) != null && s.own(p.base()) == null;
    MetricType baseType = typeOf(s, p.base());
    if (!suffixedFirst) {
      return "collected metric named \""
          + p.suffixed()
          + "\" collides with previously collected "
          + (baseType == MetricType.SUMMARY ? "summary" : "histogram")
          + " named \""
          + p.base()
          + "\"";
    }
    String what = p.suffixed().endsWith("_bucket") ? "histogram" : "histogram or summary";
    return "collected "
        + what
        + " named \""
        + p.base()
        + "\" collides with previously collected metric named \""
        + p.suffixed()
        + "\"";
  }

  /** Messages for every pair involving the names. */
  static List<String> messages(StoreStateView s, Collection<String> names) {
    List<String> out = new ArrayList<>();
    for (Pair p : pairsInvolving(s, names)) {
      out.add(message(s, p));
    }
    return out;
  }
}
