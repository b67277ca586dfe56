package io.pushgateway.exposition;

import static com.google.protobuf.CodedOutputStream.computeDoubleSize;
import static com.google.protobuf.CodedOutputStream.computeEnumSize;
import static com.google.protobuf.CodedOutputStream.computeInt32Size;
import static com.google.protobuf.CodedOutputStream.computeInt64Size;
import static com.google.protobuf.CodedOutputStream.computeStringSize;
import static com.google.protobuf.CodedOutputStream.computeTagSize;
import static com.google.protobuf.CodedOutputStream.computeUInt32SizeNoTag;
import static com.google.protobuf.CodedOutputStream.computeUInt64Size;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import io.pushgateway.model.Counter;
import io.pushgateway.model.Exemplar;
import io.pushgateway.model.Histogram;
import io.pushgateway.model.Labels;
import io.pushgateway.model.Metric;
import io.pushgateway.model.MetricType;
import io.pushgateway.model.Quantile;
import io.pushgateway.model.SimpleValue;
import io.pushgateway.model.Summary;
import io.pushgateway.model.Timestamp;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * Encodes the model as client_model messages directly on a {@link CodedOutputStream}, without
 * building protobuf objects: fields in field-number order, optional fields only when present, as
 * the generated classes (and Go) serialise them. Every message's size is computed before it is
 * written, since it precedes the message as its length.
 */
final class ProtobufEncoder {
  private ProtobufEncoder() {}

  /** The size of a family message whose metrics have the given (precomputed) sizes. */
  static int familySize(
      String name,
      @Nullable String help,
      @Nullable MetricType type,
      @Nullable String unit,
      int[] metricSizes,
      int metricCount) {
    int size = computeStringSize(1, name);
    if (help != null) {
      size += computeStringSize(2, help);
    }
    if (type != null) {
      size += computeEnumSize(3, type.number());
    }
    for (int i = 0; i < metricCount; i++) {
      size += nestedSize(4, metricSizes[i]);
    }
    if (unit != null) {
      size += computeStringSize(5, unit);
    }
    return size;
  }

  /** Writes a family message's fields; {@code metricSizes} come from {@link #metricSize}. */
  static void writeFamily(
      CodedOutputStream out,
      String name,
      @Nullable String help,
      @Nullable MetricType type,
      @Nullable String unit,
      Iterable<Metric> metrics,
      int[] metricSizes)
      throws IOException {
    out.writeString(1, name);
    if (help != null) {
      out.writeString(2, help);
    }
    if (type != null) {
      out.writeEnum(3, type.number());
    }
    int i = 0;
    for (Metric metric : metrics) {
      writeHeader(out, 4, metricSizes[i++]);
      writeMetric(out, metric);
    }
    if (unit != null) {
      out.writeString(5, unit);
    }
  }

  static int nestedSize(int field, int size) {
    return computeTagSize(field) + computeUInt32SizeNoTag(size) + size;
  }

  static void writeHeader(CodedOutputStream out, int field, int size) throws IOException {
    out.writeTag(field, WireFormat.WIRETYPE_LENGTH_DELIMITED);
    out.writeUInt32NoTag(size);
  }

  static int metricSize(Metric m) {
    int size = labelsSize(1, m.labels());
    SimpleValue gauge = m.gauge();
    Counter counter = m.counter();
    Summary summary = m.summary();
    SimpleValue untyped = m.untyped();
    Long timestampMs = m.timestampMs();
    Histogram histogram = m.histogram();
    size += gauge == null ? 0 : nestedSize(2, simpleValueSize(gauge));
    size += counter == null ? 0 : nestedSize(3, counterSize(counter));
    size += summary == null ? 0 : nestedSize(4, summarySize(summary));
    size += untyped == null ? 0 : nestedSize(5, simpleValueSize(untyped));
    size += timestampMs == null ? 0 : computeInt64Size(6, timestampMs);
    size += histogram == null ? 0 : nestedSize(7, ProtobufHistogramEncoder.size(histogram));
    return size;
  }

  static void writeMetric(CodedOutputStream out, Metric m) throws IOException {
    Labels labels = m.labels();
    for (int i = 0; i < labels.size(); i++) {
      writeLabelPair(out, 1, labels.name(i), labels.value(i));
    }
    SimpleValue gauge = m.gauge();
    if (gauge != null) {
      writeHeader(out, 2, simpleValueSize(gauge));
      writeSimpleValue(out, gauge);
    }
    Counter counter = m.counter();
    if (counter != null) {
      writeHeader(out, 3, counterSize(counter));
      writeCounter(out, counter);
    }
    writeMetricRest(out, m);
  }

  private static void writeMetricRest(CodedOutputStream out, Metric m) throws IOException {
    Summary summary = m.summary();
    if (summary != null) {
      writeHeader(out, 4, summarySize(summary));
      writeSummary(out, summary);
    }
    SimpleValue untyped = m.untyped();
    if (untyped != null) {
      writeHeader(out, 5, simpleValueSize(untyped));
      writeSimpleValue(out, untyped);
    }
    Long timestampMs = m.timestampMs();
    if (timestampMs != null) {
      out.writeInt64(6, timestampMs);
    }
    Histogram histogram = m.histogram();
    if (histogram != null) {
      writeHeader(out, 7, ProtobufHistogramEncoder.size(histogram));
      ProtobufHistogramEncoder.write(out, histogram);
    }
  }

  private static int labelsSize(int field, Labels labels) {
    int size = 0;
    for (int i = 0; i < labels.size(); i++) {
      size += nestedSize(field, labelPairSize(labels.name(i), labels.value(i)));
    }
    return size;
  }

  private static int labelPairSize(String name, String value) {
    return computeStringSize(1, name) + computeStringSize(2, value);
  }

  private static void writeLabelPair(CodedOutputStream out, int field, String name, String value)
      throws IOException {
    writeHeader(out, field, labelPairSize(name, value));
    out.writeString(1, name);
    out.writeString(2, value);
  }

  private static int simpleValueSize(SimpleValue v) {
    return v.hasValue() ? computeDoubleSize(1, v.value()) : 0;
  }

  private static void writeSimpleValue(CodedOutputStream out, SimpleValue v) throws IOException {
    if (v.hasValue()) {
      out.writeDouble(1, v.value());
    }
  }

  private static int counterSize(Counter c) {
    Exemplar exemplar = c.exemplar();
    Timestamp created = c.createdTimestamp();
    int size = c.hasValue() ? computeDoubleSize(1, c.value()) : 0;
    size += exemplar == null ? 0 : nestedSize(2, exemplarSize(exemplar));
    size += created == null ? 0 : nestedSize(3, timestampSize(created));
    return size;
  }

  private static void writeCounter(CodedOutputStream out, Counter c) throws IOException {
    if (c.hasValue()) {
      out.writeDouble(1, c.value());
    }
    writeExemplar(out, 2, c.exemplar());
    writeTimestamp(out, 3, c.createdTimestamp());
  }

  private static int summarySize(Summary s) {
    int size = s.hasSampleCount() ? computeUInt64Size(1, s.sampleCount()) : 0;
    size += s.hasSampleSum() ? computeDoubleSize(2, s.sampleSum()) : 0;
    for (Quantile q : s.quantiles()) {
      size += nestedSize(3, quantileSize(q));
    }
    Timestamp created = s.createdTimestamp();
    return size + (created == null ? 0 : nestedSize(4, timestampSize(created)));
  }

  private static void writeSummary(CodedOutputStream out, Summary s) throws IOException {
    if (s.hasSampleCount()) {
      out.writeUInt64(1, s.sampleCount());
    }
    if (s.hasSampleSum()) {
      out.writeDouble(2, s.sampleSum());
    }
    for (Quantile q : s.quantiles()) {
      writeHeader(out, 3, quantileSize(q));
      if (q.hasQuantile()) {
        out.writeDouble(1, q.quantile());
      }
      if (q.hasValue()) {
        out.writeDouble(2, q.value());
      }
    }
    writeTimestamp(out, 4, s.createdTimestamp());
  }

  private static int quantileSize(Quantile q) {
    return (q.hasQuantile() ? computeDoubleSize(1, q.quantile()) : 0)
        + (q.hasValue() ? computeDoubleSize(2, q.value()) : 0);
  }

  static int exemplarSize(Exemplar e) {
    int size = 0;
    for (int i = 0; i < e.labelCount(); i++) {
      size += nestedSize(1, labelPairSize(e.labelName(i), e.labelValue(i)));
    }
    size += e.hasValue() ? computeDoubleSize(2, e.value()) : 0;
    Timestamp timestamp = e.timestamp();
    return size + (timestamp == null ? 0 : nestedSize(3, timestampSize(timestamp)));
  }

  /** Writes an exemplar as field {@code field}, if there is one. */
  static void writeExemplar(CodedOutputStream out, int field, @Nullable Exemplar e)
      throws IOException {
    if (e == null) {
      return;
    }
    writeHeader(out, field, exemplarSize(e));
    for (int i = 0; i < e.labelCount(); i++) {
      writeLabelPair(out, 1, e.labelName(i), e.labelValue(i));
    }
    if (e.hasValue()) {
      out.writeDouble(2, e.value());
    }
    writeTimestamp(out, 3, e.timestamp());
  }

  /** The size of a google.protobuf.Timestamp (proto3: zero fields are not written). */
  static int timestampSize(Timestamp t) {
    return (t.seconds() == 0 ? 0 : computeInt64Size(1, t.seconds()))
        + (t.nanos() == 0 ? 0 : computeInt32Size(2, t.nanos()));
  }

  /** Writes a timestamp as field {@code field}, if there is one. */
  static void writeTimestamp(CodedOutputStream out, int field, @Nullable Timestamp t)
      throws IOException {
    if (t == null) {
      return;
    }
    writeHeader(out, field, timestampSize(t));
    if (t.seconds() != 0) {
      out.writeInt64(1, t.seconds());
    }
    if (t.nanos() != 0) {
      out.writeInt32(2, t.nanos());
    }
  }
}
