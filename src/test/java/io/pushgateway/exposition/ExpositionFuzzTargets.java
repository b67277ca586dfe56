package io.pushgateway.exposition;

import io.pushgateway.exposition.proto.Metrics;
import io.pushgateway.model.MetricFamily;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzz targets for the push body parsers, shared by the property tests (short run in {@code
 * ./test}) and the coverage-guided fuzzers ({@code bench/fuzz-long}). Each takes arbitrary bytes
 * and throws {@link AssertionError} when an invariant breaks; any other exception escaping is a
 * finding too.
 *
 * <p>Invariants: the parser returns families or throws {@link ParseException} with a message; what
 * it returns survives writing and parsing again unchanged (text through {@link TextWriter},
 * protobuf through {@link ProtobufWriter}).
 */
public final class ExpositionFuzzTargets {
  private ExpositionFuzzTargets() {}

  /**
   * The text parser, with legacy and with UTF-8 names, and the text round trip of what the legacy
   * parser (the one pushes use) accepts. UTF-8 names are not round-tripped: the writer does not
   * quote names, as no push can store such names yet.
   */
  public static void textParser(byte[] body) {
    parseTextOrNull(body, true);
    List<MetricFamily> parsed = parseTextOrNull(body, false);
    if (parsed != null && !hasSuffixCollision(parsed)) {
      byte[] rendered = renderText(parsed);
      List<MetricFamily> again = parseTextOrNull(rendered, false);
      check(again != null, "re-rendered text does not parse", rendered);
      // Text cannot say "absent" (a summary's _sum without _count is written with count 0),
      // so the first rendering must be a fixed point rather than the parse result itself.
      byte[] renderedAgain = renderText(again);
      check(
          sameUpToHugeCounts(rendered, renderedAgain),
          "text round trip changed the families\nfirst:\n"
              + FamilyDescription.of(parsed)
              + "second:\n"
              + FamilyDescription.of(again)
              + "rendered again:\n"
              + new String(renderedAgain, StandardCharsets.UTF_8),
          rendered);
    }
  }

  /**
   * Whether a family is named like another's {@code _sum}, {@code _count} or {@code _bucket} lines:
   * the parser accepts that (as Go's does), but its rendering reads back differently, and the store
   * refuses such a push (Go's suffix collision check).
   */
  private static boolean hasSuffixCollision(List<MetricFamily> families) {
    java.util.Set<String> names = new java.util.HashSet<>();
    for (MetricFamily f : families) {
      names.add(f.name());
    }
    for (MetricFamily f : families) {
      if (f.effectiveType() != io.pushgateway.model.MetricType.COUNTER
          && f.effectiveType() != io.pushgateway.model.MetricType.GAUGE
          && f.effectiveType() != io.pushgateway.model.MetricType.UNTYPED) {
        for (String suffix : new String[] {"_sum", "_count", "_bucket", "_gsum", "_gcount"}) {
          if (names.contains(f.name() + suffix)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * Whether two renderings are equal, except for count lines whose count was beyond 2^53: text
   * carries counts as floats, and Go (so this parser) converts a float count back to uint64 the x86
   * way, so such a count is not a fixed point (-1 is stored as 2^64-1, written as
   * 18446744073709551615, read back as 2^63).
   */
  private static boolean sameUpToHugeCounts(byte[] a, byte[] b) {
    String[] as = new String(a, StandardCharsets.UTF_8).split("\n", -1);
    String[] bs = new String(b, StandardCharsets.UTF_8).split("\n", -1);
    if (as.length != bs.length) {
      return false;
    }
    for (int i = 0; i < as.length; i++) {
      if (!as[i].equals(bs[i]) && !(isHugeCount(as[i]) && isHugeCount(bs[i]))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isHugeCount(String line) {
    String name = line.split("[{ ]", 2)[0];
    if (!name.endsWith("_count") && !name.endsWith("_bucket")) {
      return false;
    }
    int block = line.indexOf('{');
    String rest =
        block < 0 ? line.substring(name.length()) : line.substring(line.lastIndexOf('}') + 1);
    try {
      return Math.abs(Double.parseDouble(rest.trim().split(" ")[0])) >= 0x1p53;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** The protobuf parser and the protobuf round trip. */
  public static void protobufParser(byte[] body) {
    List<MetricFamily> parsed;
    try {
      parsed = ProtobufParser.parse(body);
    } catch (ParseException e) {
      checkMessage(e);
      return;
    }
    byte[] encoded = encodeProtobuf(parsed);
    List<MetricFamily> again;
    try {
      again = ProtobufParser.parse(encoded);
    } catch (ParseException e) {
      throw new AssertionError("re-encoded protobuf does not parse: " + e.getMessage(), e);
    }
    String first = FamilyDescription.of(parsed);
    String second = FamilyDescription.of(again);
    check(
        first.equals(second),
        "protobuf round trip changed the families\nfirst:\n" + first + "second:\n" + second,
        encoded);
  }

  /**
   * Protobuf push bodies for seeding: every metric type and histogram flavour of the protobuf
   * tests, and {@code random} bodies of random messages with optional fields set at random.
   */
  public static List<byte[]> protobufSamples(int random) {
    List<byte[]> samples = new ArrayList<>();
    List<Metrics.MetricFamily> known = new ArrayList<>(ProtobufScenarios.allTypes());
    known.add(ProtobufScenarios.nativeOnly());
    known.add(ProtobufScenarios.floatHistogram());
    samples.add(ProtobufTestSupport.delimited(known));
    for (Metrics.MetricFamily f : known) {
      samples.add(ProtobufTestSupport.delimited(List.of(f)));
    }
    ProtobufRandomMessages messages = new ProtobufRandomMessages(20260101);
    for (int i = 0; i < random; i++) {
      samples.add(ProtobufTestSupport.delimited(List.of(messages.family("f" + i % 3))));
    }
    return samples;
  }

  /** The families as Go's text format, in the given order. */
  public static byte[] renderText(List<MetricFamily> families) {
    ByteSink sink = new ByteSink();
    for (MetricFamily f : families) {
      TextWriter.writeFamily(sink, f.name(), f.help(), f.effectiveType(), f.metrics());
    }
    return sink.toByteArray();
  }

  /** The families as a delimited protobuf push body. */
  public static byte[] encodeProtobuf(List<MetricFamily> families) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      for (MetricFamily f : families) {
        ProtobufWriter.writeDelimited(f, out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static List<MetricFamily> parseTextOrNull(byte[] body, boolean utf8Names) {
    try {
      return TextParser.parse(body, 0, body.length, utf8Names);
    } catch (ParseException e) {
      checkMessage(e);
      return null;
    }
  }

  private static void checkMessage(RuntimeException e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      throw new AssertionError("parse error without a message", e);
    }
  }

  private static void check(boolean condition, String what, byte[] evidence) {
    if (!condition) {
      throw new AssertionError(
          what + "; rendered: " + new String(evidence, StandardCharsets.UTF_8));
    }
  }
}
