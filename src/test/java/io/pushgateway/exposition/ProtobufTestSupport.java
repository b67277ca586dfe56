package io.pushgateway.exposition;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.UnknownFieldSet;
import io.pushgateway.exposition.proto.Metrics;
import io.pushgateway.model.Bucket;
import io.pushgateway.model.BucketSpan;
import io.pushgateway.model.Counter;
import io.pushgateway.model.Exemplar;
import io.pushgateway.model.Histogram;
import io.pushgateway.model.Histogram.Field;
import io.pushgateway.model.Labels;
import io.pushgateway.model.Metric;
import io.pushgateway.model.MetricFamily;
import io.pushgateway.model.Quantile;
import io.pushgateway.model.SimpleValue;
import io.pushgateway.model.Summary;
import io.pushgateway.model.Utf8Order;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Builds protobuf bodies with the generated classes and renders models for comparison. */
final class ProtobufTestSupport {
  private ProtobufTestSupport() {}

  static byte[] delimited(Metrics.MetricFamily... families) {
    return delimited(List.of(families));
  }

  static byte[] delimited(List<Metrics.MetricFamily> families) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      for (Metrics.MetricFamily f : families) {
        f.writeDelimitedTo(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Prefixes a raw message body with its varint length. */
  static byte[] frame(byte[] message) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int n = message.length;
    while (n >= 0x80) {
      out.write((n & 0x7F) | 0x80);
      n >>>= 7;
    }
    out.write(n);
    out.writeBytes(message);
    return out.toByteArray();
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  /** Decodes a body with the generated parser. */
  static List<Metrics.MetricFamily> generatedParse(byte[] body) {
    ByteArrayInputStream in = new ByteArrayInputStream(body);
    List<Metrics.MetricFamily> result = new ArrayList<>();
    try {
      while (true) {
        Metrics.MetricFamily f = Metrics.MetricFamily.parseDelimitedFrom(in);
        if (f == null) {
          return result;
        }
        result.add(f);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * What the writer must produce for a body the parser accepted: the generated parser's result with
   * unknown fields dropped, label pairs completed, metric labels sorted by name, the last family of
   * each name kept (in body order), re-serialised by the generated classes.
   */
  static byte[] canonical(byte[] body) {
    Map<String, Metrics.MetricFamily> byName = new LinkedHashMap<>();
    for (Metrics.MetricFamily f : generatedParse(body)) {
      byName.remove(f.getName());
      byName.put(f.getName(), (Metrics.MetricFamily) normalise(f));
    }
    return delimited(new ArrayList<>(byName.values()));
  }

  private static Message normalise(Message m) {
    Message.Builder b = m.toBuilder();
    b.setUnknownFields(UnknownFieldSet.getDefaultInstance());
    for (Map.Entry<FieldDescriptor, Object> e : m.getAllFields().entrySet()) {
      FieldDescriptor fd = e.getKey();
      if (fd.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
        continue;
      }
      if (fd.isRepeated()) {
        List<?> values = (List<?>) e.getValue();
        for (int i = 0; i < values.size(); i++) {
          b.setRepeatedField(fd, i, normalise((Message) values.get(i)));
        }
      } else {
        b.setField(fd, normalise((Message) e.getValue()));
      }
    }
    if (b instanceof Metrics.LabelPair.Builder lp) {
      lp.setName(lp.getName()).setValue(lp.getValue());
    }
    if (b instanceof Metrics.Metric.Builder mb) {
      // The model sorts metric labels by name (stable), as Go's sanitisation does before storing.
      List<Metrics.LabelPair> labels = new ArrayList<>(mb.getLabelList());
      labels.sort(Comparator.comparing(Metrics.LabelPair::getName, Utf8Order.COMPARATOR));
      mb.clearLabel().addAllLabel(labels);
    }
    return b.build();
  }

  /** Writes families with the code under test. */
  static byte[] write(List<MetricFamily> families) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (MetricFamily f : families) {
      out.writeBytes(ProtobufWriter.toDelimitedBytes(f));
    }
    return out.toByteArray();
  }

  static Metrics.LabelPair label(String name, String value) {
    return Metrics.LabelPair.newBuilder().setName(name).setValue(value).build();
  }

  static com.google.protobuf.Timestamp ts(long seconds, int nanos) {
    return com.google.protobuf.Timestamp.newBuilder().setSeconds(seconds).setNanos(nanos).build();
  }

  // ---------------------------------------------------------------- model rendering

  /** Renders every field and presence flag of the model, doubles by their bits. */
  static String dump(List<MetricFamily> families) {
    StringBuilder sb = new StringBuilder();
    for (MetricFamily f : families) {
      sb.append("family ").append(f.name()).append(" help=").append(f.help());
      sb.append(" type=").append(f.type()).append(" unit=").append(f.unit()).append('\n');
      for (Metric m : f.metrics()) {
        dumpMetric(sb, m);
      }
    }
    return sb.toString();
  }

  private static void dumpMetric(StringBuilder sb, Metric m) {
    sb.append("  metric ").append(labels(m.labels())).append(" ts=").append(m.timestampMs());
    sb.append("\n    gauge=").append(simple(m.gauge()));
    sb.append("\n    untyped=").append(simple(m.untyped()));
    sb.append("\n    counter=").append(counter(m.counter()));
    sb.append("\n    summary=").append(summary(m.summary()));
    sb.append("\n    histogram=").append(histogram(m.histogram())).append('\n');
  }

  private static String labels(Labels l) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < l.size(); i++) {
      sb.append(l.name(i)).append('=').append(l.value(i)).append(';');
    }
    return sb.append(']').toString();
  }

  static String d(double v) {
    return v + "/" + Long.toHexString(Double.doubleToRawLongBits(v));
  }

  private static String simple(@Nullable SimpleValue v) {
    return v == null ? "null" : v.hasValue() ? d(v.value()) : "{}";
  }

  private static String counter(@Nullable Counter c) {
    if (c == null) {
      return "null";
    }
    return "{"
        + (c.hasValue() ? d(c.value()) : "-")
        + " ex="
        + exemplar(c.exemplar())
        + " created="
        + c.createdTimestamp()
        + "}";
  }

  private static String exemplar(@Nullable Exemplar e) {
    if (e == null) {
      return "null";
    }
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < e.labelCount(); i++) {
      sb.append(e.labelName(i)).append('=').append(e.labelValue(i)).append(';');
    }
    sb.append(e.hasValue() ? d(e.value()) : "-").append(' ').append(e.timestamp());
    return sb.append('}').toString();
  }

  private static String summary(@Nullable Summary s) {
    if (s == null) {
      return "null";
    }
    StringBuilder sb = new StringBuilder("{");
    sb.append(s.hasSampleCount() ? Long.toUnsignedString(s.sampleCount()) : "-").append(' ');
    sb.append(s.hasSampleSum() ? d(s.sampleSum()) : "-").append(" q=");
    for (Quantile q : s.quantiles()) {
      sb.append('(').append(q.hasQuantile() ? d(q.quantile()) : "-").append(',');
      sb.append(q.hasValue() ? d(q.value()) : "-").append(')');
    }
    return sb.append(" created=").append(s.createdTimestamp()).append('}').toString();
  }

  private static String histogram(@Nullable Histogram h) {
    if (h == null) {
      return "null";
    }
    StringBuilder sb = new StringBuilder("{");
    for (Field f : Field.values()) {
      sb.append(f).append('=').append(h.has(f) ? scalar(h, f) : "-").append(' ');
    }
    for (Bucket b : h.buckets()) {
      sb.append("b(").append(b.hasCumulativeCount() ? b.cumulativeCount() : "-").append(',');
      sb.append(b.hasCumulativeCountFloat() ? d(b.cumulativeCountFloat()) : "-").append(',');
      sb.append(b.hasUpperBound() ? d(b.upperBound()) : "-").append(',');
      sb.append(exemplar(b.exemplar())).append(") ");
    }
    sb.append("neg=").append(spans(h.negativeSpans()));
    sb.append(java.util.Arrays.toString(h.negativeDeltas()));
    sb.append(doubles(h.negativeCounts())).append(" pos=").append(spans(h.positiveSpans()));
    sb.append(java.util.Arrays.toString(h.positiveDeltas())).append(doubles(h.positiveCounts()));
    sb.append(" created=").append(h.createdTimestamp()).append(" ex=");
    for (Exemplar e : h.exemplars()) {
      sb.append(exemplar(e));
    }
    return sb.append('}').toString();
  }

  private static String scalar(Histogram h, Field f) {
    return switch (f) {
      case SAMPLE_COUNT -> Long.toUnsignedString(h.sampleCount());
      case SAMPLE_COUNT_FLOAT -> d(h.sampleCountFloat());
      case SAMPLE_SUM -> d(h.sampleSum());
      case SCHEMA -> Integer.toString(h.schema());
      case ZERO_THRESHOLD -> d(h.zeroThreshold());
      case ZERO_COUNT -> Long.toUnsignedString(h.zeroCount());
      case ZERO_COUNT_FLOAT -> d(h.zeroCountFloat());
    };
  }

  private static String spans(List<BucketSpan> spans) {
    StringBuilder sb = new StringBuilder();
    for (BucketSpan s : spans) {
      sb.append('(').append(s.hasOffset() ? s.offset() : "-").append(',');
      sb.append(s.hasLength() ? Integer.toUnsignedString(s.length()) : "-").append(')');
    }
    return sb.toString();
  }

  private static String doubles(double[] values) {
    StringBuilder sb = new StringBuilder("[");
    for (double v : values) {
      sb.append(d(v)).append(',');
    }
    return sb.append(']').toString();
  }
}
