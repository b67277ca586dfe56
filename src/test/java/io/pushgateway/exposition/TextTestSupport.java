package io.pushgateway.exposition;

import io.pushgateway.gocompat.GoQuote;
import io.pushgateway.model.Bucket;
import io.pushgateway.model.Histogram;
import io.pushgateway.model.Labels;
import io.pushgateway.model.Metric;
import io.pushgateway.model.MetricFamily;
import io.pushgateway.model.Quantile;
import io.pushgateway.model.Summary;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.StringJoiner;

/** Helpers for the text parser tests: raw-byte bodies and a compact rendering of results. */
final class TextTestSupport {
  /**
   * Stands for the raw byte 0xFF in {@link #body} strings (a lone surrogate, like Python's
   * surrogateescape). {@code "\uDC80"}..{@code "\uDCFF"} give the bytes 0x80..0xFF.
   */
  static final String FF = "\uDCFF";

  private TextTestSupport() {}

  /** The string as UTF-8, except that U+DC80..U+DCFF become the raw bytes 0x80..0xFF. */
  static byte[] body(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0xDC80 && c <= 0xDCFF) {
        out.write(c - 0xDC00);
      } else if (Character.isHighSurrogate(c)) {
        out.writeBytes(s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8));
        i++;
      } else {
        out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    return out.toByteArray();
  }

  /** Parses a {@link #body} string and renders the result. */
  static String parseAndRender(String body) {
    return render(TextParser.parse(body(body)));
  }

  /**
   * One line per family ({@code name TYPE [help="..."]}) followed by one indented line per metric
   * ({@code {labels} value-fields [@timestamp]}); absent optional fields show as {@code -}.
   */
  static String render(List<MetricFamily> families) {
    StringJoiner out = new StringJoiner("\n");
    for (MetricFamily f : families) {
      out.add(
          f.name() + " " + f.type() + (f.help() == null ? "" : " help=" + GoQuote.quote(f.help())));
      for (Metric m : f.metrics()) {
        out.add("  " + renderLabels(m.labels()) + " " + renderValue(m) + renderTimestamp(m));
      }
    }
    return out.toString();
  }

  private static String renderLabels(Labels labels) {
    StringJoiner j = new StringJoiner(",", "{", "}");
    for (int i = 0; i < labels.size(); i++) {
      j.add(labels.name(i) + "=" + GoQuote.quote(labels.value(i)));
    }
    return j.toString();
  }

  private static String renderTimestamp(Metric m) {
    return m.timestampMs() == null ? "" : " @" + m.timestampMs();
  }

  private static String renderValue(Metric m) {
    StringJoiner j = new StringJoiner(" ");
    if (m.counter() != null) {
      j.add("counter=" + m.counter().value());
    }
    if (m.gauge() != null) {
      j.add("gauge=" + m.gauge().value());
    }
    if (m.untyped() != null) {
      j.add("untyped=" + m.untyped().value());
    }
    if (m.summary() != null) {
      j.add(renderSummary(m.summary()));
    }
    if (m.histogram() != null) {
      j.add(renderHistogram(m.histogram()));
    }
    return j.toString();
  }

  private static String renderSummary(Summary s) {
    StringJoiner q = new StringJoiner(", ", "[", "]");
    for (Quantile quantile : s.quantiles()) {
      q.add(quantile.quantile() + ":" + quantile.value());
    }
    return "summary(count="
        + (s.hasSampleCount() ? Long.toUnsignedString(s.sampleCount()) : "-")
        + " sum="
        + (s.hasSampleSum() ? String.valueOf(s.sampleSum()) : "-")
        + " q="
        + q
        + ")";
  }

  private static String renderHistogram(Histogram h) {
    StringJoiner b = new StringJoiner(", ", "[", "]");
    for (Bucket bucket : h.buckets()) {
      b.add(bucket.upperBound() + ":" + renderBucketCount(bucket));
    }
    return "histogram(count="
        + (h.has(Histogram.Field.SAMPLE_COUNT) ? Long.toUnsignedString(h.sampleCount()) : "-")
        + " countf="
        + (h.has(Histogram.Field.SAMPLE_COUNT_FLOAT) ? String.valueOf(h.sampleCountFloat()) : "-")
        + " sum="
        + (h.has(Histogram.Field.SAMPLE_SUM) ? String.valueOf(h.sampleSum()) : "-")
        + " b="
        + b
        + ")";
  }

  /**
   * Every field of the families, with presence flags and doubles as raw bits, for exact comparisons
   * (the model's Metric and Histogram have no equals).
   */
  static String describeExactly(List<MetricFamily> families) {
    StringBuilder sb = new StringBuilder();
    for (MetricFamily f : families) {
      sb.append(f.name()).append('|').append(f.help()).append('|').append(f.type());
      sb.append('|').append(f.unit()).append('\n');
      for (Metric m : f.metrics()) {
        sb.append(' ').append(renderLabels(m.labels())).append(" ts=").append(m.timestampMs());
        sb.append(" g=").append(m.gauge()).append(" c=").append(m.counter());
        sb.append(" u=").append(m.untyped()).append(" s=").append(m.summary());
        appendDoubleBits(sb, m);
        Histogram h = m.histogram();
        if (h != null) {
          sb.append(" h=").append(renderHistogram(h)).append(" native=").append(h.isNative());
          sb.append(" bucketsRaw=").append(h.buckets()).append(" ex=").append(h.exemplars());
          sb.append(" created=").append(h.createdTimestamp());
        }
        sb.append('\n');
      }
    }
    return sb.toString();
  }

  private static void appendDoubleBits(StringBuilder sb, Metric m) {
    if (m.gauge() != null) {
      sb.append(" gbits=").append(Long.toHexString(Double.doubleToRawLongBits(m.gauge().value())));
    }
    if (m.counter() != null) {
      sb.append(" cbits=")
          .append(Long.toHexString(Double.doubleToRawLongBits(m.counter().value())));
    }
    if (m.untyped() != null) {
      sb.append(" ubits=")
          .append(Long.toHexString(Double.doubleToRawLongBits(m.untyped().value())));
    }
  }

  /** An integer count as is, a float count prefixed with {@code f}. */
  private static String renderBucketCount(Bucket b) {
    String s = "";
    if (b.hasCumulativeCount()) {
      s += Long.toUnsignedString(b.cumulativeCount());
    }
    if (b.hasCumulativeCountFloat()) {
      s += "f" + b.cumulativeCountFloat();
    }
    return s;
  }
}
