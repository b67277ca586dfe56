package io.pushgateway.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import io.pushgateway.exposition.ProtobufParser;
import io.pushgateway.exposition.ProtobufWriter;
import io.pushgateway.exposition.proto.Metrics;
import io.pushgateway.log.Level;
import io.pushgateway.log.Log;
import io.pushgateway.log.LogFormat;
import io.pushgateway.model.GroupingKey;
import io.pushgateway.model.MetricFamily;
import io.pushgateway.storage.Group;
import io.pushgateway.storage.MergedFamily;
import io.pushgateway.storage.MetricStore;
import io.pushgateway.storage.PushRules;
import io.pushgateway.storage.StateMachine;
import io.pushgateway.storage.StoreState;
import io.pushgateway.storage.StoredFamily;
import io.pushgateway.storage.WriteLog;
import io.pushgateway.storage.WriteRequest;
import io.pushgateway.storage.WriteResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Rich metric families, a store driven through a durable log, and an exact view of a state. */
final class PersistenceFixtures {
  static final StateMachine MACHINE = new StateMachine(true);
  static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123456789Z");

  private PersistenceFixtures() {}

  static StoreState empty() {
    return StoreState.empty(Map.of());
  }

  static DurableLog.Options options(Path file) {
    return new DurableLog.Options(file, false, Duration.ofMinutes(5), false);
  }

  static Instant t(int seconds) {
    return T0.plusSeconds(seconds).plusNanos(seconds * 1_000_001L);
  }

  static GroupingKey key(String... namesAndValues) {
    return GroupingKey.of(namesAndValues);
  }

  /**
   * Every kind of family a push can store: help with escapes and none, a unit, exemplars, created
   * timestamps, an empty summary, classic, native (integer and float) and gauge histograms, and
   * special float values.
   */
  static List<MetricFamily> richFamilies(String prefix) {
    Timestamp created = Timestamp.newBuilder().setSeconds(1_700_000_000L).setNanos(42).build();
    Metrics.Exemplar exemplar =
        Metrics.Exemplar.newBuilder()
            .addLabel(label("trace_id", "abc\"\\\n"))
            .setValue(0.25)
            .setTimestamp(created)
            .build();
    List<Metrics.MetricFamily> families = new ArrayList<>();
    families.add(
        family(
                prefix + "_requests_total",
                "Requests with \\ and \n in help.",
                Metrics.MetricType.COUNTER)
            .addMetric(
                metric("path", "/a")
                    .setCounter(
                        Metrics.Counter.newBuilder()
                            .setValue(17)
                            .setExemplar(exemplar)
                            .setCreatedTimestamp(created)))
            .addMetric(metric("path", "/b").setCounter(Metrics.Counter.newBuilder().setValue(0)))
            .build());
    families.add(
        Metrics.MetricFamily.newBuilder()
            .setName(prefix + "_temperature")
            .setType(Metrics.MetricType.GAUGE)
            .setUnit("celsius")
            .addMetric(metric("room", "x").setGauge(Metrics.Gauge.newBuilder().setValue(-0.0)))
            .addMetric(
                metric("room", "y").setGauge(Metrics.Gauge.newBuilder().setValue(Double.NaN)))
            .addMetric(
                metric("room", "z")
                    .setGauge(Metrics.Gauge.newBuilder().setValue(Double.POSITIVE_INFINITY)))
            .build());
    families.add(
        family(prefix + "_latency", "", Metrics.MetricType.SUMMARY)
            .addMetric(
                metric("q", "full")
                    .setSummary(
                        Metrics.Summary.newBuilder()
                            .setSampleCount(10)
                            .setSampleSum(3.5)
                            .addQuantile(quantile(0.5, 0.3))
                            .addQuantile(quantile(0.99, 1.2))
                            .setCreatedTimestamp(created)))
            .addMetric(metric("q", "empty").setSummary(Metrics.Summary.newBuilder()))
            .build());
    families.add(
        family(prefix + "_sizes", "Classic histogram.", Metrics.MetricType.HISTOGRAM)
            .addMetric(
                metric()
                    .setHistogram(
                        Metrics.Histogram.newBuilder()
                            .setSampleCount(5)
                            .setSampleSum(12.5)
                            .addBucket(bucket(1, 2).setExemplar(exemplar))
                            .addBucket(bucket(10, 4))
                            .addBucket(bucket(Double.POSITIVE_INFINITY, 5))
                            .setCreatedTimestamp(created)))
            .build());
    families.add(
        family(prefix + "_native", "Native histogram.", Metrics.MetricType.HISTOGRAM)
            .addMetric(
                metric("kind", "int")
                    .setHistogram(
                        Metrics.Histogram.newBuilder()
                            .setSampleCount(9)
                            .setSampleSum(-3.75)
                            .setSchema(3)
                            .setZeroThreshold(1e-128)
                            .setZeroCount(2)
                            .addNegativeSpan(span(-2, 2))
                            .addNegativeDelta(1)
                            .addNegativeDelta(-1)
                            .addPositiveSpan(span(0, 3))
                            .addPositiveSpan(span(5, 1))
                            .addPositiveDelta(2)
                            .addPositiveDelta(0)
                            .addPositiveDelta(-1)
                            .addPositiveDelta(3)
                            .addExemplars(exemplar)
                            .setCreatedTimestamp(created)))
            .addMetric(
                metric("kind", "float")
                    .setHistogram(
                        Metrics.Histogram.newBuilder()
                            .setSampleCountFloat(7.5)
                            .setSampleSum(2)
                            .setSchema(-4)
                            .setZeroThreshold(0)
                            .setZeroCountFloat(0.5)
                            .addNegativeSpan(span(1, 1))
                            .addNegativeCount(1.5)
                            .addPositiveSpan(span(-3, 2))
                            .addPositiveCount(2.5)
                            .addPositiveCount(3)))
            .addMetric(
                metric("kind", "no-observations")
                    .setHistogram(
                        Metrics.Histogram.newBuilder()
                            .setSchema(0)
                            .setZeroThreshold(1e-128)
                            .addPositiveSpan(span(0, 0))))
            .build());
    families.add(
        family(prefix + "_queue", "Gauge histogram.", Metrics.MetricType.GAUGE_HISTOGRAM)
            .addMetric(
                metric()
                    .setHistogram(
                        Metrics.Histogram.newBuilder()
                            .setSampleCountFloat(3)
                            .setSampleSum(1)
                            .addBucket(
                                Metrics.Bucket.newBuilder()
                                    .setUpperBound(1)
                                    .setCumulativeCountFloat(3))))
            .build());
    families.add(
        Metrics.MetricFamily.newBuilder()
            .setName(prefix + "_untyped_no_help")
            .setType(Metrics.MetricType.UNTYPED)
            .addMetric(
                metric("le", "ü€😀").setUntyped(Metrics.Untyped.newBuilder().setValue(1e-300)))
            .build());
    return parse(families);
  }

  /** A family with a timestamp: the push is rejected and only records its failure. */
  static List<MetricFamily> timestamped(String name) {
    return parse(
        List.of(
            family(name, "x", Metrics.MetricType.GAUGE)
                .addMetric(
                    metric()
                        .setGauge(Metrics.Gauge.newBuilder().setValue(1))
                        .setTimestampMs(1_700_000_000_000L))
                .build()));
  }

  /** One gauge family with a series per value. */
  static List<MetricFamily> gauges(String name, double... values) {
    Metrics.MetricFamily.Builder f = family(name, "Gauge " + name + ".", Metrics.MetricType.GAUGE);
    for (int i = 0; i < values.length; i++) {
      f.addMetric(
          metric("series", "s" + i).setGauge(Metrics.Gauge.newBuilder().setValue(values[i])));
    }
    return parse(List.of(f.build()));
  }

  static WriteRequest.Push put(GroupingKey key, Instant time, List<MetricFamily> families) {
    return PushRules.prepare(key, families, true, time);
  }

  static WriteRequest.Push post(GroupingKey key, Instant time, List<MetricFamily> families) {
    return PushRules.prepare(key, families, false, time);
  }

  private static List<MetricFamily> parse(List<Metrics.MetricFamily> families) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    try {
      for (Metrics.MetricFamily f : families) {
        f.writeDelimitedTo(body);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ProtobufParser.parse(body.toByteArray());
  }

  private static Metrics.MetricFamily.Builder family(
      String name, String help, Metrics.MetricType type) {
    return Metrics.MetricFamily.newBuilder().setName(name).setHelp(help).setType(type);
  }

  private static Metrics.Metric.Builder metric(String... namesAndValues) {
    Metrics.Metric.Builder m = Metrics.Metric.newBuilder();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      m.addLabel(label(namesAndValues[i], namesAndValues[i + 1]));
    }
    return m;
  }

  private static Metrics.LabelPair label(String name, String value) {
    return Metrics.LabelPair.newBuilder().setName(name).setValue(value).build();
  }

  private static Metrics.Quantile quantile(double q, double v) {
    return Metrics.Quantile.newBuilder().setQuantile(q).setValue(v).build();
  }

  private static Metrics.Bucket.Builder bucket(double upperBound, long count) {
    return Metrics.Bucket.newBuilder().setUpperBound(upperBound).setCumulativeCount(count);
  }

  private static Metrics.BucketSpan span(int offset, int length) {
    return Metrics.BucketSpan.newBuilder().setOffset(offset).setLength(length).build();
  }

  /**
   * Everything a state holds, one line per stored family: grouping key, name, last push time and
   * the family's exact protobuf encoding (every field with its presence); then the merged view.
   */
  static List<String> dump(StoreState state) {
    List<String> lines = new ArrayList<>();
    HexFormat hex = HexFormat.of();
    for (Group g : state.groups()) {
      lines.add("group " + g.key().labels() + " families=" + g.familyCount());
      for (StoredFamily f : g.families()) {
        lines.add(
            "  "
                + f.name()
                + " lastPushed="
                + f.lastPushed()
                + " "
                + hex.formatHex(ProtobufWriter.toDelimitedBytes(f.family())));
      }
    }
    List<String> merged = new ArrayList<>();
    for (MergedFamily f : state.families()) {
      merged.add(f.name());
    }
    lines.add(
        "merged "
            + merged
            + " series="
            + state.seriesCount()
            + " consistent="
            + state.isConsistent());
    return lines;
  }

  /** A logger whose lines the test can read. */
  static final class CapturedLog {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final Log log =
        Log.create(
            new PrintStream(bytes, true, StandardCharsets.UTF_8), Level.DEBUG, LogFormat.LOGFMT);

    String text() {
      synchronized (bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
      }
    }

    long count(String fragment) {
      return text().lines().filter(l -> l.contains(fragment)).count();
    }
  }

  /**
   * A log whose {@link #close} stops it as a kill would: the file stays as the appends left it (an
   * unfinished snapshot included), with no final snapshot.
   */
  static final class Killable implements WriteLog {
    private final DurableLog log;

    Killable(DurableLog log) {
      this.log = log;
    }

    @Override
    public void append(List<Entry> entries) throws IOException {
      log.append(entries);
    }

    @Override
    public void probe() throws IOException {
      log.probe();
    }

    @Override
    public void published(StoreState state) {
      log.published(state);
    }

    @Override
    public void close(StoreState finalState) {
      log.crash();
    }
  }

  /** The files in a directory. */
  static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.sorted().toList();
    }
  }

  /** Submits a request and waits for it to be applied. */
  static WriteResult apply(MetricStore store, WriteRequest request) {
    WriteResult result = store.submit(request).join();
    assertThat(result.unavailable())
        .as("write %s unavailable: %s", request, result.error())
        .isFalse();
    return result;
  }
}
