package io.pushgateway.gocompat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoFloatFormatTest {

  /** Written by src/test/go/floatfmt (Go 1.19, the reference Pushgateway's toolchain). */
  private static final String GO_DATA = "go-float-format.tsv";

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // The table of spec §11.4.1, observed on the Go Pushgateway.
        "1e3 | 1000",
        ".5 | 0.5",
        "+5 | 5",
        "-0 | 0",
        "1.0000000000000002 | 1.0000000000000002",
        "123456789012345678 | 1.2345678901234568e+17",
        "0.000001 | 1e-06",
        "1e-7 | 1e-07",
        "1e20 | 1e+20",
        "1e21 | 1e+21",
        "518984 | 518984",
        "1446098 | 1.446098e+06",
        "1194991616 | 1.194991616e+09",
        "1.7954761882491562e+09 | 1.7954761882491562e+09",
        "2398.283 | 2398.283",
        "NaN | NaN",
        "Infinity | +Inf",
        "-Infinity | -Inf",
        // Boundaries of the exponent switch and of the double range.
        "1e-5 | 1e-05",
        "1e-4 | 0.0001",
        "0.00012345 | 0.00012345",
        "0.000012345 | 1.2345e-05",
        "99999.99 | 99999.99",
        "999999 | 999999",
        "999999.5 | 999999.5",
        "1e6 | 1e+06",
        "-1e6 | -1e+06",
        "1000001 | 1.000001e+06",
        "1e100 | 1e+100",
        "1e-100 | 1e-100",
        "4.9e-324 | 5e-324",
        "1e-323 | 1e-323",
        "1.5e-323 | 1.5e-323",
        "2.2250738585072014e-308 | 2.2250738585072014e-308",
        "1.7976931348623157e308 | 1.7976931348623157e+308",
        "9007199254740993 | 9.007199254740992e+15",
        "0.30000000000000004 | 0.30000000000000004",
        "1 | 1",
        "-1 | -1",
        "-2.5 | -2.5",
        "3.14 | 3.14",
        "0.1 | 0.1",
      })
  void formatG_matchesGo(String input, String expected) {
    double v = Double.parseDouble(input);
    assertThat(GoFloatFormat.formatG(v)).isEqualTo(expected);
    assertThat(writeG(v)).isEqualTo(expected);
  }

  @Test
  void formatG_extremes() {
    assertThat(GoFloatFormat.formatG(Double.MIN_VALUE)).isEqualTo("5e-324");
    assertThat(GoFloatFormat.formatG(-Double.MIN_VALUE)).isEqualTo("-5e-324");
    assertThat(GoFloatFormat.formatG(Double.MAX_VALUE)).isEqualTo("1.7976931348623157e+308");
    assertThat(GoFloatFormat.formatG(Double.MIN_NORMAL)).isEqualTo("2.2250738585072014e-308");
    assertThat(GoFloatFormat.formatG(0.1 + 0.2)).isEqualTo("0.30000000000000004");
  }

  @Test
  void formatV_keepsNegativeZero() {
    assertThat(GoFloatFormat.formatV(-0.0)).isEqualTo("-0");
    assertThat(GoFloatFormat.formatV(0.0)).isEqualTo("0");
    assertThat(GoFloatFormat.formatV(1)).isEqualTo("1");
    assertThat(GoFloatFormat.formatV(1.5e-7)).isEqualTo("1.5e-07");
    assertThat(GoFloatFormat.formatV(0.2721322309989773)).isEqualTo("0.2721322309989773");
    assertThat(GoFloatFormat.formatV(1.7954771109222465e+09)).isEqualTo("1.7954771109222465e+09");
    assertThat(GoFloatFormat.formatV(Double.NaN)).isEqualTo("NaN");
    assertThat(GoFloatFormat.formatV(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
    assertThat(GoFloatFormat.formatV(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1795477425.0245023 | 1795477425.0245023",
        "1e-7 | 0.0000001",
        "1e21 | 1000000000000000000000",
        "123456789012345678 | 123456789012345680",
        "Infinity | +Inf",
        "-Infinity | -Inf",
        "NaN | NaN",
        "-0 | -0",
        "0 | 0",
        "1e-5 | 0.00001",
        "-2.5 | -2.5",
        "1446098 | 1446098",
      })
  void formatF_neverUsesAnExponent(String input, String expected) {
    assertThat(GoFloatFormat.formatF(Double.parseDouble(input))).isEqualTo(expected);
  }

  @Test
  void formatF_minValueHasAllFractionDigits() {
    assertThat(GoFloatFormat.formatF(Double.MIN_VALUE)).isEqualTo("0." + "0".repeat(323) + "5");
  }

  @Test
  void formatF_maxValueHasAllIntegerDigits() {
    assertThat(GoFloatFormat.formatF(Double.MAX_VALUE))
        .isEqualTo("17976931348623157" + "0".repeat(292));
  }

  @Test
  void allFormats_matchGoOutputForRecordedValues() throws IOException {
    List<String[]> lines = readGoData();
    int doubles = 0;
    for (String[] f : lines) {
      if (!f[0].equals("d")) {
        continue;
      }
      doubles++;
      double v = Double.longBitsToDouble(Long.parseUnsignedLong(f[1], 16));
      String expectedG = v == 0 ? "0" : f[2];
      assertThat(GoFloatFormat.formatG(v)).as("g of %s", f[1]).isEqualTo(expectedG);
      assertThat(writeG(v)).as("writeG of %s", f[1]).isEqualTo(expectedG);
      assertThat(GoFloatFormat.formatV(v)).as("v of %s", f[1]).isEqualTo(f[3]);
      if (!f[4].equals("-")) {
        assertThat(GoFloatFormat.formatF(v)).as("f of %s", f[1]).isEqualTo(f[4]);
      }
    }
    assertThat(doubles).isGreaterThan(7000);
  }

  @Test
  void uint64ToDouble_matchesGoConversionForRecordedValues() throws IOException {
    int count = 0;
    for (String[] f : readGoData()) {
      if (f[0].equals("u")) {
        count++;
        double v = GoConversions.uint64ToDouble(Long.parseUnsignedLong(f[1]));
        assertThat(GoFloatFormat.formatV(v)).as("float64(%s)", f[1]).isEqualTo(f[2]);
      }
    }
    assertThat(count).isGreaterThan(1000);
  }

  @Test
  void allFormats_matchSlowReferenceForRandomDoubles() {
    SplittableRandom random = new SplittableRandom(4711);
    for (int i = 0; i < 8_000; i++) {
      double v = randomDouble(random, i % 4);
      if (Double.isNaN(v) || Double.isInfinite(v) || v == 0) {
        continue;
      }
      BigDecimal shortest = referenceShortest(v);
      assertThat(GoFloatFormat.formatV(v)).as("v of %s", v).isEqualTo(referenceG(v, shortest));
      assertThat(writeG(v)).as("writeG of %s", v).isEqualTo(referenceG(v, shortest));
      assertThat(GoFloatFormat.formatF(v))
          .as("f of %s", v)
          .isEqualTo((v < 0 ? "-" : "") + shortest.toPlainString());
    }
  }

  private static double randomDouble(SplittableRandom random, int kind) {
    return switch (kind) {
      case 0 -> Double.longBitsToDouble(random.nextLong());
      case 1 -> random.nextLong(1, 10_000_000) * Math.pow(10, random.nextInt(-30, 30));
      case 2 -> random.nextDouble() * Math.pow(10, random.nextInt(-12, 12));
      default -> Double.longBitsToDouble(random.nextLong(1, 1L << 20)); // tiny subnormals
    };
  }

  /**
   * The shortest decimal that reads back as {@code v}, closest to it among those of that length,
   * found by brute force over the precisions.
   */
  private static BigDecimal referenceShortest(double v) {
    BigDecimal exact = sticky(new BigDecimal(Math.abs(v)));
    for (int precision = 1; precision <= 17; precision++) {
      BigDecimal best = null;
      for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
        BigDecimal candidate = exact.round(new MathContext(precision, mode));
        if (Double.parseDouble(candidate.toString()) == Math.abs(v)
            && (best == null || isCloser(candidate, best, exact))) {
          best = candidate;
        }
      }
      if (best != null) {
        return best.stripTrailingZeros();
      }
    }
    throw new AssertionError("no round trip for " + v);
  }

  /**
   * {@code exact} cut to 25 digits plus a 26th digit 1 if anything was cut: cheaper to round, and
   * every rounding and comparison at up to 18 digits comes out as for {@code exact}.
   */
  private static BigDecimal sticky(BigDecimal exact) {
    BigDecimal cut = exact.round(new MathContext(25, RoundingMode.DOWN));
    return cut.compareTo(exact) == 0 ? exact : cut.add(cut.ulp().movePointLeft(1));
  }

  /** Closer to {@code exact}, or as close and with an even last digit (Go rounds half to even). */
  private static boolean isCloser(BigDecimal candidate, BigDecimal other, BigDecimal exact) {
    int c = candidate.subtract(exact).abs().compareTo(other.subtract(exact).abs());
    return c < 0 || (c == 0 && !candidate.unscaledValue().testBit(0));
  }

  private static String referenceG(double v, BigDecimal shortest) {
    String digits = shortest.unscaledValue().toString();
    int exponent = digits.length() - 1 - shortest.scale();
    String sign = v < 0 ? "-" : "";
    if (exponent >= -4 && exponent < 6) {
      return sign + shortest.toPlainString();
    }
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    return sign
        + mantissa
        + "e"
        + (exponent < 0 ? "-" : "+")
        + String.format("%02d", Math.abs(exponent));
  }

  private static String writeG(double v) {
    byte[] scratch = new byte[GoFloatFormat.SCRATCH_SIZE];
    int n = GoFloatFormat.writeG(v, scratch);
    return new String(scratch, 0, n, StandardCharsets.US_ASCII);
  }

  private static List<String[]> readGoData() throws IOException {
    List<String[]> out = new ArrayList<>();
    try (InputStream in =
            Objects.requireNonNull(GoFloatFormatTest.class.getResourceAsStream(GO_DATA));
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        out.add(line.split(" "));
      }
    }
    return out;
  }
}
