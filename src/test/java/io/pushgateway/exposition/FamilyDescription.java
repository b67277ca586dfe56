package io.pushgateway.exposition;

import io.pushgateway.model.Bucket;
import io.pushgateway.model.Counter;
import io.pushgateway.model.Exemplar;
import io.pushgateway.model.Histogram;
import io.pushgateway.model.Labels;
import io.pushgateway.model.Metric;
import io.pushgateway.model.MetricFamily;
import java.util.Arrays;
import java.util.List;

/**
 * Families as one unambiguous text, field by field (the model's {@link Metric} has identity
 * equality): two lists of families are equal exactly when their descriptions are.
 */
final class FamilyDescription {
  private FamilyDescription() {}

  static String of(List<MetricFamily> families) {
    StringBuilder sb = new StringBuilder();
    for (MetricFamily f : families) {
      sb.append("family ").append(quote(f.name())).append(" help=").append(quote(f.help()));
      sb.append(" type=").append(f.type()).append(" unit=").append(quote(f.unit())).append('\n');
      for (Metric m : f.metrics()) {
        sb.append("  ").append(labels(m.labels())).append(" ts=").append(m.timestampMs());
        sb.append(" gauge=").append(m.gauge()).append(" counter=").append(counter(m.counter()));
        sb.append(" untyped=").append(m.untyped()).append(" summary=").append(m.summary());
        sb.append(" histogram=").append(histogram(m.histogram())).append('\n');
      }
    }
    return sb.toString();
  }

  private static String labels(Labels labels) {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < labels.size(); i++) {
      sb.append(quote(labels.name(i))).append('=').append(quote(labels.value(i))).append(',');
    }
    return sb.append('}').toString();
  }

  private static String histogram(Histogram h) {
    if (h == null) {
      return "null";
    }
    StringBuilder sb = new StringBuilder("{");
    for (Histogram.Field field : Histogram.Field.values()) {
      sb.append(field).append('=').append(h.has(field)).append(' ');
    }
    sb.append(h.sampleCount()).append(' ').append(h.sampleCountFloat()).append(' ');
    sb.append(h.sampleSum()).append(' ');
    for (Bucket b : h.buckets()) {
      sb.append(
              new Bucket(
                  b.cumulativeCount(),
                  b.hasCumulativeCount(),
                  b.cumulativeCountFloat(),
                  b.hasCumulativeCountFloat(),
                  b.upperBound(),
                  b.hasUpperBound(),
                  null))
          .append(exemplar(b.exemplar()));
    }
    sb.append(h.createdTimestamp()).append(' ').append(h.schema()).append(' ');
    sb.append(h.zeroThreshold()).append(' ').append(h.zeroCount()).append(' ');
    sb.append(h.zeroCountFloat()).append(' ').append(h.negativeSpans()).append(' ');
    sb.append(Arrays.toString(h.negativeDeltas())).append(Arrays.toString(h.negativeCounts()));
    sb.append(h.positiveSpans()).append(Arrays.toString(h.positiveDeltas()));
    sb.append(Arrays.toString(h.positiveCounts())).append(" exemplars=");
    for (Exemplar e : h.exemplars()) {
      sb.append(exemplar(e));
    }
    return sb.append('}').toString();
  }

  private static String counter(Counter c) {
    return c == null
        ? "null"
        : new Counter(c.value(), c.hasValue(), null, c.createdTimestamp()) + exemplar(c.exemplar());
  }

  private static String exemplar(Exemplar e) {
    if (e == null) {
      return "-";
    }
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < e.labelCount(); i++) {
      sb.append(quote(e.labelName(i))).append('=').append(quote(e.labelValue(i))).append(',');
    }
    return sb.append(e.value()).append(e.hasValue()).append(e.timestamp()).append(']').toString();
  }

  private static String quote(String s) {
    return s == null ? "null" : '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
