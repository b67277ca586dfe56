package io.pushgateway.gocompat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Go's amd64 conversions; expected values produced with Go 1.19 on amd64. */
class GoConversionsTest {
  @Test
  void toUint64_convertsLikeGoOnAmd64() {
    assertThat(GoConversions.toUint64(3.0)).isEqualTo(3);
    assertThat(GoConversions.toUint64(2.7)).isEqualTo(2);
    assertThat(GoConversions.toUint64(-0.5)).isZero();
    assertThat(Long.toUnsignedString(GoConversions.toUint64(-1))).isEqualTo("18446744073709551615");
    assertThat(Long.toUnsignedString(GoConversions.toUint64(-1.5)))
        .isEqualTo("18446744073709551615");
    assertThat(Long.toUnsignedString(GoConversions.toUint64(9.3e18)))
        .isEqualTo("9300000000000000000");
    for (double v :
        new double[] {
          Double.NaN,
          Double.POSITIVE_INFINITY,
          Double.NEGATIVE_INFINITY,
          1e30,
          -1e30,
          0x1p64,
          -9.3e18
        }) {
      assertThat(GoConversions.toUint64(v)).as("%s", v).isEqualTo(Long.MIN_VALUE);
    }
  }

  @Test
  void uint64ToDouble_roundsLikeGo() {
    assertThat(GoConversions.uint64ToDouble(5)).isEqualTo(5.0);
    assertThat(GoConversions.uint64ToDouble(42)).isEqualTo(42.0);
    assertThat(GoConversions.uint64ToDouble(Long.MIN_VALUE)).isEqualTo(0x1p63);
    assertThat(GoConversions.uint64ToDouble(-1L)).isEqualTo(0x1p64);
    assertThat(GoConversions.uint64ToDouble(Long.MIN_VALUE + 1025)).isEqualTo(0x1p63 + 2048);
    assertThat(GoFloatFormat.formatG(GoConversions.uint64ToDouble(-1)))
        .isEqualTo("1.8446744073709552e+19");
  }
}
