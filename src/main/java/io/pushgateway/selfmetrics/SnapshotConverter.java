package io.pushgateway.selfmetrics;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.NativeHistogramBuckets;
import io.prometheus.metrics.model.snapshots.SnapshotEscaper;
import io.prometheus.metrics.model.snapshots.StateSetSnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot.SummaryDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import io.pushgateway.model.Bucket;
import io.pushgateway.model.BucketSpan;
import io.pushgateway.model.Counter;
import io.pushgateway.model.Histogram;
import io.pushgateway.model.Labels;
import io.pushgateway.model.Metric;
import io.pushgateway.model.MetricFamily;
import io.pushgateway.model.MetricType;
import io.pushgateway.model.Quantile;
import io.pushgateway.model.SimpleValue;
import io.pushgateway.model.Summary;
import io.pushgateway.model.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Converts client_java snapshots to model families named, typed and labelled as client_java's
 * Prometheus text writer (underscore escaping) exposes them: counters get {@code _total}, info
 * metrics become gauges named {@code <name>_info} with value 1, state sets become gauges with one
 * series per state (the state in a label named like the metric), unknown becomes untyped. Exemplars
 * are dropped: the text format does not show them and the gateway's own metrics have none.
 */
final class SnapshotConverter {
  private static final EscapingScheme SCHEME = EscapingScheme.UNDERSCORE_ESCAPING;

  private SnapshotConverter() {}

  /** The family a snapshot is exposed as (possibly with no metrics), or null for unknown kinds. */
  static @Nullable MetricFamily convert(MetricSnapshot snapshot) {
    MetricMetadata md = snapshot.getMetadata();
    if (snapshot instanceof CounterSnapshot s) {
      return family(suffixed(md, "_total"), md, MetricType.COUNTER, counters(s));
    } else if (snapshot instanceof GaugeSnapshot s) {
      return family(gaugeName(md), md, MetricType.GAUGE, gauges(s));
    } else if (snapshot instanceof SummarySnapshot s) {
      return family(md.getPrometheusName(), md, MetricType.SUMMARY, summaries(s));
    } else if (snapshot instanceof HistogramSnapshot s) {
      MetricType type = s.isGaugeHistogram() ? MetricType.GAUGE_HISTOGRAM : MetricType.HISTOGRAM;
      return family(md.getPrometheusName(), md, type, histograms(s));
    } else if (snapshot instanceof InfoSnapshot s) {
      return family(suffixed(md, "_info"), md, MetricType.GAUGE, infos(s));
    } else if (snapshot instanceof StateSetSnapshot s) {
      return family(md.getPrometheusName(), md, MetricType.GAUGE, states(s));
    } else if (snapshot instanceof UnknownSnapshot s) {
      return family(md.getPrometheusName(), md, MetricType.UNTYPED, unknowns(s));
    }
    return null;
  }

  private static MetricFamily family(
      String name, MetricMetadata md, MetricType type, List<Metric> metrics) {
    return MetricFamily.of(name, md.getHelp(), type, metrics);
  }

  /**
   * The writer's rule for counters and info: keep a name given with the suffix, else append it to
   * the base name.
   */
  private static String suffixed(MetricMetadata md, String suffix) {
    String base = md.getExpositionBasePrometheusName();
    return base.endsWith(suffix) ? base : md.getPrometheusName() + suffix;
  }

  private static String gaugeName(MetricMetadata md) {
    return SnapshotEscaper.getLegacyGaugeName(md, md.getOriginalName(), SCHEME);
  }

  private static List<Metric> counters(CounterSnapshot snapshot) {
    List<Metric> out = new ArrayList<>(snapshot.getDataPoints().size());
    for (CounterDataPointSnapshot data : snapshot.getDataPoints()) {
      Counter counter = new Counter(data.getValue(), true, null, created(data));
      out.add(new Metric(labels(data), null, counter, null, null, null, scrapeTime(data)));
    }
    return out;
  }

  private static List<Metric> gauges(GaugeSnapshot snapshot) {
    List<Metric> out = new ArrayList<>(snapshot.getDataPoints().size());
    for (GaugeSnapshot.GaugeDataPointSnapshot data : snapshot.getDataPoints()) {
      out.add(simple(labels(data), SimpleValue.of(data.getValue()), null, data));
    }
    return out;
  }

  private static List<Metric> unknowns(UnknownSnapshot snapshot) {
    List<Metric> out = new ArrayList<>(snapshot.getDataPoints().size());
    for (UnknownSnapshot.UnknownDataPointSnapshot data : snapshot.getDataPoints()) {
      out.add(simple(labels(data), null, SimpleValue.of(data.getValue()), data));
    }
    return out;
  }

  private static List<Metric> infos(InfoSnapshot snapshot) {
    List<Metric> out = new ArrayList<>(snapshot.getDataPoints().size());
    for (InfoSnapshot.InfoDataPointSnapshot data : snapshot.getDataPoints()) {
      out.add(simple(labels(data), SimpleValue.of(1), null, data));
    }
    return out;
  }

  /** One gauge series per state, 1 if the state is true, else 0. */
  private static List<Metric> states(StateSetSnapshot snapshot) {
    String name = snapshot.getMetadata().getPrometheusName();
    List<Metric> out = new ArrayList<>();
    for (StateSetSnapshot.StateSetDataPointSnapshot data : snapshot.getDataPoints()) {
      for (int i = 0; i < data.size(); i++) {
        Labels labels = labels(data.getLabels(), name, data.getName(i));
        out.add(simple(labels, SimpleValue.of(data.isTrue(i) ? 1 : 0), null, data));
      }
    }
    return out;
  }

  private static Metric simple(
      Labels labels,
      @Nullable SimpleValue gauge,
      @Nullable SimpleValue untyped,
      DataPointSnapshot data) {
    return new Metric(labels, gauge, null, null, untyped, null, scrapeTime(data));
  }

  /** Summaries without quantiles, count and sum are skipped, as the text writer skips them. */
  private static List<Metric> summaries(SummarySnapshot snapshot) {
    List<Metric> out = new ArrayList<>(snapshot.getDataPoints().size());
    for (SummaryDataPointSnapshot data : snapshot.getDataPoints()) {
      if (data.getQuantiles().size() == 0 && !data.hasCount() && !data.hasSum()) {
        continue;
      }
      List<Quantile> quantiles = new ArrayList<>(data.getQuantiles().size());
      for (io.prometheus.metrics.model.snapshots.Quantile q : data.getQuantiles()) {
        quantiles.add(Quantile.of(q.getQuantile(), q.getValue()));
      }
      Summary summary =
          new Summary(
              data.getCount(),
              data.hasCount(),
              data.getSum(),
              data.hasSum(),
              quantiles,
              created(data));
      out.add(new Metric(labels(data), null, null, summary, null, null, scrapeTime(data)));
    }
    return out;
  }

  private static List<Metric> histograms(HistogramSnapshot snapshot) {
    List<Metric> out = new ArrayList<>(snapshot.getDataPoints().size());
    for (HistogramDataPointSnapshot data : snapshot.getDataPoints()) {
      Histogram histogram = histogram(data);
      out.add(new Metric(labels(data), null, null, null, null, histogram, scrapeTime(data)));
    }
    return out;
  }

  private static Histogram histogram(HistogramDataPointSnapshot data) {
    Histogram.Builder b = Histogram.builder().createdTimestamp(created(data));
    if (data.hasCount()) {
      b.sampleCount(data.getCount());
    }
    if (data.hasSum()) {
      b.sampleSum(data.getSum());
    }
    if (data.hasClassicHistogramData()) {
      b.buckets(cumulativeBuckets(data.getClassicBuckets()));
    }
    if (data.hasNativeHistogramData()) {
      b.schema(data.getNativeSchema())
          .zeroThreshold(data.getNativeZeroThreshold())
          .zeroCount(data.getNativeZeroCount());
      NativeHistogramBuckets positive = data.getNativeBucketsForPositiveValues();
      NativeHistogramBuckets negative = data.getNativeBucketsForNegativeValues();
      b.positiveSpans(spans(positive)).positiveDeltas(deltas(positive));
      b.negativeSpans(spans(negative)).negativeDeltas(deltas(negative));
    }
    return b.build();
  }

  /** client_java keeps per-bucket counts; the model (like the protobuf) keeps cumulative ones. */
  private static List<Bucket> cumulativeBuckets(ClassicHistogramBuckets buckets) {
    List<Bucket> out = new ArrayList<>(buckets.size());
    long cumulative = 0;
    for (int i = 0; i < buckets.size(); i++) {
      cumulative += buckets.getCount(i);
      out.add(Bucket.of(buckets.getUpperBound(i), cumulative));
    }
    return out;
  }

  /** Spans of consecutive bucket indexes; each span's offset is the gap after the previous one. */
  private static List<BucketSpan> spans(NativeHistogramBuckets buckets) {
    List<BucketSpan> spans = new ArrayList<>();
    int start = 0;
    int previousEnd = 0;
    for (int i = 1; i <= buckets.size(); i++) {
      if (i == buckets.size() || buckets.getBucketIndex(i) != buckets.getBucketIndex(i - 1) + 1) {
        int first = buckets.getBucketIndex(start);
        int offset = spans.isEmpty() ? first : first - previousEnd;
        spans.add(BucketSpan.of(offset, i - start));
        previousEnd = buckets.getBucketIndex(i - 1) + 1;
        start = i;
      }
    }
    return spans;
  }

  /** Each bucket's count as the difference to the previous bucket's (0 before the first). */
  private static long[] deltas(NativeHistogramBuckets buckets) {
    long[] deltas = new long[buckets.size()];
    long previous = 0;
    for (int i = 0; i < deltas.length; i++) {
      deltas[i] = buckets.getCount(i) - previous;
      previous = buckets.getCount(i);
    }
    return deltas;
  }

  private static Labels labels(DataPointSnapshot data) {
    return labels(data.getLabels(), null, null);
  }

  /** The data point's labels with invalid characters escaped, plus an optional extra label. */
  private static Labels labels(
      io.prometheus.metrics.model.snapshots.Labels labels,
      @Nullable String extraName,
      @Nullable String extraValue) {
    int extra = extraName == null ? 0 : 2;
    if (labels.isEmpty() && extra == 0) {
      return Labels.EMPTY;
    }
    String[] pairs = new String[labels.size() * 2 + extra];
    for (int i = 0; i < labels.size(); i++) {
      pairs[2 * i] = labels.getPrometheusName(i);
      pairs[2 * i + 1] = labels.getValue(i);
    }
    if (extraName != null && extraValue != null) {
      pairs[pairs.length - 2] = extraName;
      pairs[pairs.length - 1] = extraValue;
    }
    return Labels.ofOwned(pairs);
  }

  private static @Nullable Timestamp created(DataPointSnapshot data) {
    return data.hasCreatedTimestamp() ? timestamp(data.getCreatedTimestampMillis()) : null;
  }

  private static @Nullable Long scrapeTime(DataPointSnapshot data) {
    return data.hasScrapeTimestamp() ? data.getScrapeTimestampMillis() : null;
  }

  private static Timestamp timestamp(long millis) {
    return new Timestamp(
        Math.floorDiv(millis, 1000), (int) Math.floorMod(millis, 1000) * 1_000_000);
  }
}
