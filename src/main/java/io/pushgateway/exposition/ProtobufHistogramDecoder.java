package io.pushgateway.exposition;

import static io.pushgateway.exposition.ProtobufWire.FIXED64;
import static io.pushgateway.exposition.ProtobufWire.LEN;
import static io.pushgateway.exposition.ProtobufWire.VARINT;
import static io.pushgateway.exposition.ProtobufWire.is;

import io.pushgateway.model.Bucket;
import io.pushgateway.model.BucketSpan;
import io.pushgateway.model.Exemplar;
import io.pushgateway.model.Histogram;
import io.pushgateway.model.Timestamp;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Decodes the {@code Histogram} message (classic buckets and the native representation) for {@link
 * ProtobufDecoder}. Repeated numbers are accepted packed and unpacked, as every protobuf decoder
 * must.
 */
final class ProtobufHistogramDecoder {
  private final ProtobufWire wire;
  private final ProtobufDecoder messages;

  ProtobufHistogramDecoder(ProtobufWire wire, ProtobufDecoder messages) {
    this.wire = wire;
    this.messages = messages;
  }

  /** Decodes a histogram, continuing from {@code previous} when the field occurs again. */
  Histogram decode(@Nullable Histogram previous) throws IOException {
    int oldLimit = wire.enterMessage();
    State s = new State(previous);
    while (!wire.atEnd()) {
      long tag = wire.readTag("io_prometheus_client.Histogram");
      if (!decodeScalar(tag, s.builder) && !decodeRepeated(tag, s)) {
        if (is(tag, 15, LEN)) {
          s.created = messages.decodeTimestamp(s.created);
        } else {
          wire.skipField(tag);
        }
      }
    }
    wire.exitMessage(oldLimit);
    return s.build();
  }

  private boolean decodeScalar(long tag, Histogram.Builder b) throws IOException {
    if (is(tag, 1, VARINT)) {
      b.sampleCount(wire.readVarint64());
    } else if (is(tag, 2, FIXED64)) {
      b.sampleSum(wire.readDouble());
    } else if (is(tag, 4, FIXED64)) {
      b.sampleCountFloat(wire.readDouble());
    } else if (is(tag, 5, VARINT)) {
      b.schema(wire.readSInt32());
    } else if (is(tag, 6, FIXED64)) {
      b.zeroThreshold(wire.readDouble());
    } else if (is(tag, 7, VARINT)) {
      b.zeroCount(wire.readVarint64());
    } else if (is(tag, 8, FIXED64)) {
      b.zeroCountFloat(wire.readDouble());
    } else {
      return false;
    }
    return true;
  }

  private boolean decodeRepeated(long tag, State s) throws IOException {
    if (is(tag, 3, LEN)) {
      s.buckets.add(decodeBucket());
    } else if (is(tag, 9, LEN)) {
      s.negativeSpans.add(decodeSpan());
    } else if (is(tag, 12, LEN)) {
      s.positiveSpans.add(decodeSpan());
    } else if (is(tag, 16, LEN)) {
      s.exemplars.add(messages.decodeExemplar(null));
    } else {
      return decodeNumbers(tag, s);
    }
    return true;
  }

  /** The delta and count lists, packed or not; false for any other field. */
  private boolean decodeNumbers(long tag, State s) throws IOException {
    long number = tag >>> 3;
    boolean packed = ProtobufWire.wireType(tag) == LEN;
    if (number == 10 || number == 13) {
      Longs into = number == 10 ? s.negativeDeltas : s.positiveDeltas;
      if (packed) {
        decodePackedDeltas(into);
        return true;
      } else if (ProtobufWire.wireType(tag) == VARINT) {
        into.add(wire.readSInt64());
        return true;
      }
    } else if (number == 11 || number == 14) {
      Doubles into = number == 11 ? s.negativeCounts : s.positiveCounts;
      if (packed) {
        decodePackedCounts(into);
        return true;
      } else if (ProtobufWire.wireType(tag) == FIXED64) {
        into.add(wire.readDouble());
        return true;
      }
    }
    return false;
  }

  private void decodePackedDeltas(Longs into) throws IOException {
    int oldLimit = wire.enterMessage();
    while (!wire.atEnd()) {
      into.add(wire.readSInt64());
    }
    wire.exitMessage(oldLimit);
  }

  private void decodePackedCounts(Doubles into) throws IOException {
    int oldLimit = wire.enterMessage();
    while (!wire.atEnd()) {
      into.add(wire.readDouble());
    }
    wire.exitMessage(oldLimit);
  }

  private Bucket decodeBucket() throws IOException {
    int oldLimit = wire.enterMessage();
    long count = 0;
    boolean hasCount = false;
    double countFloat = 0;
    boolean hasCountFloat = false;
    double upperBound = 0;
    boolean hasUpperBound = false;
    Exemplar exemplar = null;
    while (!wire.atEnd()) {
      long tag = wire.readTag("io_prometheus_client.Bucket");
      if (is(tag, 1, VARINT)) {
        count = wire.readVarint64();
        hasCount = true;
      } else if (is(tag, 2, FIXED64)) {
        upperBound = wire.readDouble();
        hasUpperBound = true;
      } else if (is(tag, 3, LEN)) {
        exemplar = messages.decodeExemplar(exemplar);
      } else if (is(tag, 4, FIXED64)) {
        countFloat = wire.readDouble();
        hasCountFloat = true;
      } else {
        wire.skipField(tag);
      }
    }
    wire.exitMessage(oldLimit);
    return new Bucket(
        count, hasCount, countFloat, hasCountFloat, upperBound, hasUpperBound, exemplar);
  }

  private BucketSpan decodeSpan() throws IOException {
    int oldLimit = wire.enterMessage();
    int offset = 0;
    boolean hasOffset = false;
    int length = 0;
    boolean hasLength = false;
    while (!wire.atEnd()) {
      long tag = wire.readTag("io_prometheus_client.BucketSpan");
      if (is(tag, 1, VARINT)) {
        offset = wire.readSInt32();
        hasOffset = true;
      } else if (is(tag, 2, VARINT)) {
        length = wire.readVarint32();
        hasLength = true;
      } else {
        wire.skipField(tag);
      }
    }
    wire.exitMessage(oldLimit);
    return new BucketSpan(offset, hasOffset, length, hasLength);
  }

  /** The histogram decoded so far; starts from an earlier occurrence of the same field. */
  private static final class State {
    final Histogram.Builder builder = Histogram.builder();
    final List<Bucket> buckets = new ArrayList<>();
    final List<BucketSpan> negativeSpans = new ArrayList<>();
    final List<BucketSpan> positiveSpans = new ArrayList<>();
    final List<Exemplar> exemplars = new ArrayList<>();
    final Longs negativeDeltas = new Longs();
    final Longs positiveDeltas = new Longs();
    final Doubles negativeCounts = new Doubles();
    final Doubles positiveCounts = new Doubles();
    @Nullable Timestamp created;

    State(@Nullable Histogram previous) {
      if (previous != null) {
        copyScalars(previous, builder);
        buckets.addAll(previous.buckets());
        negativeSpans.addAll(previous.negativeSpans());
        positiveSpans.addAll(previous.positiveSpans());
        exemplars.addAll(previous.exemplars());
        negativeDeltas.addAll(previous.negativeDeltas());
        positiveDeltas.addAll(previous.positiveDeltas());
        negativeCounts.addAll(previous.negativeCounts());
        positiveCounts.addAll(previous.positiveCounts());
        created = previous.createdTimestamp();
      }
    }

    private static void copyScalars(Histogram h, Histogram.Builder b) {
      if (h.has(Histogram.Field.SAMPLE_COUNT)) {
        b.sampleCount(h.sampleCount());
      }
      if (h.has(Histogram.Field.SAMPLE_COUNT_FLOAT)) {
        b.sampleCountFloat(h.sampleCountFloat());
      }
      if (h.has(Histogram.Field.SAMPLE_SUM)) {
        b.sampleSum(h.sampleSum());
      }
      if (h.has(Histogram.Field.SCHEMA)) {
        b.schema(h.schema());
      }
      if (h.has(Histogram.Field.ZERO_THRESHOLD)) {
        b.zeroThreshold(h.zeroThreshold());
      }
      if (h.has(Histogram.Field.ZERO_COUNT)) {
        b.zeroCount(h.zeroCount());
      }
      if (h.has(Histogram.Field.ZERO_COUNT_FLOAT)) {
        b.zeroCountFloat(h.zeroCountFloat());
      }
    }

    Histogram build() {
      return builder
          .buckets(buckets)
          .negativeSpans(negativeSpans)
          .positiveSpans(positiveSpans)
          .exemplars(exemplars)
          .negativeDeltas(negativeDeltas.toArray())
          .positiveDeltas(positiveDeltas.toArray())
          .negativeCounts(negativeCounts.toArray())
          .positiveCounts(positiveCounts.toArray())
          .createdTimestamp(created)
          .build();
    }
  }

  /** A growable list of longs. */
  private static final class Longs {
    private long[] values = new long[0];
    private int size;

    void add(long v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, Math.max(8, size * 2));
      }
      values[size++] = v;
    }

    void addAll(long[] vs) {
      for (long v : vs) {
        add(v);
      }
    }

    long[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }

  /** A growable list of doubles. */
  private static final class Doubles {
    private double[] values = new double[0];
    private int size;

    void add(double v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, Math.max(8, size * 2));
      }
      values[size++] = v;
    }

    void addAll(double[] vs) {
      for (double v : vs) {
        add(v);
      }
    }

    double[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }
}
