package io.pushgateway.storage;

import io.pushgateway.model.Bucket;
import io.pushgateway.model.Counter;
import io.pushgateway.model.Histogram;
import io.pushgateway.model.Labels;
import io.pushgateway.model.Metric;
import io.pushgateway.model.Quantile;
import io.pushgateway.model.SimpleValue;
import io.pushgateway.model.Summary;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Renders metrics for error messages the way Go's protobuf text format did in the Pushgateway 1.5.1
 * ({@code label:<name:"job" value:"x" > untyped:<value:2 > }). Clients never parse these texts;
 * they only need to be recognisable.
 */
final class GoText {
  private GoText() {}

  /** The metric in compact protobuf text form, with a trailing space as Go prints it. */
  static String metric(Metric m) {
    StringBuilder sb = new StringBuilder();
    Labels labels = m.labels();
    for (int i = 0; i < labels.size(); i++) {
      sb.append("label:<name:");
      quoteProto(sb, labels.name(i));
      sb.append(" value:");
      quoteProto(sb, labels.value(i));
      sb.append(" > ");
    }
    simple(sb, "gauge", m.gauge());
    Counter c = m.counter();
    if (c != null) {
      sb.append("counter:<").append(c.hasValue() ? "value:" + number(c.value()) + " " : "");
      sb.append("> ");
    }
    Summary s = m.summary();
    if (s != null) {
      sb.append("summary:<");
      if (s.hasSampleCount()) {
        sb.append("sample_count:").append(Long.toUnsignedString(s.sampleCount())).append(' ');
      }
      if (s.hasSampleSum()) {
        sb.append("sample_sum:").append(number(s.sampleSum())).append(' ');
      }
      for (Quantile q : s.quantiles()) {
        sb.append("quantile:<quantile:").append(number(q.quantile()));
        sb.append(" value:").append(number(q.value())).append(" > ");
      }
      sb.append("> ");
    }
    simple(sb, "untyped", m.untyped());
    Histogram h = m.histogram();
    if (h != null) {
      sb.append("histogram:<");
      if (h.has(Histogram.Field.SAMPLE_COUNT)) {
        sb.append("sample_count:").append(Long.toUnsignedString(h.sampleCount())).append(' ');
      }
      if (h.has(Histogram.Field.SAMPLE_SUM)) {
        sb.append("sample_sum:").append(number(h.sampleSum())).append(' ');
      }
      for (Bucket b : h.buckets()) {
        sb.append("bucket:<cumulative_count:").append(Long.toUnsignedString(b.cumulativeCount()));
        sb.append(" upper_bound:").append(number(b.upperBound())).append(" > ");
      }
      sb.append("> ");
    }
    Long ts = m.timestampMs();
    if (ts != null) {
      sb.append("timestamp_ms:").append(ts).append(' ');
    }
    return sb.toString();
  }

  private static void simple(StringBuilder sb, String field, @Nullable SimpleValue v) {
    if (v != null) {
      sb.append(field).append(":<");
      if (v.hasValue()) {
        sb.append("value:").append(number(v.value())).append(' ');
      }
      sb.append("> ");
    }
  }

  private static String number(double d) {
    if (Double.isNaN(d)) {
      return "nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    }
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    return Double.toString(d);
  }

  /** Protobuf text quoting: C escapes, bytes outside printable ASCII as octal. */
  private static void quoteProto(StringBuilder sb, String s) {
    sb.append('"');
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      switch (c) {
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        default -> {
          if (c >= 0x20 && c < 0x7F) {
            sb.append((char) c);
          } else {
            sb.append('\\').append(Integer.toOctalString(c | 0x200).substring(1));
          }
        }
      }
    }
    sb.append('"');
  }
}
