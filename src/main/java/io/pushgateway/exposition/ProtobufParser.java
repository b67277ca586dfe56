package io.pushgateway.exposition;

import io.pushgateway.model.MetricFamily;
import io.pushgateway.model.SeriesLabeler;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Parses a protobuf push body: varint-length-delimited {@code io.prometheus.client.MetricFamily}
 * messages, decoded into the model with the presence of every optional field kept.
 *
 * <p>Errors, all-or-nothing (nothing of a body with an error is returned), worded as the Go
 * Pushgateway 1.5.1 words them:
 *
 * <ul>
 *   <li>a message or length prefix cut off by the end of the body, a length pointing past the end
 *       of the body or of the enclosing message, a varint longer than ten bytes: {@code unexpected
 *       EOF} (Go accepts a body that ends inside a length prefix, or right after a non-zero one, as
 *       if it ended cleanly; this parser does not);
 *   <li>a length prefix longer than five bytes: {@code invalid varint32 encountered};
 *   <li>field number 0: {@code proto: io_prometheus_client.Metric: illegal tag 0 (wire type 2)};
 *   <li>an end-group tag or wire type 6 or 7 where a field is expected: {@code proto: can't skip
 *       unknown wire type 7}.
 * </ul>
 *
 * <p>Deliberate deviations (the Go Pushgateway accepts these and then stores data that breaks its
 * scrapes or fails its consistency check): a family with an empty or missing name, a family name
 * with a space or control character (a newline in it would inject lines into the scrape), invalid
 * UTF-8 in any string (family name, help, unit, label names and values, exemplar labels), and a
 * {@code type} that is not a known {@code MetricType} are rejected with a message naming the family
 * and, where relevant, the label, e.g. {@code metric family "m" has a label named "x" whose value
 * is not utf8: "\xff"}. Wire errors anywhere in the body take precedence over these.
 *
 * <p>Unknown fields, and fields with a wire type that does not match their declaration, are skipped
 * and dropped (Go keeps unknown fields and re-emits them). A family without {@code type} has type
 * null (a counter); help and unit are null when absent and "" when present but empty. Metric labels
 * are sorted by name with duplicates kept; {@code timestamp_ms} is kept for the store to reject.
 *
 * <p>When several messages carry the same family name the last one wins; the result lists the
 * surviving messages in body order.
 */
public final class ProtobufParser {
  private ProtobufParser() {}

  /** Parses a whole body. */
  public static List<MetricFamily> parse(byte[] body) {
    return parse(body, 0, body.length);
  }

  /**
   * Parses {@code length} bytes of {@code body} from {@code offset}.
   *
   * @throws ParseException if the body is malformed or violates a rule above
   */
  public static List<MetricFamily> parse(byte[] body, int offset, int length)
      throws ParseException {
    return parse(body, offset, length, ParseLimits.NONE);
  }

  /**
   * Like {@link #parse(byte[], int, int)}, and stops as soon as the body exceeds one of the {@code
   * limits}.
   *
   * @throws PushLimitException if the body exceeds a limit (checked as the body is decoded, so a
   *     wire error after that point is not reported)
   */
  public static List<MetricFamily> parse(byte[] body, int offset, int length, ParseLimits limits)
      throws ParseException {
    return parse(body, offset, length, limits, SeriesLabeler.AS_READ);
  }

  /**
   * Like {@link #parse(byte[], int, int, ParseLimits)}, and replaces the labels of each series by
   * {@code seriesLabels} of their pairs as the series is decoded (a push adds its grouping labels
   * so), which saves a second copy of every series of a large body.
   */
  public static List<MetricFamily> parse(
      byte[] body, int offset, int length, ParseLimits limits, SeriesLabeler seriesLabels)
      throws ParseException {
    Objects.checkFromIndexSize(offset, length, body.length);
    try {
      return parseMessages(new ProtobufWire(body, offset, length), limits, seriesLabels);
    } catch (IOException e) {
      throw new ParseException(ProtobufWire.UNEXPECTED_EOF);
    }
  }

  private static List<MetricFamily> parseMessages(
      ProtobufWire wire, ParseLimits limits, SeriesLabeler seriesLabels) throws IOException {
    ProtobufDecoder decoder = new ProtobufDecoder(wire, limits, seriesLabels);
    Map<String, MetricFamily> byName = new LinkedHashMap<>();
    @Nullable String firstProblem = null;
    for (int number = 1; !wire.atEnd(); number++) {
      int oldLimit = wire.enterMessage(readMessageLength(wire));
      MetricFamily family = decoder.decodeFamily(number);
      wire.exitMessage(oldLimit);
      if (firstProblem == null) {
        firstProblem = decoder.problem();
      }
      // Remove first so that the survivor takes its own position, not the first occurrence's.
      byName.remove(family.name());
      byName.put(family.name(), family);
    }
    if (firstProblem != null) {
      throw new ParseException(firstProblem);
    }
    return List.copyOf(byName.values());
  }

  /** Reads a length prefix the way Go's pbutil.ReadDelimited does: at most five bytes. */
  private static int readMessageLength(ProtobufWire wire) throws IOException {
    long length = 0;
    for (int i = 0; ; i++) {
      if (i == 5) {
        throw new ParseException("invalid varint32 encountered");
      }
      if (wire.atEnd()) {
        throw new ParseException(ProtobufWire.UNEXPECTED_EOF);
      }
      byte b = wire.readRawByte();
      length |= (long) (b & 0x7F) << (7 * i);
      if (b >= 0) {
        break;
      }
    }
    if (length > wire.bytesUntilLimit()) {
      throw new ParseException(ProtobufWire.UNEXPECTED_EOF);
    }
    return (int) length;
  }
}
