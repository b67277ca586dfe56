package io.pushgateway.gocompat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Formats doubles exactly as Go does: {@code strconv.FormatFloat(f, 'g', -1, 64)} as the text
 * exposition and slog's logfmt write it, {@code fmt}'s {@code %v} for the JSON API, {@code
 * FormatFloat(f, 'f', -1, 64)} for the web UI and {@code encoding/json}'s layout for JSON log
 * lines. All use the shortest decimal digits that read back as the same double.
 */
public final class GoFloatFormat {
  /** The size of the scratch array that {@link #writeG} needs. */
  public static final int SCRATCH_SIZE = 64;

  /** More than the longest shortest-digit string (17 digits). */
  private static final int DIGITS_CAPACITY = 24;

  /** Where in a scratch array the laid-out number goes (the digits come first). */
  private static final int LAYOUT_OFFSET = DIGITS_CAPACITY;

  /** Integers below this are exact and their own shortest representation. */
  private static final double EXACT_INTEGER_LIMIT = 0x1p53;

  /** Go's %g with shortest precision switches to an exponent from this decimal exponent on. */
  private static final int G_EXPONENT_THRESHOLD = 6;

  private GoFloatFormat() {}

  /**
   * The text exposition's rendering of a value: Go's shortest {@code %g}, with {@code NaN}, {@code
   * +Inf}, {@code -Inf}, and {@code 0} for both zeros.
   */
  public static String formatG(double v) {
    return v == 0 ? "0" : formatV(v);
  }

  /**
   * Writes {@link #formatG(double)} of {@code v} as ASCII to {@code scratch[0, n)} and returns
   * {@code n}; allocation-free for integers below 2^53. {@code scratch} needs {@link #SCRATCH_SIZE}
   * bytes.
   */
  public static int writeG(double v, byte[] scratch) {
    String special = v == 0 ? "0" : special(v);
    if (special != null) {
      for (int i = 0; i < special.length(); i++) {
        scratch[i] = (byte) special.charAt(i);
      }
      return special.length();
    }
    long digits = shortestDigits(Math.abs(v), scratch);
    int end = layoutG(v < 0, scratch, count(digits), point(digits), scratch, LAYOUT_OFFSET);
    System.arraycopy(scratch, LAYOUT_OFFSET, scratch, 0, end - LAYOUT_OFFSET);
    return end - LAYOUT_OFFSET;
  }

  /**
   * Go's {@code %v} (equally {@code FormatFloat(v, 'g', -1, 64)}), as the JSON API prints values:
   * like {@link #formatG(double)} except that negative zero is {@code -0}.
   */
  public static String formatV(double v) {
    String special = special(v);
    if (special != null) {
      return special;
    }
    byte[] s = new byte[DIGITS_CAPACITY + 32];
    long digits = shortestDigits(Math.abs(v), s);
    int end = layoutG(v < 0, s, count(digits), point(digits), s, LAYOUT_OFFSET);
    return new String(s, LAYOUT_OFFSET, end - LAYOUT_OFFSET, StandardCharsets.ISO_8859_1);
  }

  /**
   * Go's {@code FormatFloat(v, 'f', -1, 64)}, as the web UI prints values: the shortest digits
   * without exponent ({@code 1e21} is {@code 1000000000000000000000}, {@code -0} stays {@code -0}).
   */
  public static String formatF(double v) {
    String special = special(v);
    if (special != null) {
      return special;
    }
    byte[] d = new byte[DIGITS_CAPACITY];
    long digits = shortestDigits(Math.abs(v), d);
    int nd = count(digits);
    int dp = point(digits);
    byte[] out = new byte[nd + Math.abs(dp) + 3];
    int end = layoutFixed(v < 0, d, nd, dp, out, 0);
    return new String(out, 0, end, StandardCharsets.ISO_8859_1);
  }

  /**
   * {@code encoding/json}'s number layout, as slog's JSON handler writes doubles: plain decimals
   * between 1e-6 and 1e21, exponent form outside with the exponent's leading zero dropped ({@code
   * 1e-7}). NaN and infinities, which Go refuses to encode, come back as null.
   */
  public static @Nullable String formatJson(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return null;
    }
    double abs = Math.abs(v);
    if (abs == 0 || (abs >= 1e-6 && abs < 1e21)) {
      return formatF(v);
    }
    byte[] s = new byte[SCRATCH_SIZE];
    long digits = shortestDigits(abs, s);
    int end = layoutExponent(v < 0, s, count(digits), point(digits), s, LAYOUT_OFFSET);
    if (s[end - 3] == '-' && s[end - 2] == '0') {
      s[end - 2] = s[end - 1];
      end--;
    }
    return new String(s, LAYOUT_OFFSET, end - LAYOUT_OFFSET, StandardCharsets.ISO_8859_1);
  }

  /** Renderings that need no digits; null for finite non-zero values. */
  private static @Nullable String special(double v) {
    if (v == 0) {
      return Double.doubleToRawLongBits(v) == 0 ? "0" : "-0";
    }
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (v == Double.POSITIVE_INFINITY) {
      return "+Inf";
    }
    if (v == Double.NEGATIVE_INFINITY) {
      return "-Inf";
    }
    return null;
  }

  // ---- shortest digits -------------------------------------------------------------------

  private static int count(long digits) {
    return (int) digits;
  }

  private static int point(long digits) {
    return (int) (digits >> 32);
  }

  private static long pack(int nd, int dp) {
    return ((long) dp << 32) | (nd & 0xFFFFFFFFL);
  }

  /**
   * Writes the shortest round-trip decimal digits of {@code abs} (finite, positive) as ASCII into
   * {@code d[0..nd)}, without leading or trailing zeros, and returns {@code nd} and the decimal
   * point position {@code dp} packed (abs = 0.d1d2…dn × 10^dp). The one place that finds digits, so
   * that an allocation-free algorithm can replace it later.
   */
  static long shortestDigits(double abs, byte[] d) {
    if (abs < EXACT_INTEGER_LIMIT && abs == Math.rint(abs)) {
      return integerDigits((long) abs, d);
    }
    // On JDK 19 and later Double.toString gives the shortest digits (Raffaello Giulietti's
    // algorithm), except that it never uses a single digit: see fixSingleDigit.
    String s = Double.toString(abs);
    int nd = 0;
    int dp = 0;
    boolean afterPoint = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '.') {
        afterPoint = true;
      } else if (c == 'E') {
        dp += Integer.parseInt(s, i + 1, s.length(), 10);
        break;
      } else if (nd == 0 && c == '0') {
        dp -= afterPoint ? 1 : 0;
      } else {
        d[nd++] = (byte) c;
        dp += afterPoint ? 0 : 1;
      }
    }
    while (d[nd - 1] == '0') {
      nd--;
    }
    if (nd == 2 && abs < Double.MIN_NORMAL) {
      return fixSingleDigit(abs, d, dp);
    }
    return pack(nd, dp);
  }

  private static long integerDigits(long n, byte[] d) {
    int nd = 0;
    for (long rest = n; rest != 0; rest /= 10) {
      nd++;
    }
    long rest = n;
    for (int i = nd - 1; i >= 0; i--) {
      d[i] = (byte) ('0' + rest % 10);
      rest /= 10;
    }
    int kept = nd;
    while (d[kept - 1] == '0') {
      kept--;
    }
    return pack(kept, nd);
  }

  /**
   * Where one digit suffices, Java picks the closest two-digit decimal and Go the single digit.
   * That can differ only for tiny subnormals (e.g. 4.9E-324 against Go's 5e-324), whose rounding
   * interval is wide enough to contain a single-digit decimal that is not the two-digit one's
   * prefix.
   */
  private static long fixSingleDigit(double abs, byte[] d, int dp) {
    int low = d[0] - '0';
    BigDecimal exact = new BigDecimal(abs);
    BigDecimal best = null;
    for (int digit = low; digit <= low + 1; digit++) {
      BigDecimal candidate = BigDecimal.valueOf(digit).scaleByPowerOfTen(dp - 1);
      if (Double.parseDouble(candidate.toString()) == abs
          && (best == null
              || candidate.subtract(exact).abs().compareTo(best.subtract(exact).abs()) < 0)) {
        best = candidate;
      }
    }
    if (best == null) {
      return pack(2, dp);
    }
    int digit = best.unscaledValue().intValueExact();
    int scale = best.scale();
    // BigDecimal.valueOf(10) has unscaled value 10: normalise to one digit.
    if (digit == 10) {
      digit = 1;
      scale--;
    }
    d[0] = (byte) ('0' + digit);
    return pack(1, 1 - scale);
  }

  // ---- layout ----------------------------------------------------------------------------

  /** Lays out Go's shortest %g into {@code out} from {@code o}; returns the end. */
  private static int layoutG(boolean neg, byte[] d, int nd, int dp, byte[] out, int o) {
    int exp = dp - 1;
    if (exp >= -4 && exp < G_EXPONENT_THRESHOLD) {
      return layoutFixed(neg, d, nd, dp, out, o);
    }
    return layoutExponent(neg, d, nd, dp, out, o);
  }

  /** Lays out digits with an exponent (Go's %e with shortest precision); returns the end. */
  private static int layoutExponent(boolean neg, byte[] d, int nd, int dp, byte[] out, int o) {
    int exp = dp - 1;
    if (neg) {
      out[o++] = '-';
    }
    out[o++] = d[0];
    if (nd > 1) {
      out[o++] = '.';
      System.arraycopy(d, 1, out, o, nd - 1);
      o += nd - 1;
    }
    out[o++] = 'e';
    out[o++] = (byte) (exp < 0 ? '-' : '+');
    int e = Math.abs(exp);
    if (e >= 100) {
      out[o++] = (byte) ('0' + e / 100);
    }
    out[o++] = (byte) ('0' + e / 10 % 10);
    out[o++] = (byte) ('0' + e % 10);
    return o;
  }

  /** Lays out digits without exponent (Go's %f with shortest precision); returns the end. */
  private static int layoutFixed(boolean neg, byte[] d, int nd, int dp, byte[] out, int o) {
    if (neg) {
      out[o++] = '-';
    }
    if (dp <= 0) {
      out[o++] = '0';
      out[o++] = '.';
      for (int i = dp; i < 0; i++) {
        out[o++] = '0';
      }
      System.arraycopy(d, 0, out, o, nd);
      return o + nd;
    }
    if (dp >= nd) {
      System.arraycopy(d, 0, out, o, nd);
      o += nd;
      for (int i = nd; i < dp; i++) {
        out[o++] = '0';
      }
      return o;
    }
    System.arraycopy(d, 0, out, o, dp);
    o += dp;
    out[o++] = '.';
    System.arraycopy(d, dp, out, o, nd - dp);
    return o + nd - dp;
  }
}
