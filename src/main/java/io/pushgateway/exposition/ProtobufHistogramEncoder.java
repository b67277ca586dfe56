package io.pushgateway.exposition;

import static com.google.protobuf.CodedOutputStream.computeDoubleSize;
import static com.google.protobuf.CodedOutputStream.computeSInt32Size;
import static com.google.protobuf.CodedOutputStream.computeSInt64Size;
import static com.google.protobuf.CodedOutputStream.computeUInt32Size;
import static com.google.protobuf.CodedOutputStream.computeUInt64Size;
import static io.pushgateway.exposition.ProtobufEncoder.exemplarSize;
import static io.pushgateway.exposition.ProtobufEncoder.nestedSize;
import static io.pushgateway.exposition.ProtobufEncoder.timestampSize;
import static io.pushgateway.exposition.ProtobufEncoder.writeExemplar;
import static io.pushgateway.exposition.ProtobufEncoder.writeHeader;
import static io.pushgateway.exposition.ProtobufEncoder.writeTimestamp;

import com.google.protobuf.CodedOutputStream;
import io.pushgateway.model.Bucket;
import io.pushgateway.model.BucketSpan;
import io.pushgateway.model.Exemplar;
import io.pushgateway.model.Histogram;
import io.pushgateway.model.Histogram.Field;
import io.pushgateway.model.Timestamp;
import java.io.IOException;
import java.util.List;

/**
 * Encodes the {@code Histogram} message for {@link ProtobufEncoder}: fields 1 to 16 in number
 * order, repeated numbers unpacked (client_model declares them without {@code packed}).
 */
final class ProtobufHistogramEncoder {
  private ProtobufHistogramEncoder() {}

  static int size(Histogram h) {
    int size = h.has(Field.SAMPLE_COUNT) ? computeUInt64Size(1, h.sampleCount()) : 0;
    size += h.has(Field.SAMPLE_SUM) ? computeDoubleSize(2, h.sampleSum()) : 0;
    for (Bucket b : h.buckets()) {
      size += nestedSize(3, bucketSize(b));
    }
    size += h.has(Field.SAMPLE_COUNT_FLOAT) ? computeDoubleSize(4, h.sampleCountFloat()) : 0;
    size += h.has(Field.SCHEMA) ? computeSInt32Size(5, h.schema()) : 0;
    size += h.has(Field.ZERO_THRESHOLD) ? computeDoubleSize(6, h.zeroThreshold()) : 0;
    size += h.has(Field.ZERO_COUNT) ? computeUInt64Size(7, h.zeroCount()) : 0;
    size += h.has(Field.ZERO_COUNT_FLOAT) ? computeDoubleSize(8, h.zeroCountFloat()) : 0;
    size += spansSize(9, h.negativeSpans());
    for (int i = 0; i < h.negativeDeltaCount(); i++) {
      size += computeSInt64Size(10, h.negativeDelta(i));
    }
    size += h.negativeCountCount() * computeDoubleSize(11, 0);
    size += spansSize(12, h.positiveSpans());
    for (int i = 0; i < h.positiveDeltaCount(); i++) {
      size += computeSInt64Size(13, h.positiveDelta(i));
    }
    size += h.positiveCountCount() * computeDoubleSize(14, 0);
    Timestamp created = h.createdTimestamp();
    size += created == null ? 0 : nestedSize(15, timestampSize(created));
    for (Exemplar e : h.exemplars()) {
      size += nestedSize(16, exemplarSize(e));
    }
    return size;
  }

  static void write(CodedOutputStream out, Histogram h) throws IOException {
    if (h.has(Field.SAMPLE_COUNT)) {
      out.writeUInt64(1, h.sampleCount());
    }
    if (h.has(Field.SAMPLE_SUM)) {
      out.writeDouble(2, h.sampleSum());
    }
    for (Bucket b : h.buckets()) {
      writeBucket(out, b);
    }
    writeNativeScalars(out, h);
    writeSpans(out, 9, h.negativeSpans());
    for (int i = 0; i < h.negativeDeltaCount(); i++) {
      out.writeSInt64(10, h.negativeDelta(i));
    }
    for (int i = 0; i < h.negativeCountCount(); i++) {
      out.writeDouble(11, h.negativeCount(i));
    }
    writeSpans(out, 12, h.positiveSpans());
    for (int i = 0; i < h.positiveDeltaCount(); i++) {
      out.writeSInt64(13, h.positiveDelta(i));
    }
    for (int i = 0; i < h.positiveCountCount(); i++) {
      out.writeDouble(14, h.positiveCount(i));
    }
    writeTimestamp(out, 15, h.createdTimestamp());
    for (Exemplar e : h.exemplars()) {
      writeExemplar(out, 16, e);
    }
  }

  /** Fields 4 to 8. */
  private static void writeNativeScalars(CodedOutputStream out, Histogram h) throws IOException {
    if (h.has(Field.SAMPLE_COUNT_FLOAT)) {
      out.writeDouble(4, h.sampleCountFloat());
    }
    if (h.has(Field.SCHEMA)) {
      out.writeSInt32(5, h.schema());
    }
    if (h.has(Field.ZERO_THRESHOLD)) {
      out.writeDouble(6, h.zeroThreshold());
    }
    if (h.has(Field.ZERO_COUNT)) {
      out.writeUInt64(7, h.zeroCount());
    }
    if (h.has(Field.ZERO_COUNT_FLOAT)) {
      out.writeDouble(8, h.zeroCountFloat());
    }
  }

  private static int bucketSize(Bucket b) {
    int size = b.hasCumulativeCount() ? computeUInt64Size(1, b.cumulativeCount()) : 0;
    size += b.hasUpperBound() ? computeDoubleSize(2, b.upperBound()) : 0;
    Exemplar exemplar = b.exemplar();
    size += exemplar == null ? 0 : nestedSize(3, exemplarSize(exemplar));
    return size + (b.hasCumulativeCountFloat() ? computeDoubleSize(4, 0) : 0);
  }

  private static void writeBucket(CodedOutputStream out, Bucket b) throws IOException {
    writeHeader(out, 3, bucketSize(b));
    if (b.hasCumulativeCount()) {
      out.writeUInt64(1, b.cumulativeCount());
    }
    if (b.hasUpperBound()) {
      out.writeDouble(2, b.upperBound());
    }
    writeExemplar(out, 3, b.exemplar());
    if (b.hasCumulativeCountFloat()) {
      out.writeDouble(4, b.cumulativeCountFloat());
    }
  }

  private static int spanSize(BucketSpan s) {
    return (s.hasOffset() ? computeSInt32Size(1, s.offset()) : 0)
        + (s.hasLength() ? computeUInt32Size(2, s.length()) : 0);
  }

  private static int spansSize(int field, List<BucketSpan> spans) {
    int size = 0;
    for (BucketSpan s : spans) {
      size += nestedSize(field, spanSize(s));
    }
    return size;
  }

  private static void writeSpans(CodedOutputStream out, int field, List<BucketSpan> spans)
      throws IOException {
    for (BucketSpan s : spans) {
      writeHeader(out, field, spanSize(s));
      if (s.hasOffset()) {
        out.writeSInt32(1, s.offset());
      }
      if (s.hasLength()) {
        out.writeUInt32(2, s.length());
      }
    }
  }
}
