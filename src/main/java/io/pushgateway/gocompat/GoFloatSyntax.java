package io.pushgateway.gocompat;

/**
 * Go's float syntax as {@code strconv} reads it ({@code special} and {@code readFloat}): optional
 * sign, decimal or {@code 0x} hex digits with underscores, a dot, an {@code e} or (hex) {@code p}
 * exponent. A decimal mantissa of up to 18 significant digits is accumulated on the way, for the
 * exact fast path of {@link GoFloatParser}.
 */
final class GoFloatSyntax {
  private static final int MANTISSA_DIGITS = 18;
  private static final int EXPONENT_LIMIT = 100_000;

  /** Where the number stopped: the first byte that is not part of it. */
  int end;

  /**
   * Whether a number was read (at least one digit, a complete exponent, underscores well placed).
   */
  boolean ok;

  boolean negative;
  boolean hex;
  boolean underscores;

  /** Decimal only: up to 18 significant digits, and those that did not fit. */
  long mantissa;

  int dropped;

  /** Decimal only: the power of ten of the mantissa's last digit, without the explicit exponent. */
  int exp10;

  /** Decimal only: the explicit exponent, capped in magnitude at 100,000 ({@link #expTooLong}). */
  int explicitExp;

  boolean expTooLong;

  private int digits;
  private boolean sawDigit;

  private GoFloatSyntax() {}

  /**
   * Go's {@code special}: the length of a leading {@code inf}, {@code infinity} (both optionally
   * signed) or unsigned {@code nan}, in any letter case; 0 if there is none.
   */
  static int specialLength(byte[] b, int from, int to) {
    if (from == to) {
      return 0;
    }
    int c = lower(b[from]);
    if (c == 'n') {
      return prefixLength(b, from, to, "nan") == 3 ? 3 : 0;
    }
    int sign = c == '+' || c == '-' ? 1 : 0;
    int n = prefixLength(b, from + sign, to, "infinity");
    if (n > 3 && n < 8) {
      n = 3;
    }
    return n == 3 || n == 8 ? sign + n : 0;
  }

  /** The value of a special of {@link #specialLength} at {@code from}. */
  static double specialValue(byte[] b, int from, double nan) {
    int c = lower(b[from]);
    return c == 'n' ? nan : c == '-' ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
  }

  private static int prefixLength(byte[] b, int from, int to, String word) {
    int n = 0;
    while (n < word.length() && from + n < to && lower(b[from + n]) == word.charAt(n)) {
      n++;
    }
    return n;
  }

  /** Reads a number (not a special) from {@code b[from, to)} like Go's {@code readFloat}. */
  static GoFloatSyntax scan(byte[] b, int from, int to) {
    GoFloatSyntax s = new GoFloatSyntax();
    s.read(b, from, to);
    return s;
  }

  private void read(byte[] b, int from, int to) {
    int i = from;
    if (i < to && (b[i] == '+' || b[i] == '-')) {
      negative = b[i] == '-';
      i++;
    }
    if (i + 2 < to && b[i] == '0' && lower(b[i + 1]) == 'x') {
      hex = true;
      i += 2;
    }
    i = readMantissa(b, i, to);
    if (!sawDigit) {
      end = i;
      return;
    }
    if (i < to && lower(b[i]) == (hex ? 'p' : 'e')) {
      i = readExponent(b, i + 1, to);
      if (i < 0) {
        return;
      }
    } else if (hex) {
      end = i;
      return; // a hex mantissa needs an exponent
    }
    end = i;
    ok = !underscores || underscoreOk(b, from, i);
  }

  private int readMantissa(byte[] b, int i, int to) {
    boolean sawDot = false;
    for (; i < to; i++) {
      int c = b[i];
      if (c == '_') {
        underscores = true;
      } else if (c == '.' && !sawDot) {
        sawDot = true;
      } else if (c >= '0' && c <= '9') {
        sawDigit = true;
        addDigit(c, sawDot);
      } else if (hex && isHexLetter(c)) {
        sawDigit = true;
      } else {
        break;
      }
    }
    return i;
  }

  private void addDigit(int c, boolean afterDot) {
    if (hex) {
      return;
    }
    if (mantissa == 0 && c == '0') {
      exp10 -= afterDot ? 1 : 0; // a leading zero
    } else if (digits < MANTISSA_DIGITS) {
      mantissa = mantissa * 10 + (c - '0');
      digits++;
      exp10 -= afterDot ? 1 : 0;
    } else {
      dropped++;
    }
  }

  /** Reads the exponent digits from {@code i}; returns the end, or -1 if there are none. */
  private int readExponent(byte[] b, int i, int to) {
    boolean expNegative = false;
    if (i < to && (b[i] == '+' || b[i] == '-')) {
      expNegative = b[i] == '-';
      i++;
    }
    if (i >= to || b[i] < '0' || b[i] > '9') {
      end = i;
      return -1;
    }
    for (; i < to && ((b[i] >= '0' && b[i] <= '9') || b[i] == '_'); i++) {
      if (b[i] == '_') {
        underscores = true;
      } else if (explicitExp < EXPONENT_LIMIT) {
        explicitExp = explicitExp * 10 + (b[i] - '0');
      } else {
        expTooLong = true;
      }
    }
    if (expNegative) {
      explicitExp = -explicitExp;
    }
    return i;
  }

  /** Go's {@code underscoreOK}: each underscore sits between digits (a base prefix counts). */
  private static boolean underscoreOk(byte[] b, int from, int to) {
    char saw = '^';
    int i = from;
    if (i < to && (b[i] == '-' || b[i] == '+')) {
      i++;
    }
    boolean hexDigits = false;
    if (to - i >= 2 && b[i] == '0') {
      int base = lower(b[i + 1]);
      if (base == 'b' || base == 'o' || base == 'x') {
        i += 2;
        saw = '0';
        hexDigits = base == 'x';
      }
    }
    for (; i < to; i++) {
      int c = b[i];
      if ((c >= '0' && c <= '9') || (hexDigits && isHexLetter(c))) {
        saw = '0';
      } else if (c == '_') {
        if (saw != '0') {
          return false;
        }
        saw = '_';
      } else {
        if (saw == '_') {
          return false;
        }
        saw = '!';
      }
    }
    return saw != '_';
  }

  private static boolean isHexLetter(int c) {
    int lower = lower(c);
    return lower >= 'a' && lower <= 'f';
  }

  /** ASCII lower case, as Go's {@code lower} (other bytes stay as they are). */
  private static int lower(int c) {
    return c >= 'A' && c <= 'Z' ? c | 0x20 : c;
  }
}
