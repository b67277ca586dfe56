package io.pushgateway.exposition;

import io.pushgateway.gocompat.GoConversions;
import io.pushgateway.model.Bucket;
import io.pushgateway.model.Counter;
import io.pushgateway.model.Histogram;
import io.pushgateway.model.Labels;
import io.pushgateway.model.Metric;
import io.pushgateway.model.MetricType;
import io.pushgateway.model.Quantile;
import io.pushgateway.model.SimpleValue;
import io.pushgateway.model.Summary;
import org.jspecify.annotations.Nullable;

/**
 * Writes the text exposition format 0.0.4 byte for byte as Go's {@code expfmt.MetricFamilyToText}
 * does: the metrics in the order given, names and label names unescaped, gauge histograms as
 * histograms and float histogram counts where non-zero. Sorting is the caller's job.
 */
public final class TextWriter {
  private static final String QUANTILE = "quantile";
  private static final String LE = "le";

  /** Marks that a metric's label block has not been written yet (see {@link #writeName}). */
  private static final long NO_BLOCK = -1;

  private TextWriter() {}

  /**
   * Writes a whole family: a {@code # HELP} line if {@code help} is not null, the {@code # TYPE}
   * line and then every metric.
   *
   * @throws IllegalArgumentException if the name is empty or a metric lacks the value its type
   *     needs; the sink then holds the lines written before the offending metric
   */
  public static void writeFamily(
      ByteSink out, String name, @Nullable String help, MetricType type, Iterable<Metric> metrics) {
    if (name.isEmpty()) {
      throw new IllegalArgumentException("MetricFamily has no name");
    }
    if (help != null) {
      out.appendAscii("# HELP ");
      out.appendUtf8(name);
      out.appendByte(' ');
      appendEscaped(out, help, false);
      out.appendByte('\n');
    }
    out.appendAscii("# TYPE ");
    out.appendUtf8(name);
    out.appendByte(' ');
    out.appendAscii(type.textName());
    out.appendByte('\n');
    for (Metric metric : metrics) {
      writeMetric(out, name, type, metric);
    }
  }

  /**
   * Writes the sample lines of one metric of a family of the given type (one line for counters,
   * gauges and untyped; quantiles, sum and count for summaries; buckets, sum and count for
   * histograms).
   *
   * @throws IllegalArgumentException if the metric lacks the value field its type needs; nothing is
   *     written then
   */
  public static void writeMetric(ByteSink out, String name, MetricType type, Metric metric) {
    switch (type) {
      case COUNTER -> {
        Counter c = metric.counter();
        if (c == null) {
          throw missing("counter", name, metric);
        }
        writeSimple(out, name, metric, c.hasValue() ? c.value() : 0);
      }
      case GAUGE ->
          writeSimple(out, name, metric, simpleValue(metric.gauge(), "gauge", name, metric));
      case UNTYPED ->
          writeSimple(out, name, metric, simpleValue(metric.untyped(), "untyped", name, metric));
      case SUMMARY -> {
        Summary s = metric.summary();
        if (s == null) {
          throw missing("summary", name, metric);
        }
        writeSummary(out, name, metric, s);
      }
      case HISTOGRAM, GAUGE_HISTOGRAM -> {
        Histogram h = metric.histogram();
        if (h == null) {
          throw missing("histogram", name, metric);
        }
        writeHistogram(out, name, metric, h);
      }
    }
  }

  private static double simpleValue(
      @Nullable SimpleValue v, String field, String name, Metric metric) {
    if (v == null) {
      throw missing(field, name, metric);
    }
    return v.hasValue() ? v.value() : 0;
  }

  private static IllegalArgumentException missing(String field, String name, Metric metric) {
    return new IllegalArgumentException(
        "expected " + field + " in metric " + name + " " + metric.labels());
  }

  private static void writeSimple(ByteSink out, String name, Metric metric, double value) {
    writeName(out, name, "", metric.labels(), NO_BLOCK, null, 0);
    endLine(out, value, metric);
  }

  private static void writeSummary(ByteSink out, String name, Metric metric, Summary s) {
    Labels labels = metric.labels();
    long block = NO_BLOCK;
    for (Quantile q : s.quantiles()) {
      block = writeName(out, name, "", labels, block, QUANTILE, q.hasQuantile() ? q.quantile() : 0);
      endLine(out, q.hasValue() ? q.value() : 0, metric);
    }
    block = writeName(out, name, "_sum", labels, block, null, 0);
    endLine(out, s.hasSampleSum() ? s.sampleSum() : 0, metric);
    writeName(out, name, "_count", labels, block, null, 0);
    endLine(out, s.hasSampleCount() ? GoConversions.uint64ToDouble(s.sampleCount()) : 0, metric);
  }

  private static void writeHistogram(ByteSink out, String name, Metric metric, Histogram h) {
    Labels labels = metric.labels();
    long block = NO_BLOCK;
    boolean infSeen = false;
    for (Bucket b : h.buckets()) {
      double upperBound = b.hasUpperBound() ? b.upperBound() : 0;
      block = writeName(out, name, "_bucket", labels, block, LE, upperBound);
      endLine(out, bucketCount(b), metric);
      infSeen |= upperBound == Double.POSITIVE_INFINITY;
    }
    double count = sampleCount(h);
    if (!infSeen) {
      block = writeName(out, name, "_bucket", labels, block, LE, Double.POSITIVE_INFINITY);
      endLine(out, count, metric);
    }
    block = writeName(out, name, "_sum", labels, block, null, 0);
    endLine(out, h.has(Histogram.Field.SAMPLE_SUM) ? h.sampleSum() : 0, metric);
    writeName(out, name, "_count", labels, block, null, 0);
    endLine(out, count, metric);
  }

  /** The float count if it is non-zero, else the integer count (Go's rule at HEAD). */
  private static double bucketCount(Bucket b) {
    double f = b.hasCumulativeCountFloat() ? b.cumulativeCountFloat() : 0;
    if (f != 0) {
      return f;
    }
    return b.hasCumulativeCount() ? GoConversions.uint64ToDouble(b.cumulativeCount()) : 0;
  }

  private static double sampleCount(Histogram h) {
    double f = h.has(Histogram.Field.SAMPLE_COUNT_FLOAT) ? h.sampleCountFloat() : 0;
    if (f != 0) {
      return f;
    }
    return h.has(Histogram.Field.SAMPLE_COUNT) ? GoConversions.uint64ToDouble(h.sampleCount()) : 0;
  }

  /**
   * Writes {@code name suffix} and the label braces, with an optional extra label whose value is a
   * float. The escaped label pairs are the same on every line of a metric, so after the first line
   * they are copied from where they were written: {@code block} packs their offset and length, or
   * is {@link #NO_BLOCK}. Returns the block for the next line.
   */
  private static long writeName(
      ByteSink out,
      String name,
      String suffix,
      Labels labels,
      long block,
      @Nullable String extraName,
      double extraValue) {
    out.appendUtf8(name);
    out.appendAscii(suffix);
    if (labels.isEmpty() && extraName == null) {
      return block;
    }
    out.appendByte('{');
    long written = block;
    if (!labels.isEmpty()) {
      if (block == NO_BLOCK) {
        int start = out.size();
        writeLabelPairs(out, labels);
        written = ((long) start << 32) | (out.size() - start);
      } else {
        out.appendCopyOf((int) (block >>> 32), (int) block);
      }
    }
    if (extraName != null) {
      if (!labels.isEmpty()) {
        out.appendByte(',');
      }
      out.appendAscii(extraName);
      out.appendAscii("=\"");
      out.appendFloat(extraValue);
      out.appendByte('"');
    }
    out.appendByte('}');
    return written;
  }

  private static void writeLabelPairs(ByteSink out, Labels labels) {
    for (int i = 0; i < labels.size(); i++) {
      if (i > 0) {
        out.appendByte(',');
      }
      out.appendUtf8(labels.name(i));
      out.appendAscii("=\"");
      appendEscaped(out, labels.value(i), true);
      out.appendByte('"');
    }
  }

  private static void endLine(ByteSink out, double value, Metric metric) {
    out.appendByte(' ');
    out.appendFloat(value);
    Long timestampMs = metric.timestampMs();
    if (timestampMs != null) {
      out.appendByte(' ');
      out.appendDecimal(timestampMs);
    }
    out.appendByte('\n');
  }

  /**
   * Appends {@code s} as UTF-8 with {@code \} and newline escaped, and {@code "} too if {@code
   * quotes} (label values; HELP texts keep their quotes).
   */
  static void appendEscaped(ByteSink out, String s, boolean quotes) {
    if (isPlainAscii(s)) {
      out.appendAscii(s);
      return;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        i = out.appendNonAscii(s, i);
      } else if (c == '\\') {
        out.appendByte('\\');
        out.appendByte('\\');
      } else if (c == '\n') {
        out.appendByte('\\');
        out.appendByte('n');
      } else if (c == '"' && quotes) {
        out.appendByte('\\');
        out.appendByte('"');
      } else {
        out.appendByte(c);
      }
    }
  }

  /** Whether {@code s} is ASCII without anything to escape, so that it can be copied in bulk. */
  private static boolean isPlainAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x80 || c == '\\' || c == '\n' || c == '"') {
        return false;
      }
    }
    return true;
  }
}
