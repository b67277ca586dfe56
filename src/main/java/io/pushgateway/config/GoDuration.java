package io.pushgateway.config;

import java.time.Duration;
import java.util.Map;

/**
 * Go durations as the Pushgateway's flags read and show them. {@link #parse} follows kingpin's
 * parser (Go's {@code time.ParseDuration} plus the units {@code d} and {@code w}), {@link #format}
 * follows Go's {@code time.Duration.String()}. Durations are whole nanoseconds within the range of
 * a signed 64-bit count, as in Go.
 */
public final class GoDuration {
  private static final long NANOS_PER_HOUR = 3_600_000_000_000L;
  private static final Map<String, Long> UNITS =
      Map.of(
          "ns", 1L,
          "us", 1_000L,
          "\u00b5s", 1_000L,
          "\u03bcs", 1_000L,
          "ms", 1_000_000L,
          "s", 1_000_000_000L,
          "m", 60_000_000_000L,
          "h", NANOS_PER_HOUR,
          "d", 24 * NANOS_PER_HOUR,
          "w", 168 * NANOS_PER_HOUR);

  private GoDuration() {}

  /**
   * Parses a duration such as {@code 300ms}, {@code 5m}, {@code 1h30m}, {@code -1.5h}, {@code 2d}
   * or {@code 0}.
   *
   * @throws IllegalArgumentException with Go's message, e.g. {@code time: invalid duration "abc"}
   */
  public static Duration parse(String text) {
    return Duration.ofNanos(new Parser(text).parseNanos());
  }

  /**
   * Formats like Go's {@code Duration.String()}: {@code 5m0s}, {@code 1h30m0s}, {@code 300ms},
   * {@code 1.5µs}, {@code 0s}.
   *
   * @throws ArithmeticException if the duration does not fit in 64-bit nanoseconds
   */
  public static String format(Duration duration) {
    long nanos = duration.toNanos();
    if (nanos == 0) {
      return "0s";
    }
    // Go negates into an unsigned integer, which also covers Long.MIN_VALUE.
    long u = nanos < 0 ? -nanos : nanos;
    String sign = nanos < 0 ? "-" : "";
    if (Long.compareUnsigned(u, 1_000_000_000L) < 0) {
      return sign + formatBelowOneSecond(u);
    }
    StringBuilder fraction = new StringBuilder();
    long seconds = fraction(u, 9, fraction);
    StringBuilder out = new StringBuilder(sign);
    long minutes = Long.divideUnsigned(seconds, 60);
    long hours = minutes / 60;
    if (hours > 0) {
      out.append(hours).append('h');
    }
    if (minutes > 0) {
      out.append(minutes % 60).append('m');
    }
    return out.append(Long.remainderUnsigned(seconds, 60)).append(fraction).append('s').toString();
  }

  private static String formatBelowOneSecond(long u) {
    StringBuilder fraction = new StringBuilder();
    if (u < 1_000L) {
      return u + "ns";
    }
    if (u < 1_000_000L) {
      return fraction(u, 3, fraction) + fraction.toString() + "\u00b5s";
    }
    return fraction(u, 6, fraction) + fraction.toString() + "ms";
  }

  /**
   * Splits {@code v} (unsigned) into {@code v / 10^digits}, returned, and its fraction, appended to
   * {@code out} as {@code .ddd} without trailing zeros (nothing when the fraction is zero).
   */
  private static long fraction(long v, int digits, StringBuilder out) {
    long scale = 1;
    for (int i = 0; i < digits; i++) {
      scale *= 10;
    }
    long whole = Long.divideUnsigned(v, scale);
    long frac = Long.remainderUnsigned(v, scale);
    if (frac != 0) {
      String padded = String.format("%0" + digits + "d", frac);
      int end = padded.length();
      while (padded.charAt(end - 1) == '0') {
        end--;
      }
      out.append('.').append(padded, 0, end);
    }
    return whole;
  }

  /** One parse of a duration string, consuming it from the left. */
  private static final class Parser {
    private final String original;
    private String rest;

    Parser(String text) {
      this.original = text;
      this.rest = text;
    }

    long parseNanos() {
      boolean negative = false;
      if (!rest.isEmpty() && (rest.charAt(0) == '-' || rest.charAt(0) == '+')) {
        negative = rest.charAt(0) == '-';
        rest = rest.substring(1);
      }
      if (rest.equals("0")) {
        return 0;
      }
      if (rest.isEmpty()) {
        throw invalid();
      }
      long total = 0;
      while (!rest.isEmpty()) {
        total += component();
        if (total < 0) {
          throw invalid();
        }
      }
      return negative ? -total : total;
    }

    /** One {@code [0-9]*(\.[0-9]*)?unit} component, in nanoseconds. */
    private long component() {
      char first = rest.charAt(0);
      if (!(first == '.' || isDigit(first))) {
        throw invalid();
      }
      int intEnd = digitsEnd(0);
      long whole = leadingInt(intEnd);
      boolean hasInt = intEnd > 0;
      long fraction = 0;
      double scale = 1;
      boolean hasFraction = false;
      int pos = intEnd;
      if (pos < rest.length() && rest.charAt(pos) == '.') {
        int fracEnd = digitsEnd(pos + 1);
        hasFraction = fracEnd > pos + 1;
        for (int i = pos + 1; i < fracEnd; i++) {
          // Beyond 63 bits Go stops adding precision instead of failing.
          long next = fraction * 10 + (rest.charAt(i) - '0');
          if (fraction > Long.MAX_VALUE / 10 || next < 0) {
            break;
          }
          fraction = next;
          scale *= 10;
        }
        pos = fracEnd;
      }
      if (!hasInt && !hasFraction) {
        throw invalid();
      }
      return scaled(whole, fraction, scale, pos);
    }

    private long scaled(long whole, long fraction, double scale, int unitStart) {
      int unitEnd = unitStart;
      while (unitEnd < rest.length()
          && rest.charAt(unitEnd) != '.'
          && !isDigit(rest.charAt(unitEnd))) {
        unitEnd++;
      }
      if (unitEnd == unitStart) {
        throw new IllegalArgumentException("time: missing unit in duration " + quote(original));
      }
      String unitName = rest.substring(unitStart, unitEnd);
      Long unit = UNITS.get(unitName);
      if (unit == null) {
        throw new IllegalArgumentException(
            "time: unknown unit " + quote(unitName) + " in duration " + quote(original));
      }
      rest = rest.substring(unitEnd);
      if (whole > Long.MAX_VALUE / unit) {
        throw invalid();
      }
      long nanos = whole * unit;
      if (fraction > 0) {
        nanos += (long) ((double) fraction * ((double) unit / scale));
        if (nanos < 0) {
          throw invalid();
        }
      }
      return nanos;
    }

    private long leadingInt(int end) {
      long x = 0;
      for (int i = 0; i < end; i++) {
        if (x > Long.MAX_VALUE / 10) {
          throw invalid();
        }
        x = x * 10 + (rest.charAt(i) - '0');
        if (x < 0) {
          throw invalid();
        }
      }
      return x;
    }

    private int digitsEnd(int from) {
      int i = from;
      while (i < rest.length() && isDigit(rest.charAt(i))) {
        i++;
      }
      return i;
    }

    private IllegalArgumentException invalid() {
      return new IllegalArgumentException("time: invalid duration " + quote(original));
    }

    private static boolean isDigit(char c) {
      return c >= '0' && c <= '9';
    }

    /** kingpin's duration parser quotes without escaping. */
    private static String quote(String s) {
      return "\"" + s + "\"";
    }
  }
}
