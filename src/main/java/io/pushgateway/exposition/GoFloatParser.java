package io.pushgateway.exposition;

import java.nio.charset.StandardCharsets;

/**
 * Number parsing and conversion with the semantics of Go as used by the text format parser: {@code
 * strconv.ParseFloat(s, 64)} behind expfmt's {@code pP_} filter, {@code strconv.ParseInt(s, 10,
 * 64)}, and the amd64 {@code uint64(float64)} / {@code float64(uint64)} conversions.
 */
final class GoFloatParser {
  /** Go's {@code math.NaN()}: not Java's canonical NaN, and protobuf output keeps the payload. */
  static final double GO_NAN = Double.longBitsToDouble(0x7FF8000000000001L);

  private static final double TWO_POW_63 = 0x1p63;
  private static final long MAX_EXACT_MANTISSA = 1L << 53;
  private static final double[] POWERS_OF_TEN = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22
  };

  private GoFloatParser() {}

  /** Thrown for a token that Go would not accept; carries no stack trace (it is expected). */
  static final class InvalidNumberException extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidNumberException() {
      super(null, null, false, false);
    }
  }

  /**
   * Parses {@code b[off, off+len)} like expfmt's {@code parseFloat}: a decimal number with optional
   * sign, fraction and exponent, or {@code inf}/{@code infinity} (optionally signed) or {@code nan}
   * (unsigned), case-insensitively. Hex, underscores and out-of-range values are rejected.
   */
  static double parseFloat(byte[] b, int off, int len) throws InvalidNumberException {
    if (len == 0) {
      throw new InvalidNumberException();
    }
    int end = off + len;
    int i = off;
    boolean negative = false;
    if (b[i] == '+' || b[i] == '-') {
      negative = b[i] == '-';
      i++;
    }
    if (i < end && isLetter(b[i])) {
      return parseSpecial(b, i, end, negative, i > off);
    }
    return parseDecimal(b, off, i, end, negative);
  }

  private static boolean isLetter(byte c) {
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  }

  private static double parseSpecial(byte[] b, int i, int end, boolean negative, boolean signed)
      throws InvalidNumberException {
    int n = end - i;
    if ((n == 3 || n == 8) && equalsIgnoreCase(b, i, "infinity", n)) {
      return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (!signed && n == 3 && equalsIgnoreCase(b, i, "nan", 3)) {
      return GO_NAN;
    }
    throw new InvalidNumberException();
  }

  private static boolean equalsIgnoreCase(byte[] b, int i, String word, int n) {
    for (int k = 0; k < n; k++) {
      if ((b[i + k] | 0x20) != word.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** Validates the decimal syntax strictly, then converts (fast path or the JDK's exact parser). */
  private static double parseDecimal(byte[] b, int off, int start, int end, boolean negative)
      throws InvalidNumberException {
    int i = start;
    long mantissa = 0;
    int digits = 0; // significant digits accumulated in mantissa (leading zeros excluded)
    int dropped = 0; // mantissa digits that did not fit into the fast path
    int exp10 = 0;
    boolean sawDigit = false;
    for (; i < end && isDigit(b[i]); i++) {
      sawDigit = true;
      if (mantissa != 0 || b[i] != '0') {
        if (digits < 18) {
          mantissa = mantissa * 10 + (b[i] - '0');
          digits++;
        } else {
          dropped++;
        }
      }
    }
    if (i < end && b[i] == '.') {
      for (i++; i < end && isDigit(b[i]); i++) {
        sawDigit = true;
        if (mantissa != 0 || b[i] != '0') {
          if (digits < 18) {
            mantissa = mantissa * 10 + (b[i] - '0');
            digits++;
            exp10--;
          } else {
            dropped++;
          }
        } else {
          exp10--;
        }
      }
    }
    if (!sawDigit) {
      throw new InvalidNumberException();
    }
    int explicitExp = 0;
    boolean expTooLong = false;
    if (i < end && (b[i] == 'e' || b[i] == 'E')) {
      i++;
      boolean expNegative = false;
      if (i < end && (b[i] == '+' || b[i] == '-')) {
        expNegative = b[i] == '-';
        i++;
      }
      if (i == end || !isDigit(b[i])) {
        throw new InvalidNumberException();
      }
      for (; i < end && isDigit(b[i]); i++) {
        if (explicitExp < 100_000) {
          explicitExp = explicitExp * 10 + (b[i] - '0');
        } else {
          expTooLong = true;
        }
      }
      if (expNegative) {
        explicitExp = -explicitExp;
      }
    }
    if (i != end) {
      throw new InvalidNumberException();
    }
    if (mantissa == 0) {
      return negative ? -0.0 : 0.0;
    }
    if (dropped == 0 && !expTooLong && mantissa < MAX_EXACT_MANTISSA) {
      int e = exp10 + explicitExp;
      if (e >= 0 && e < POWERS_OF_TEN.length) {
        double v = mantissa * POWERS_OF_TEN[e];
        return negative ? -v : v;
      }
      if (e < 0 && -e < POWERS_OF_TEN.length) {
        double v = mantissa / POWERS_OF_TEN[-e];
        return negative ? -v : v;
      }
    }
    return slowParse(b, off, end);
  }

  private static double slowParse(byte[] b, int off, int end) throws InvalidNumberException {
    // The syntax has been checked, and Java's decimal grammar is a superset of it.
    double v = Double.parseDouble(new String(b, off, end - off, StandardCharsets.ISO_8859_1));
    if (Double.isInfinite(v)) {
      throw new InvalidNumberException(); // Go: ErrRange
    }
    return v;
  }

  private static boolean isDigit(byte c) {
    return c >= '0' && c <= '9';
  }

  /** Go's {@code strconv.ParseInt(s, 10, 64)}: optional sign, decimal digits, 64-bit range. */
  static long parseInt64(byte[] b, int off, int len) throws InvalidNumberException {
    int end = off + len;
    int i = off;
    boolean negative = false;
    if (i < end && (b[i] == '+' || b[i] == '-')) {
      negative = b[i] == '-';
      i++;
    }
    if (i == end) {
      throw new InvalidNumberException();
    }
    long limit = negative ? Long.MIN_VALUE : -Long.MAX_VALUE;
    long multMin = limit / 10;
    long acc = 0; // accumulated negatively so that Long.MIN_VALUE fits
    for (; i < end; i++) {
      if (!isDigit(b[i])) {
        throw new InvalidNumberException();
      }
      int d = b[i] - '0';
      if (acc < multMin) {
        throw new InvalidNumberException();
      }
      acc *= 10;
      if (acc < limit + d) {
        throw new InvalidNumberException();
      }
      acc -= d;
    }
    return negative ? acc : -acc;
  }

  /**
   * Go's {@code uint64(x)} for a float64 on amd64 (as compiled by gc): values below 2^63 are
   * truncated with CVTTSD2SQ (so negatives wrap, and anything out of range gives 2^63); larger ones
   * are shifted down by 2^63 first. NaN, infinities and values of 2^64 or more give 2^63.
   */
  static long toUint64(double x) {
    if (x < TWO_POW_63) {
      return cvttsd2sq(x);
    }
    return cvttsd2sq(x - TWO_POW_63) | Long.MIN_VALUE;
  }

  /** The x86 truncating conversion: the "integer indefinite" value 2^63 when out of range. */
  private static long cvttsd2sq(double x) {
    if (Double.isNaN(x) || x >= TWO_POW_63 || x < -TWO_POW_63) {
      return Long.MIN_VALUE;
    }
    return (long) x;
  }

  /** Go's {@code float64(u)} for an unsigned 64-bit value held in a long (rounds to nearest). */
  static double unsignedToDouble(long u) {
    if (u >= 0) {
      return (double) u;
    }
    // Halve (keeping the sticky bit so rounding stays correct), convert, double.
    return (double) ((u >>> 1) | (u & 1)) * 2.0;
  }
}
