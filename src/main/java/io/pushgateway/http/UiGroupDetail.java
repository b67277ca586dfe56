package io.pushgateway.http;

import io.pushgateway.gocompat.GoFloatFormat;
import io.pushgateway.model.Bucket;
import io.pushgateway.model.Counter;
import io.pushgateway.model.GroupingKey;
import io.pushgateway.model.Histogram;
import io.pushgateway.model.Labels;
import io.pushgateway.model.Metric;
import io.pushgateway.model.MetricFamily;
import io.pushgateway.model.MetricType;
import io.pushgateway.model.Quantile;
import io.pushgateway.model.SimpleValue;
import io.pushgateway.model.Summary;
import io.pushgateway.storage.Group;
import io.pushgateway.storage.StoreState;
import io.pushgateway.storage.StoredFamily;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One group's families for the UI ({@code view=group}): name, type, help, last push and a slice of
 * the series with their labels and values, formatted as the Go UI formats them (values with Go's
 * {@code 'f'} layout, quantiles with {@code %v}, native histogram bounds with {@code %g}).
 */
final class UiGroupDetail {
  /** Series per family in the first answer for a group. */
  static final int DEFAULT_SERIES = 50;

  /** The most series of one family one request returns. */
  static final int MAX_SERIES = 2000;

  /**
   * One request.
   *
   * @param id the group's id ({@link UiGroupIds#id})
   * @param family only this family (to page through its series), or null for every family
   */
  record Request(String id, @Nullable String family, int offset, int limit) {
    static Request from(UiQuery q) {
      String family = q.get("family", "");
      return new Request(
          q.get("id", ""),
          family.isEmpty() ? null : family,
          q.intValue("offset", 0, 0, Integer.MAX_VALUE),
          q.intValue("limit", DEFAULT_SERIES, 1, MAX_SERIES));
    }
  }

  private UiGroupDetail() {}

  static String render(StoreState state, Request request, ZoneId zone) {
    GroupingKey key = UiGroupIds.parse(request.id());
    Group group = key == null ? null : state.group(key);
    GoJson json = new GoJson(4096);
    json.beginObject().key("found").value(group != null);
    if (group != null) {
      json.key("id").value(request.id()).key("labels");
      Labels labels = group.key().labels();
      UiGroupList.labelPairs(json, labels, UiGroupIds.displayOrder(labels));
      json.key("families").beginArray();
      String only = request.family();
      for (StoredFamily f : group.families()) {
        if (only == null || only.equals(f.name())) {
          family(json, f, request, zone);
        }
      }
      json.endArray();
    }
    return json.endObject().toString();
  }

  private static void family(GoJson json, StoredFamily stored, Request request, ZoneId zone) {
    MetricFamily f = stored.family();
    List<Metric> metrics = f.metrics();
    json.beginObject()
        .key("name")
        .value(f.name())
        .key("type")
        .value(f.effectiveType().name())
        .key("help")
        .value(f.help() == null ? "" : f.help())
        .key("pushed")
        .value(GoTime.rfc3339(stored.lastPushed(), zone))
        .key("pushedMs")
        .raw(Long.toString(stored.lastPushed().toEpochMilli()))
        .key("count")
        .raw(Integer.toString(metrics.size()))
        .key("offset")
        .raw(Integer.toString(request.offset()))
        .key("metrics")
        .beginArray();
    int end = (int) Math.min(metrics.size(), (long) request.offset() + request.limit());
    for (int i = request.offset(); i < end; i++) {
      metric(json, metrics.get(i), f.effectiveType());
    }
    json.endArray().endObject();
  }

  private static void metric(GoJson json, Metric m, MetricType type) {
    json.beginObject().key("labels");
    int[] order = new int[m.labels().size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    UiGroupList.labelPairs(json, m.labels(), order);
    switch (type) {
      case SUMMARY -> summary(json, m.summary());
      case HISTOGRAM, GAUGE_HISTOGRAM -> histogram(json, m.histogram());
      default -> json.key("value").value(f(simpleValue(m)));
    }
    Long ts = m.timestampMs();
    if (ts != null) {
      json.key("ts").raw(Long.toString(ts));
    }
    json.endObject();
  }

  private static void summary(GoJson json, @Nullable Summary s) {
    json.key("quantiles").beginArray();
    if (s != null) {
      for (Quantile q : s.quantiles()) {
        json.beginArray().value(GoFloatFormat.formatV(q.quantile())).value(f(q.value())).endArray();
      }
    }
    json.endArray();
    json.key("count").value(s == null ? "0" : Long.toUnsignedString(s.sampleCount()));
    json.key("sum").value(f(s == null ? 0 : s.sampleSum()));
  }

  private static void histogram(GoJson json, @Nullable Histogram h) {
    Histogram hist = h != null ? h : Histogram.builder().build();
    json.key("buckets").beginArray();
    for (Bucket b : hist.buckets()) {
      String count =
          b.cumulativeCountFloat() > 0
              ? f(b.cumulativeCountFloat())
              : Long.toUnsignedString(b.cumulativeCount());
      json.beginArray().value(f(b.upperBound())).value(count).endArray();
    }
    json.endArray();
    if (hist.isNative()) {
      nativeBuckets(json, hist);
    }
    json.key("count")
        .value(
            hist.sampleCountFloat() > 0
                ? f(hist.sampleCountFloat())
                : Long.toUnsignedString(hist.sampleCount()));
    json.key("sum").value(f(hist.sampleSum()));
  }

  /** Native buckets as {@code [kind, lower, upper, count]}, kinds as in the JSON API. */
  private static void nativeBuckets(GoJson json, Histogram h) {
    json.key("schema").raw(Integer.toString(h.schema()));
    json.key("zeroThreshold").value(GoFloatFormat.formatG(h.zeroThreshold()));
    json.key("native").beginArray();
    for (NativeBuckets.Bucket b : NativeBuckets.of(h)) {
      json.beginArray()
          .raw(Integer.toString(b.boundaries()))
          .value(GoFloatFormat.formatG(b.lower()))
          .value(GoFloatFormat.formatG(b.upper()))
          .value(
              h.isFloat()
                  ? GoFloatFormat.formatG(b.floatCount())
                  : Long.toUnsignedString(b.intCount()))
          .endArray();
    }
    json.endArray();
  }

  /** Go's UI value: gauge, else counter, else untyped, else 0. */
  private static double simpleValue(Metric m) {
    SimpleValue g = m.gauge();
    if (g != null) {
      return g.value();
    }
    Counter c = m.counter();
    if (c != null) {
      return c.value();
    }
    SimpleValue u = m.untyped();
    return u != null ? u.value() : 0;
  }

  private static String f(double v) {
    return GoFloatFormat.formatF(v);
  }
}
