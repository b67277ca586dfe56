package io.pushgateway.http;

import io.pushgateway.exposition.ByteSink;
import io.pushgateway.exposition.ProtobufWriter;
import io.pushgateway.exposition.TextWriter;
import io.pushgateway.model.Labels;
import io.pushgateway.model.Metric;
import io.pushgateway.model.MetricFamily;
import io.pushgateway.model.MetricType;
import io.pushgateway.model.Utf8Order;
import io.pushgateway.storage.MergedFamily;
import io.pushgateway.storage.StoreState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Renders a scrape: the gateway's own families and the store's merged families, interleaved by
 * name. Renderings are reused at two levels, because {@link MergedFamily} instances and their
 * series entries are immutable and shared by every store version a write did not touch:
 *
 * <ul>
 *   <li>a whole family's rendering (and its gzip-compressed form) is reused while the store keeps
 *       the same {@link MergedFamily} instance, so a scrape of an unchanged store is a copy;
 *   <li>in the text format each series' lines are kept in the series' render slot, so a family a
 *       push touched is re-assembled from the lines of its unchanged series, and only the pushed
 *       series are rendered again.
 * </ul>
 *
 * Own families change on every scrape and are small; they are rendered each time.
 */
final class ScrapeRenderer {
  /** The two wire formats a scrape is rendered in. */
  enum Format {
    TEXT,
    PROTOBUF
  }

  /** A series' text lines, valid for the family type they were rendered for. */
  private record RenderedLines(MetricType type, byte[] bytes) {}

  private final ConcurrentHashMap<String, RenderedFamily> text = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, RenderedFamily> protobuf = new ConcurrentHashMap<>();

  /** The scrape body, families in name order. */
  ScrapeBody render(StoreState state, List<MetricFamily> own, Format format) {
    ConcurrentHashMap<String, RenderedFamily> cache = format == Format.TEXT ? text : protobuf;
    List<RenderedFamily> families = new ArrayList<>(state.familyCount() + own.size());
    Iterator<MergedFamily> pushed = state.families().iterator();
    MergedFamily p = next(pushed);
    int o = 0;
    while (true) {
      MetricFamily f = o < own.size() ? own.get(o) : null;
      if (f != null && (p == null || Utf8Order.compare(f.name(), p.name()) < 0)) {
        families.add(renderOwn(f, List.of(), format));
        o++;
      } else if (p != null && (f == null || Utf8Order.compare(f.name(), p.name()) > 0)) {
        if (p.metricCount() > 0) {
          families.add(cached(p, cache, format));
        }
        p = next(pushed);
      } else if (f == null || p == null) {
        break;
      } else {
        List<Metric> extra = new ArrayList<>(p.metricCount());
        p.metrics().forEach(extra::add);
        families.add(renderOwn(f, extra, format));
        o++;
        p = next(pushed);
      }
    }
    prune(cache, state);
    return new ScrapeBody(families);
  }

  private static @Nullable MergedFamily next(Iterator<MergedFamily> it) {
    return it.hasNext() ? it.next() : null;
  }

  private static RenderedFamily cached(
      MergedFamily family, ConcurrentHashMap<String, RenderedFamily> cache, Format format) {
    RenderedFamily hit = cache.get(family.name());
    if (hit != null && hit.source() == family) {
      return hit;
    }
    RenderedFamily rendered = format == Format.TEXT ? renderText(family) : renderProtobuf(family);
    cache.put(family.name(), rendered);
    return rendered;
  }

  /** The header, then every series' lines, reusing the lines kept in the series' slots. */
  private static RenderedFamily renderText(MergedFamily family) {
    MetricType type = family.effectiveType();
    List<byte[]> parts = new ArrayList<>(family.metricCount() + 1);
    ByteSink sink = new ByteSink(256);
    TextWriter.writeFamily(sink, family.name(), family.help(), type, List.of());
    parts.add(sink.toByteArray());
    for (MergedFamily.Series s : family.series()) {
      if (s.renderCache() instanceof RenderedLines lines && lines.type() == type) {
        parts.add(lines.bytes());
        continue;
      }
      sink.reset();
      TextWriter.writeMetric(sink, family.name(), type, s.metric());
      byte[] bytes = sink.toByteArray();
      s.setRenderCache(new RenderedLines(type, bytes));
      parts.add(bytes);
    }
    return new RenderedFamily(family, parts);
  }

  private static RenderedFamily renderProtobuf(MergedFamily family) {
    return new RenderedFamily(
        family, List.of(protobuf(family.name(), family.help(), family.type(), family.metrics())));
  }

  /** An own family, with pushed series of the same name merged in and everything sorted. */
  private static RenderedFamily renderOwn(MetricFamily own, List<Metric> pushed, Format format) {
    List<Metric> metrics = new ArrayList<>(own.metrics().size() + pushed.size());
    metrics.addAll(own.metrics());
    metrics.addAll(pushed);
    metrics.sort((a, b) -> Labels.compareForExposition(a.labels(), b.labels()));
    byte[] bytes;
    if (format == Format.TEXT) {
      ByteSink sink = new ByteSink(1024);
      TextWriter.writeFamily(sink, own.name(), own.help(), own.effectiveType(), metrics);
      bytes = sink.toByteArray();
    } else {
      bytes = protobuf(own.name(), own.help(), own.type(), metrics);
    }
    return new RenderedFamily(null, List.of(bytes));
  }

  private static byte[] protobuf(
      String name, @Nullable String help, @Nullable MetricType type, Iterable<Metric> metrics) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try {
      // Go 1.5.1 builds the scraped family anew from name, help and type: the unit is dropped.
      ProtobufWriter.writeDelimited(name, help, type, null, metrics, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // cannot happen with a byte array stream
    }
    return out.toByteArray();
  }

  /** Drops cached renderings of names the store no longer has. */
  private static void prune(ConcurrentHashMap<String, RenderedFamily> cache, StoreState state) {
    if (cache.size() <= state.familyCount()) {
      return;
    }
    cache.keySet().removeIf(name -> state.family(name) == null);
  }
}
