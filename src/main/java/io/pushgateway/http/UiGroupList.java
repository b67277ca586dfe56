package io.pushgateway.http;

import io.pushgateway.model.GroupingKey;
import io.pushgateway.model.Labels;
import io.pushgateway.storage.Group;
import io.pushgateway.storage.StoreState;
import io.pushgateway.storage.StoredFamily;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The UI's group list ({@code view=groups}): one page of the groups that match a filter, in the
 * chosen order, with the figures the page's header shows. Filtering and sorting run over the whole
 * store snapshot here, so the browser only ever holds the rows it shows.
 */
final class UiGroupList {
  /** The most rows one request returns. */
  static final int MAX_LIMIT = 1000;

  /** The orders the page offers. */
  enum Sort {
    /** Grouping-key order, as the Go UI lists groups. */
    KEY,
    /** Least recently pushed first (never successfully pushed before everything). */
    OLDEST,
    /** Most recently pushed first. */
    NEWEST,
    /** Most series first. */
    SERIES;

    static Sort parse(String s) {
      return switch (s) {
        case "oldest", "age" -> OLDEST;
        case "newest" -> NEWEST;
        case "series" -> SERIES;
        default -> KEY;
      };
    }
  }

  /**
   * One request.
   *
   * @param terms lower-case filter words; a group matches when each occurs in one of its grouping
   *     labels (as {@code name="value"} or {@code name=value}) or family names
   * @param staleSeconds a group not pushed successfully for longer is stale; 0 for never
   * @param problemsOnly keep only failed or stale groups
   */
  record Request(
      List<String> terms,
      Sort sort,
      long staleSeconds,
      boolean problemsOnly,
      int offset,
      int limit) {

    static Request from(UiQuery q) {
      String filter = q.get("filter", "").strip().toLowerCase(Locale.ROOT);
      List<String> terms = filter.isEmpty() ? List.of() : List.of(filter.split("\\s+"));
      return new Request(
          terms,
          Sort.parse(q.get("sort", "key")),
          q.intValue("stale", 0, 0, Integer.MAX_VALUE),
          q.get("problems", "").equals("1") || q.get("problems", "").equals("true"),
          q.intValue("offset", 0, 0, Integer.MAX_VALUE),
          q.intValue("limit", 100, 1, MAX_LIMIT));
    }
  }

  private UiGroupList() {}

  /** A group with what sorting and the row need, computed once per request. */
  private record Row(Group group, double pushed, boolean stale) {}

  static String render(StoreState state, Request request, Instant now) {
    double nowSeconds = now.toEpochMilli() / 1000.0;
    List<Row> matched = new ArrayList<>();
    int failed = 0;
    int stale = 0;
    for (Group g : state.groups()) {
      double pushed = g.pushTimeSeconds();
      boolean isFailed = !g.lastPushSuccessful();
      boolean isStale =
          request.staleSeconds() > 0
              && (!(pushed > 0) || nowSeconds - pushed > request.staleSeconds());
      failed += isFailed ? 1 : 0;
      stale += isStale ? 1 : 0;
      if ((!request.problemsOnly() || isFailed || isStale) && matches(g, request.terms())) {
        matched.add(new Row(g, pushed > 0 ? pushed : Double.NEGATIVE_INFINITY, isStale));
      }
    }
    Comparator<Row> order = comparator(request.sort());
    if (order != null) {
      matched.sort(order);
    }
    GoJson json = new GoJson(256 + Math.min(matched.size(), request.limit()) * 256);
    json.beginObject()
        .key("now")
        .raw(Long.toString(now.toEpochMilli()))
        .key("total")
        .raw(Integer.toString(state.groupCount()))
        .key("series")
        .raw(Long.toString(state.seriesCount()))
        .key("failed")
        .raw(Integer.toString(failed))
        .key("stale")
        .raw(Integer.toString(stale))
        .key("matched")
        .raw(Integer.toString(matched.size()))
        .key("offset")
        .raw(Integer.toString(request.offset()))
        .key("groups")
        .beginArray();
    int end = (int) Math.min(matched.size(), (long) request.offset() + request.limit());
    for (int i = request.offset(); i < end; i++) {
      Row r = matched.get(i);
      row(json, r.group(), r.stale());
    }
    return json.endArray().endObject().toString();
  }

  private static boolean matches(Group g, List<String> terms) {
    for (String term : terms) {
      if (!matchesLabel(g.key().labels(), term) && !matchesFamily(g, term)) {
        return false;
      }
    }
    return true;
  }

  private static boolean matchesLabel(Labels labels, String term) {
    boolean quoted = term.indexOf('"') >= 0;
    for (int i = 0; i < labels.size(); i++) {
      String name = labels.name(i).toLowerCase(Locale.ROOT);
      String value = labels.value(i).toLowerCase(Locale.ROOT);
      String pair = quoted ? name + "=\"" + value + "\"" : name + "=" + value;
      if (pair.contains(term)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matchesFamily(Group g, String term) {
    for (StoredFamily f : g.families()) {
      if (f.name().toLowerCase(Locale.ROOT).contains(term)) {
        return true;
      }
    }
    return false;
  }

  /** Null for key order, which is the snapshot's own. Ties fall back to key order. */
  private static @Nullable Comparator<Row> comparator(Sort sort) {
    Comparator<Row> byKey = Comparator.comparing(r -> r.group().key());
    return switch (sort) {
      case KEY -> null;
      case OLDEST -> Comparator.comparingDouble(Row::pushed).thenComparing(byKey);
      case NEWEST -> Comparator.comparingDouble(Row::pushed).reversed().thenComparing(byKey);
      case SERIES ->
          Comparator.<Row>comparingInt(r -> r.group().seriesCount())
              .reversed()
              .thenComparing(byKey);
    };
  }

  private static void row(GoJson json, Group g, boolean stale) {
    GroupingKey key = g.key();
    json.beginObject().key("id").value(UiGroupIds.id(key)).key("labels");
    labelPairs(json, key.labels(), UiGroupIds.displayOrder(key.labels()));
    json.key("pushed").raw(millis(g.pushTimeSeconds()));
    json.key("failedAt").raw(millis(g.pushFailureTimeSeconds()));
    json.key("ok").value(g.lastPushSuccessful()).key("stale").value(stale);
    json.key("series").raw(Integer.toString(g.seriesCount()));
    json.key("families").raw(Integer.toString(g.familyCount()));
    json.key("del").value(UiGroupIds.deletePath(key));
    json.endObject();
  }

  /** Labels as {@code [[name,value],...]} in the given index order. */
  static void labelPairs(GoJson json, Labels labels, int[] order) {
    json.beginArray();
    for (int i : order) {
      json.beginArray().value(labels.name(i)).value(labels.value(i)).endArray();
    }
    json.endArray();
  }

  /** Unix seconds as a JSON number of milliseconds, or null for "never" (0, NaN, infinite). */
  static String millis(double seconds) {
    if (!(seconds > 0) || Double.isInfinite(seconds)) {
      return "null";
    }
    return Long.toString(Math.round(seconds * 1000));
  }
}
