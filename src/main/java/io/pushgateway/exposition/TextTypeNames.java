package io.pushgateway.exposition;

import io.pushgateway.gocompat.GoUtf8;
import io.pushgateway.model.MetricType;
import org.jspecify.annotations.Nullable;

/** The type names of a TYPE line, matched like expfmt: upper-cased with Go's rune mapping. */
final class TextTypeNames {
  private TextTypeNames() {}

  /** The type named by {@code b[from, to)}, or null if there is none. */
  static @Nullable MetricType parse(byte[] b, int from, int to) {
    return switch (upperCase(b, from, to)) {
      case "COUNTER" -> MetricType.COUNTER;
      case "GAUGE" -> MetricType.GAUGE;
      case "SUMMARY" -> MetricType.SUMMARY;
      case "UNTYPED" -> MetricType.UNTYPED;
      case "HISTOGRAM" -> MetricType.HISTOGRAM;
      // Not part of the text format, but accepted by expfmt (the latter since OpenMetrics).
      case "GAUGE_HISTOGRAM", "GAUGEHISTOGRAM" -> MetricType.GAUGE_HISTOGRAM;
      default -> null;
    };
  }

  /**
   * Go's {@code strings.ToUpper}: simple per-rune mapping (so {@code ſ} becomes {@code S}), invalid
   * bytes becoming U+FFFD.
   */
  private static String upperCase(byte[] b, int from, int to) {
    StringBuilder sb = new StringBuilder(to - from);
    int i = from;
    while (i < to) {
      int r = GoUtf8.decodeRune(b, i, to);
      sb.appendCodePoint(Character.toUpperCase(GoUtf8.rune(r)));
      i += GoUtf8.width(r);
    }
    return sb.toString();
  }
}
