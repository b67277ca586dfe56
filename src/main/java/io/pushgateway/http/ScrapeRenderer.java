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
 * name. The rendering of each pushed family is cached per {@link MergedFamily} instance (they are
 * immutable and replaced when a write touches the name), so a scrape of an unchanged family is a
 * copy, and a push invalidates only the families it touched. Own families change on every scrape
 * and are small; they are rendered each time.
 */
final class ScrapeRenderer {
  /** The two wire formats a scrape is rendered in. */
  enum Format {
    TEXT,
    PROTOBUF
  }

  private record Cached(MergedFamily source, byte[] bytes) {}

  private final ConcurrentHashMap<String, Cached> text = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Cached> protobuf = new ConcurrentHashMap<>();

  /** The scrape body as pieces in order (cached arrays are shared: never modify them). */
  List<byte[]> render(StoreState state, List<MetricFamily> own, Format format) {
    ConcurrentHashMap<String, Cached> cache = format == Format.TEXT ? text : protobuf;
    List<byte[]> pieces = new ArrayList<>();
    Iterator<MergedFamily> pushed = state.families().iterator();
    MergedFamily p = next(pushed);
    int o = 0;
    while (true) {
      MetricFamily f = o < own.size() ? own.get(o) : null;
      if (f != null && (p == null || Utf8Order.compare(f.name(), p.name()) < 0)) {
        pieces.add(renderOwn(f, List.of(), format));
        o++;
      } else if (p != null && (f == null || Utf8Order.compare(f.name(), p.name()) > 0)) {
        if (p.metricCount() > 0) {
          pieces.add(cached(p, cache, format));
        }
        p = next(pushed);
      } else if (f == null || p == null) {
        break;
      } else {
        List<Metric> extra = new ArrayList<>(p.metricCount());
        p.metrics().forEach(extra::add);
        pieces.add(renderOwn(f, extra, format));
        o++;
        p = next(pushed);
      }
    }
    prune(cache, state);
    return pieces;
  }

  private static @Nullable MergedFamily next(Iterator<MergedFamily> it) {
    return it.hasNext() ? it.next() : null;
  }

  private static byte[] cached(
      MergedFamily family, ConcurrentHashMap<String, Cached> cache, Format format) {
    Cached hit = cache.get(family.name());
    if (hit != null && hit.source() == family) {
      return hit.bytes();
    }
    byte[] bytes =
        render(
            family.name(),
            family.help(),
            family.type(),
            family.effectiveType(),
            family.metrics(),
            format);
    cache.put(family.name(), new Cached(family, bytes));
    return bytes;
  }

  /** An own family, with pushed series of the same name merged in and everything sorted. */
  private static byte[] renderOwn(MetricFamily own, List<Metric> pushed, Format format) {
    List<Metric> metrics = new ArrayList<>(own.metrics().size() + pushed.size());
    metrics.addAll(own.metrics());
    metrics.addAll(pushed);
    metrics.sort((a, b) -> Labels.compareForExposition(a.labels(), b.labels()));
    return render(own.name(), own.help(), own.type(), own.effectiveType(), metrics, format);
  }

  private static byte[] render(
      String name,
      @Nullable String help,
      @Nullable MetricType type,
      MetricType effectiveType,
      Iterable<Metric> metrics,
      Format format) {
    if (format == Format.TEXT) {
      ByteSink sink = new ByteSink(256);
      TextWriter.writeFamily(sink, name, help, effectiveType, metrics);
      return sink.toByteArray();
    }
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
  private static void prune(ConcurrentHashMap<String, Cached> cache, StoreState state) {
    if (cache.size() <= state.familyCount()) {
      return;
    }
    cache.keySet().removeIf(name -> state.family(name) == null);
  }
}
