package io.pushgateway.exposition;

import com.google.protobuf.CodedOutputStream;
import io.pushgateway.model.Metric;
import io.pushgateway.model.MetricFamily;
import io.pushgateway.model.MetricType;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Writes metric families for protobuf scrapes as varint-length-delimited {@code
 * io.prometheus.client.MetricFamily} messages, field for field as Go re-marshals what it stored:
 * fields in number order, every optional field exactly when the model says it was present (family
 * help, type and unit when not null). Label pairs are always written with name and value. Nothing
 * is validated: the family is written as given.
 */
public final class ProtobufWriter {
  private static final int MAX_BUFFER = 8192;

  private ProtobufWriter() {}

  /** Appends one varint-length-delimited MetricFamily. */
  public static void writeDelimited(MetricFamily family, OutputStream out) throws IOException {
    writeDelimited(
        family.name(), family.help(), family.type(), family.unit(), family.metrics(), out);
  }

  /**
   * Appends one varint-length-delimited MetricFamily made of the given parts; for families merged
   * from several groups. {@code metrics} is iterated twice (sizes first), in the same order.
   */
  public static void writeDelimited(
      String name,
      @Nullable String help,
      @Nullable MetricType type,
      @Nullable String unit,
      Iterable<Metric> metrics,
      OutputStream out)
      throws IOException {
    Sizes sizes = Sizes.of(metrics);
    int bodySize = ProtobufEncoder.familySize(name, help, type, unit, sizes.values, sizes.count);
    int total = CodedOutputStream.computeUInt32SizeNoTag(bodySize) + bodySize;
    CodedOutputStream coded = CodedOutputStream.newInstance(out, Math.min(total, MAX_BUFFER));
    coded.writeUInt32NoTag(bodySize);
    ProtobufEncoder.writeFamily(coded, name, help, type, unit, metrics, sizes.values);
    coded.flush();
  }

  /** One varint-length-delimited MetricFamily as bytes. */
  public static byte[] toDelimitedBytes(MetricFamily family) {
    Sizes sizes = Sizes.of(family.metrics());
    int bodySize =
        ProtobufEncoder.familySize(
            family.name(), family.help(), family.type(), family.unit(), sizes.values, sizes.count);
    byte[] bytes = new byte[CodedOutputStream.computeUInt32SizeNoTag(bodySize) + bodySize];
    CodedOutputStream coded = CodedOutputStream.newInstance(bytes);
    try {
      coded.writeUInt32NoTag(bodySize);
      ProtobufEncoder.writeFamily(
          coded,
          family.name(),
          family.help(),
          family.type(),
          family.unit(),
          family.metrics(),
          sizes.values);
      coded.checkNoSpaceLeft();
    } catch (IOException e) {
      throw new UncheckedIOException("size computation and encoding disagree", e);
    }
    return bytes;
  }

  /** The encoded size of each metric, computed once and used as its length prefix. */
  private static final class Sizes {
    final int[] values;
    final int count;

    private Sizes(int[] values, int count) {
      this.values = values;
      this.count = count;
    }

    static Sizes of(Iterable<Metric> metrics) {
      int[] values = new int[16];
      int count = 0;
      for (Metric metric : metrics) {
        if (count == values.length) {
          values = Arrays.copyOf(values, count * 2);
        }
        values[count++] = ProtobufEncoder.metricSize(metric);
      }
      return new Sizes(values, count);
    }
  }
}
