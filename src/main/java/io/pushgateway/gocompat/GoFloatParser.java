package io.pushgateway.gocompat;

import java.nio.charset.StandardCharsets;

/**
 * Go's {@code strconv.ParseFloat} and {@code ParseInt} as the Go Pushgateway's libraries call them:
 * expfmt's {@code parseFloat} (64 bits, hex and underscores refused, errors reported), goautoneg's
 * q-values ({@code ParseFloat(s, 32)} with the error ignored) and the text format's timestamps
 * ({@code ParseInt(s, 10, 64)}). All share Go's syntax ({@link GoFloatSyntax}).
 */
public final class GoFloatParser {
  /** Go's {@code math.NaN()}: not Java's canonical NaN, and protobuf output keeps the payload. */
  public static final double GO_NAN = Double.longBitsToDouble(0x7FF8000000000001L);

  private static final long MAX_EXACT_MANTISSA = 1L << 53;
  private static final double[] POWERS_OF_TEN = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22
  };

  private GoFloatParser() {}

  /** Thrown for a token that Go would not accept; carries no stack trace (it is expected). */
  public static final class InvalidNumberException extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidNumberException() {
      super(null, null, false, false);
    }
  }

  /**
   * Parses {@code b[off, off+len)} like expfmt's {@code parseFloat}: a decimal number with optional
   * sign, fraction and exponent, or {@code inf}/{@code infinity} (optionally signed) or {@code nan}
   * (unsigned, giving {@link #GO_NAN}), case-insensitively. Hex, underscores and out-of-range
   * values are rejected.
   */
  public static double parseFloat(byte[] b, int off, int len) throws InvalidNumberException {
    int end = off + len;
    int special = GoFloatSyntax.specialLength(b, off, end);
    if (special > 0) {
      if (special != len) {
        throw new InvalidNumberException();
      }
      return GoFloatSyntax.specialValue(b, off, GO_NAN);
    }
    GoFloatSyntax f = GoFloatSyntax.scan(b, off, end);
    if (!f.ok || f.end != end || f.hex || f.underscores) {
      throw new InvalidNumberException();
    }
    if (f.mantissa == 0) {
      return f.negative ? -0.0 : 0.0;
    }
    if (f.dropped == 0 && !f.expTooLong && f.mantissa < MAX_EXACT_MANTISSA) {
      int e = f.exp10 + f.explicitExp;
      if (e >= 0 && e < POWERS_OF_TEN.length) {
        double v = f.mantissa * POWERS_OF_TEN[e];
        return f.negative ? -v : v;
      }
      if (e < 0 && -e < POWERS_OF_TEN.length) {
        double v = f.mantissa / POWERS_OF_TEN[-e];
        return f.negative ? -v : v;
      }
    }
    // The syntax has been checked, and Java's decimal grammar is a superset of it.
    double v = Double.parseDouble(new String(b, off, len, StandardCharsets.ISO_8859_1));
    if (Double.isInfinite(v)) {
      throw new InvalidNumberException(); // Go: ErrRange
    }
    return v;
  }

  /**
   * Go's {@code strconv.ParseFloat(s, 32)} with its error ignored, as goautoneg reads q-values:
   * Go's whole syntax (no surrounding spaces; hex floats with {@code p} exponents, underscores
   * between digits), 0 for a syntax error and ±Inf on overflow.
   */
  public static double parseFloat32(String s) {
    byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
    int special = GoFloatSyntax.specialLength(b, 0, b.length);
    if (special > 0) {
      return special == b.length ? GoFloatSyntax.specialValue(b, 0, Double.NaN) : 0;
    }
    GoFloatSyntax f = GoFloatSyntax.scan(b, 0, b.length);
    if (!f.ok || f.end != b.length) {
      return 0;
    }
    // Java's grammar (hex included) is a superset of what was checked, and rounds to float32 once.
    return Float.parseFloat(f.underscores ? s.replace("_", "") : s);
  }

  /** Go's {@code strconv.ParseInt(s, 10, 64)}: optional sign, decimal digits, 64-bit range. */
  public static long parseInt64(byte[] b, int off, int len) throws InvalidNumberException {
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
      if (b[i] < '0' || b[i] > '9') {
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
}
