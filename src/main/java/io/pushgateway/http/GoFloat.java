package io.pushgateway.http;

/**
 * Go's {@code strconv.ParseFloat(s, 32)} with its error ignored, as goautoneg reads q-values: Go's
 * syntax (no surrounding spaces; {@code inf}, {@code nan}, hex floats with {@code p} exponents,
 * underscores between digits), 0 for a syntax error and ±Inf on overflow.
 */
final class GoFloat {
  private GoFloat() {}

  static double parseFloat32(String s) {
    int special = specialLength(s);
    if (special == s.length() && special > 0) {
      char first = s.charAt(0);
      boolean nan = first == 'n' || first == 'N';
      return nan ? Double.NaN : first == '-' ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (!isWellFormed(s)) {
      return 0;
    }
    return Float.parseFloat(s.replace("_", ""));
  }

  /** Go's special(): the length of a leading inf/infinity/nan, or 0. */
  private static int specialLength(String s) {
    if (s.isEmpty()) {
      return 0;
    }
    char c = s.charAt(0);
    if (c == 'n' || c == 'N') {
      return s.regionMatches(true, 0, "nan", 0, 3) ? 3 : 0;
    }
    int sign = c == '+' || c == '-' ? 1 : 0;
    if (s.regionMatches(true, sign, "infinity", 0, 8)) {
      return sign + 8;
    }
    return s.regionMatches(true, sign, "inf", 0, 3) ? sign + 3 : 0;
  }

  /** Go's readFloat consuming the whole string, plus its underscore rule. */
  private static boolean isWellFormed(String s) {
    int i = 0;
    if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      i++;
    }
    boolean hex =
        i + 2 < s.length() && s.charAt(i) == '0' && Character.toLowerCase(s.charAt(i + 1)) == 'x';
    if (hex) {
      i += 2;
    }
    boolean sawDot = false;
    boolean sawDigits = false;
    boolean underscores = false;
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '_') {
        underscores = true;
      } else if (c == '.' && !sawDot) {
        sawDot = true;
      } else if (isDigit(c, hex)) {
        sawDigits = true;
      } else {
        break;
      }
    }
    if (!sawDigits) {
      return false;
    }
    char expChar = hex ? 'p' : 'e';
    if (i < s.length() && Character.toLowerCase(s.charAt(i)) == expChar) {
      i = exponentEnd(s, i + 1);
      if (i < 0) {
        return false;
      }
      underscores |= s.substring(0, i).indexOf('_') >= 0;
    } else if (hex) {
      return false;
    }
    return i == s.length() && (!underscores || underscoreOk(s));
  }

  /** The end of the exponent digits starting at {@code i}, or -1 if there are none. */
  private static int exponentEnd(String s, int i) {
    if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      i++;
    }
    if (i >= s.length() || s.charAt(i) < '0' || s.charAt(i) > '9') {
      return -1;
    }
    while (i < s.length() && ((s.charAt(i) >= '0' && s.charAt(i) <= '9') || s.charAt(i) == '_')) {
      i++;
    }
    return i;
  }

  private static boolean isDigit(char c, boolean hex) {
    char lower = Character.toLowerCase(c);
    return (c >= '0' && c <= '9') || (hex && lower >= 'a' && lower <= 'f');
  }

  /** Go's underscoreOK: each underscore sits between digits (a base prefix counts as a digit). */
  private static boolean underscoreOk(String s) {
    char saw = '^';
    int i = 0;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      s = s.substring(1);
    }
    boolean hex = false;
    if (s.length() >= 2 && s.charAt(0) == '0') {
      char base = Character.toLowerCase(s.charAt(1));
      if (base == 'b' || base == 'o' || base == 'x') {
        i = 2;
        saw = '0';
        hex = base == 'x';
      }
    }
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (isDigit(c, hex)) {
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
}
