package io.pushgateway.http;

import io.pushgateway.gocompat.GoFloatFormat;
import io.pushgateway.model.Bucket;
import io.pushgateway.model.Histogram;
import io.pushgateway.model.Labels;
import io.pushgateway.model.Metric;
import io.pushgateway.model.MetricFamily;
import io.pushgateway.model.MetricType;
import io.pushgateway.model.Quantile;
import io.pushgateway.model.SimpleValue;
import io.pushgateway.model.Summary;
import io.pushgateway.model.Utf8Order;
import io.pushgateway.storage.Group;
import io.pushgateway.storage.StoreState;
import io.pushgateway.storage.StoredFamily;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The body of {@code GET /api/v1/metrics}: every group as a flat JSON object whose keys (sorted
 * byte-wise, as Go sorts map keys) are {@code labels}, {@code last_push_successful} and the family
 * names. Groups come in grouping-key order (Go's order is random).
 *
 * <p>A large store makes a large document (about 130 bytes per series), so it is rendered and sent
 * a group at a time: memory stays proportional to the largest group, not to the store, however many
 * clients ask at once. A document that stays small is sent with a {@code Content-Length}, as before
 * and as Go does for small answers; a larger one chunked, as Go sends large answers.
 */
final class ApiMetricsJson {
  private static final String LABELS = "labels";
  private static final String LAST_PUSH_SUCCESSFUL = "last_push_successful";

  /** Up to this size the document is collected and sent with a Content-Length. */
  private static final int STREAM_THRESHOLD = 64 * 1024;

  private ApiMetricsJson() {}

  /** Answers 200 with the document; response headers must be set already. */
  static void respond(StoreState state, ZoneId zone, Exchange exchange) throws IOException {
    GoJson json = new GoJson(4096);
    json.beginObject().key("status").value("success").key("data").beginArray();
    ByteArrayOutputStream small = new ByteArrayOutputStream();
    OutputStream streamed = null;
    for (Group g : state.groups()) {
      group(json, g, zone);
      byte[] piece = json.takeUtf8();
      if (streamed != null) {
        streamed.write(piece);
      } else {
        small.write(piece);
        if (small.size() > STREAM_THRESHOLD) {
          streamed = exchange.respondStreaming(200);
          small.writeTo(streamed);
          small = new ByteArrayOutputStream();
        }
      }
    }
    byte[] end = json.endArray().endObject().takeUtf8();
    if (streamed == null) {
      small.write(end);
      exchange.respond(200, small.toByteArray());
    } else {
      streamed.write(end);
      streamed.close();
    }
  }

  private static void group(GoJson json, Group g, ZoneId zone) {
    json.beginObject();
    boolean labelsDone = false;
    boolean successDone = false;
    for (StoredFamily f : g.families()) {
      String name = f.name();
      if (!labelsDone && Utf8Order.compare(LABELS, name) <= 0) {
        labelsDone = true;
        if (!name.equals(LABELS)) { // a family of that name replaces the key, as in Go's map
          json.key(LABELS);
          labels(json, g.key().labels());
        }
      }
      if (!successDone && Utf8Order.compare(LAST_PUSH_SUCCESSFUL, name) <= 0) {
        successDone = true;
        if (!name.equals(LAST_PUSH_SUCCESSFUL)) {
          json.key(LAST_PUSH_SUCCESSFUL).value(g.lastPushSuccessful());
        }
      }
      json.key(name);
      family(json, f, zone);
    }
    if (!labelsDone) {
      json.key(LABELS);
      labels(json, g.key().labels());
    }
    if (!successDone) {
      json.key(LAST_PUSH_SUCCESSFUL).value(g.lastPushSuccessful());
    }
    json.endObject();
  }

  private static void family(GoJson json, StoredFamily stored, ZoneId zone) {
    MetricFamily f = stored.family();
    json.beginObject()
        .key("time_stamp")
        .value(GoTime.rfc3339Nano(stored.lastPushed(), zone))
        .key("type")
        .value(f.effectiveType().name());
    String help = f.help();
    if (help != null && !help.isEmpty()) {
      json.key("help").value(help);
    }
    json.key("metrics").beginArray();
    for (Metric m : f.metrics()) {
      metric(json, m, f.effectiveType());
    }
    json.endArray().endObject();
  }

  private static void metric(GoJson json, Metric m, MetricType type) {
    json.beginObject();
    switch (type) {
      case SUMMARY -> summary(json, m);
      case HISTOGRAM -> histogram(json, m);
      default -> {
        json.key(LABELS);
        labels(json, m.labels());
        json.key("value").value(v(value(m)));
      }
    }
    json.endObject();
  }

  private static void summary(GoJson json, Metric m) {
    Summary s = m.summary();
    Map<String, String> quantiles = new TreeMap<>(Utf8Order.COMPARATOR);
    if (s != null) {
      for (Quantile q : s.quantiles()) {
        quantiles.put(v(q.quantile()), v(q.value()));
      }
    }
    json.key("count").value(s == null ? "0" : Long.toUnsignedString(s.sampleCount()));
    json.key(LABELS);
    labels(json, m.labels());
    json.key("quantiles");
    stringMap(json, quantiles);
    json.key("sum").value(v(s == null ? 0 : s.sampleSum()));
  }

  private static void histogram(GoJson json, Metric m) {
    Histogram h = m.histogram();
    if (h == null) {
      h = Histogram.builder().build();
    }
    json.key("buckets");
    String count;
    if (h.isNative()) {
      json.beginArray();
      for (NativeBuckets.Bucket b : NativeBuckets.of(h)) {
        json.beginArray()
            .raw(Integer.toString(b.boundaries()))
            .value(v(b.lower()))
            .value(v(b.upper()))
            .value(h.isFloat() ? v(b.floatCount()) : Long.toUnsignedString(b.intCount()))
            .endArray();
      }
      json.endArray();
      count = h.isFloat() ? v(h.sampleCountFloat()) : Long.toUnsignedString(h.sampleCount());
    } else {
      Map<String, String> buckets = new TreeMap<>(Utf8Order.COMPARATOR);
      for (Bucket b : h.buckets()) {
        buckets.put(
            v(b.upperBound()),
            b.cumulativeCountFloat() > 0
                ? v(b.cumulativeCountFloat())
                : Long.toUnsignedString(b.cumulativeCount()));
      }
      stringMap(json, buckets);
      count =
          h.sampleCountFloat() > 0
              ? v(h.sampleCountFloat())
              : Long.toUnsignedString(h.sampleCount());
    }
    json.key("count").value(count);
    json.key(LABELS);
    labels(json, m.labels());
    json.key("sum").value(v(h.sampleSum()));
  }

  /** Go's getValue: gauge, else counter, else untyped, else 0. */
  private static double value(Metric m) {
    SimpleValue g = m.gauge();
    if (g != null) {
      return g.value();
    }
    if (m.counter() != null) {
      return m.counter().value();
    }
    SimpleValue u = m.untyped();
    return u != null ? u.value() : 0;
  }

  private static String v(double d) {
    return GoFloatFormat.formatV(d);
  }

  /** A label set as a JSON object (labels are sorted; the last of duplicate names wins). */
  static void labels(GoJson json, Labels labels) {
    Map<String, String> map = new TreeMap<>(Utf8Order.COMPARATOR);
    for (int i = 0; i < labels.size(); i++) {
      map.put(labels.name(i), labels.value(i));
    }
    stringMap(json, map);
  }

  private static void stringMap(GoJson json, Map<String, String> map) {
    json.beginObject();
    List<Map.Entry<String, String>> entries = new ArrayList<>(map.entrySet());
    for (Map.Entry<String, String> e : entries) {
      json.key(e.getKey()).value(e.getValue());
    }
    json.endObject();
  }
}
