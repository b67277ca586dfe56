package io.pushgateway.gocompat;

/** Go's conversions between float64 and uint64 as compiled by gc for amd64. */
public final class GoConversions {
  private static final double TWO_POW_63 = 0x1p63;

  private GoConversions() {}

  /**
   * Go's {@code uint64(x)} for a float64 on amd64: values below 2^63 are truncated with CVTTSD2SQ
   * (so negatives wrap, and anything out of range gives 2^63); larger ones are shifted down by 2^63
   * first. NaN, infinities and values of 2^64 or more give 2^63.
   */
  public static long toUint64(double x) {
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

  /** Go's {@code float64(u)} for an unsigned 64-bit value held in a long (round half to even). */
  public static double uint64ToDouble(long u) {
    if (u >= 0) {
      return u;
    }
    // Halving keeps the value in long range; or-ing the lost bit back keeps the rounding exact.
    return ((double) ((u >>> 1) | (u & 1))) * 2.0;
  }
}
