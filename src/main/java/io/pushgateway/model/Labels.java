package io.pushgateway.model;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An immutable list of label pairs, sorted by name (UTF-8 byte order, stable, so that duplicate
 * names stay adjacent and in their original order). Duplicates are kept: detecting them is the
 * consistency check's job, not this class's.
 */
public final class Labels {
  /** No labels. */
  public static final Labels EMPTY = new Labels(new String[0]);

  /**
   * The order of series within a family in the exposition (Go's metric sorter): fewer labels first,
   * then label values compared position by position; label names are not compared.
   */
  public static final Comparator<Labels> EXPOSITION_ORDER = Labels::compareForExposition;

  /** Alternating names and values: name0, value0, name1, value1, ... */
  private final String[] pairs;

  private Labels(String[] pairs) {
    this.pairs = pairs;
  }

  /** Labels from alternating names and values, in any order. */
  public static Labels of(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("odd number of names and values");
    }
    return sortedCopyOf(namesAndValues.clone());
  }

  /** Labels from a map (iteration order irrelevant). */
  public static Labels of(Map<String, String> map) {
    String[] pairs = new String[map.size() * 2];
    int i = 0;
    for (Map.Entry<String, String> e : map.entrySet()) {
      pairs[i++] = e.getKey();
      pairs[i++] = e.getValue();
    }
    return sortedCopyOf(pairs);
  }

  /**
   * Labels from alternating names and values that the caller hands over and never touches again (no
   * defensive copy is made).
   */
  public static Labels ofOwned(String[] namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("odd number of names and values");
    }
    return sortedCopyOf(namesAndValues);
  }

  private static Labels sortedCopyOf(String[] pairs) {
    if (pairs.length == 0) {
      return EMPTY;
    }
    if (!isSorted(pairs)) {
      sortPairs(pairs);
    }
    return new Labels(pairs);
  }

  private static boolean isSorted(String[] pairs) {
    for (int i = 2; i < pairs.length; i += 2) {
      if (Utf8Order.compare(pairs[i - 2], pairs[i]) > 0) {
        return false;
      }
    }
    return true;
  }

  /** Label sets up to this many pairs are insertion-sorted; larger ones merge-sorted. */
  private static final int INSERTION_SORT_PAIRS = 16;

  /**
   * Stable sort by name: insertion sort for the usual small label sets, a merge sort (through the
   * JDK's stable object sort) for large ones, where insertion sort would be quadratic in a pushed
   * label count.
   */
  private static void sortPairs(String[] pairs) {
    int count = pairs.length / 2;
    if (count > INSERTION_SORT_PAIRS) {
      Integer[] order = new Integer[count];
      for (int i = 0; i < count; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (a, b) -> Utf8Order.compare(pairs[2 * a], pairs[2 * b]));
      String[] copy = pairs.clone();
      for (int i = 0; i < count; i++) {
        pairs[2 * i] = copy[2 * order[i]];
        pairs[2 * i + 1] = copy[2 * order[i] + 1];
      }
      return;
    }
    for (int i = 2; i < pairs.length; i += 2) {
      String name = pairs[i];
      String value = pairs[i + 1];
      int j = i - 2;
      while (j >= 0 && Utf8Order.compare(pairs[j], name) > 0) {
        pairs[j + 2] = pairs[j];
        pairs[j + 3] = pairs[j + 1];
        j -= 2;
      }
      pairs[j + 2] = name;
      pairs[j + 3] = value;
    }
  }

  /** The number of label pairs. */
  public int size() {
    return pairs.length / 2;
  }

  /** Whether there are no labels. */
  public boolean isEmpty() {
    return pairs.length == 0;
  }

  /** The name of the i-th pair in sorted order. */
  public String name(int i) {
    return pairs[2 * i];
  }

  /** The value of the i-th pair in sorted order. */
  public String value(int i) {
    return pairs[2 * i + 1];
  }

  /** The value of the first pair with this name, or null. */
  public @Nullable String get(String name) {
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i].equals(name)) {
        return pairs[i + 1];
      }
    }
    return null;
  }

  /** Whether a pair with this name exists. */
  public boolean contains(String name) {
    return get(name) != null;
  }

  /** The first name that occurs more than once, or null. */
  public @Nullable String firstDuplicateName() {
    for (int i = 2; i < pairs.length; i += 2) {
      if (pairs[i].equals(pairs[i - 2])) {
        return pairs[i];
      }
    }
    return null;
  }

  /**
   * These labels with every pair of {@code overrides} set (replacing all pairs of the same name)
   * and, if no pair named {@code defaultName} exists afterwards, that name with an empty value.
   * This is the Pushgateway's sanitisation of pushed series. {@code overrides} must not repeat a
   * name (grouping keys never do).
   */
  public Labels withOverridesAndDefault(Labels overrides, String defaultName) {
    if (hasOverridesAndDefault(overrides, defaultName)) {
      return this;
    }
    return ofWithOverridesAndDefault(pairs, pairs.length, overrides, defaultName);
  }

  /**
   * The labels of the first {@code length} entries of {@code pairs} (alternating names and values,
   * in any order; not modified) sanitised as {@link #withOverridesAndDefault} does, made with a
   * single array: a parser's pair buffer becomes a series' final labels at once (a push of 100,000
   * series makes 100,000 arrays, not 300,000).
   */
  public static Labels ofWithOverridesAndDefault(
      String[] pairs, int length, Labels overrides, String defaultName) {
    if (length % 2 != 0) {
      throw new IllegalArgumentException("odd number of names and values");
    }
    String[] o = overrides.pairs;
    int kept = 0;
    boolean addDefault = overrides.get(defaultName) == null;
    for (int i = 0; i < length; i += 2) {
      kept += overrides.get(pairs[i]) == null ? 2 : 0;
      addDefault &= !pairs[i].equals(defaultName);
    }
    String[] out = new String[kept + o.length + (addDefault ? 2 : 0)];
    int n = 0;
    for (int i = 0; i < length; i += 2) {
      if (overrides.get(pairs[i]) == null) {
        out[n++] = pairs[i];
        out[n++] = pairs[i + 1];
      }
    }
    System.arraycopy(o, 0, out, n, o.length);
    if (addDefault) {
      out[out.length - 2] = defaultName;
      out[out.length - 1] = "";
    }
    // The pushed pairs kept are in their order, and the others' names occur nowhere else: a
    // stable sort gives what sorting the pushed pairs first and merging would.
    return sortedCopyOf(out);
  }

  /**
   * Whether {@link #withOverridesAndDefault} would give these very labels: each override is here
   * once with its value, the default name is here, and no name repeats.
   */
  private boolean hasOverridesAndDefault(Labels overrides, String defaultName) {
    String[] o = overrides.pairs;
    for (int j = 0; j < o.length; j += 2) {
      if (!o[j + 1].equals(get(o[j]))) {
        return false;
      }
    }
    return get(defaultName) != null && firstDuplicateName() == null;
  }

  /** Compares in the exposition's series order (see {@link #EXPOSITION_ORDER}). */
  public static int compareForExposition(Labels a, Labels b) {
    if (a.pairs.length != b.pairs.length) {
      return Integer.compare(a.pairs.length, b.pairs.length);
    }
    for (int i = 1; i < a.pairs.length; i += 2) {
      int c = Utf8Order.compare(a.pairs[i], b.pairs[i]);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Labels other && Arrays.equals(pairs, other.pairs);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(pairs);
  }

  /** Renders like {@code {a="1",b="2"}} (values not escaped; for messages and debugging). */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < pairs.length; i += 2) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(pairs[i]).append("=\"").append(pairs[i + 1]).append('"');
    }
    return sb.append('}').toString();
  }
}
