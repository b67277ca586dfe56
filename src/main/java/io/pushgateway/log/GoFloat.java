package io.pushgateway.log;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * Formats doubles the way Go's log/slog does: {@code strconv.FormatFloat(f, 'g', -1, 64)} in logfmt
 * lines and {@code encoding/json}'s layout in JSON lines. Both start from the shortest decimal that
 * round-trips, which {@link Double#toString} gives since JDK 19.
 */
final class GoFloat {
  private GoFloat() {}

  /** Go's {@code %g} with the shortest precision, e.g. {@code 1e+06}, {@code 0.5}, {@code +Inf}. */
  static String formatG(double d) {
    String special = special(d);
    if (special != null) {
      return special;
    }
    Digits digits = Digits.of(d);
    int exp = digits.pointPosition - 1;
    return exp < -4 || exp >= 6 ? formatE(digits) : formatF(digits);
  }

  /**
   * encoding/json's number layout: plain decimals between 1e-6 and 1e21, exponent form outside,
   * with a one-digit negative exponent ({@code 1e-7}). NaN and infinities, which Go refuses to
   * encode, come back as null so that the caller can write them as strings.
   */
  static @Nullable String formatJson(double d) {
    if (special(d) != null) {
      return null;
    }
    Digits digits = Digits.of(d);
    double abs = Math.abs(d);
    if (abs != 0 && (abs < 1e-6 || abs >= 1e21)) {
      String e = formatE(digits);
      int n = e.length();
      if (n >= 4 && e.charAt(n - 4) == 'e' && e.charAt(n - 3) == '-' && e.charAt(n - 2) == '0') {
        e = e.substring(0, n - 2) + e.charAt(n - 1);
      }
      return e;
    }
    return formatF(digits);
  }

  private static @Nullable String special(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "+Inf" : "-Inf";
    }
    return null;
  }

  private static String formatE(Digits digits) {
    StringBuilder out = new StringBuilder(digits.negative ? "-" : "");
    out.append(digits.digits.charAt(0));
    if (digits.digits.length() > 1) {
      out.append('.').append(digits.digits, 1, digits.digits.length());
    }
    int exp = digits.isZero() ? 0 : digits.pointPosition - 1;
    out.append('e').append(exp < 0 ? '-' : '+');
    int abs = Math.abs(exp);
    return out.append(abs < 10 ? "0" : "").append(abs).toString();
  }

  private static String formatF(Digits digits) {
    StringBuilder out = new StringBuilder(digits.negative ? "-" : "");
    String ds = digits.digits;
    int point = digits.isZero() ? 1 : digits.pointPosition;
    if (point <= 0) {
      out.append("0.").append("0".repeat(-point)).append(ds);
    } else if (point >= ds.length()) {
      out.append(ds).append("0".repeat(point - ds.length()));
    } else {
      out.append(ds, 0, point).append('.').append(ds, point, ds.length());
    }
    return out.toString();
  }

  /** The shortest decimal digits of a finite double and where the decimal point goes. */
  private record Digits(boolean negative, String digits, int pointPosition) {
    static Digits of(double d) {
      boolean negative = Double.doubleToRawLongBits(d) < 0;
      if (d == 0) {
        return new Digits(negative, "0", 0);
      }
      BigDecimal exact = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
      String ds = exact.unscaledValue().toString();
      return new Digits(negative, ds, ds.length() - exact.scale());
    }

    boolean isZero() {
      return digits.equals("0");
    }
  }
}
