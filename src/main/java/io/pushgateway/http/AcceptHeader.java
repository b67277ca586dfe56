package io.pushgateway.http;

import io.pushgateway.gocompat.GoFloatParser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An {@code Accept} header split the way goautoneg (vendored in prometheus/common's expfmt) does
 * it: no lower-casing, no quoted strings, {@code q} parsed as a Go float32 (0 when malformed), and
 * the entries sorted by Go's {@code sort.Sort} with goautoneg's comparison.
 */
final class AcceptHeader {
  private AcceptHeader() {}

  /** One media range with its q-value and parameters (names and values as written). */
  record Entry(String type, String subtype, double q, Map<String, String> params) {
    @Nullable String param(String name) {
      return params.get(name);
    }
  }

  /** The entries, best first. */
  static List<Entry> parse(String header) {
    List<Entry> entries = new ArrayList<>();
    for (String part : header.split(",", -1)) {
      Entry entry = parseEntry(trimSpaces(part));
      if (entry != null) {
        entries.add(entry);
      }
    }
    sort(entries);
    return entries;
  }

  private static @Nullable Entry parseEntry(String part) {
    String[] mediaRangeAndParams = part.split(";", -1);
    String[] typeAndSubtype = mediaRangeAndParams[0].split("/", -1);
    String type = trimSpaces(typeAndSubtype[0]);
    String subtype;
    if (typeAndSubtype.length == 1 && type.equals("*")) {
      subtype = "*";
    } else if (typeAndSubtype.length == 2) {
      subtype = trimSpaces(typeAndSubtype[1]);
    } else {
      return null;
    }
    double q = 1.0;
    Map<String, String> params = new HashMap<>();
    for (int i = 1; i < mediaRangeAndParams.length; i++) {
      String param = mediaRangeAndParams[i];
      int eq = param.indexOf('=');
      if (eq < 0) {
        continue;
      }
      String token = trimSpaces(param.substring(0, eq));
      if (token.equals("q")) {
        q = GoFloatParser.parseFloat32(param.substring(eq + 1));
      } else {
        params.put(token, trimSpaces(param.substring(eq + 1)));
      }
    }
    return new Entry(type, subtype, q, params);
  }

  /**
   * Go's sort.Sort on up to 12 elements is an insertion sort; goautoneg's comparison is not a
   * strict order, so the algorithm decides the result and is reproduced. Longer headers are sorted
   * the same way (Go would switch to pdqsort, which can order such inconsistent entries
   * differently).
   */
  private static void sort(List<Entry> entries) {
    for (int i = 1; i < entries.size(); i++) {
      for (int j = i; j > 0 && less(entries.get(j), entries.get(j - 1)); j--) {
        Entry tmp = entries.get(j);
        entries.set(j, entries.get(j - 1));
        entries.set(j - 1, tmp);
      }
    }
  }

  private static boolean less(Entry a, Entry b) {
    if (a.q() > b.q()) {
      return true;
    }
    if (!a.type().equals("*") && b.type().equals("*")) {
      return true;
    }
    return !a.subtype().equals("*") && b.subtype().equals("*");
  }

  /** Go's {@code strings.Trim(s, " ")}: spaces only, not tabs. */
  private static String trimSpaces(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && s.charAt(start) == ' ') {
      start++;
    }
    while (end > start && s.charAt(end - 1) == ' ') {
      end--;
    }
    return s.substring(start, end);
  }
}
