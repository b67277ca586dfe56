package io.pushgateway.fuzz;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Turns a valid input into a near-valid one with one to four random edits: byte flips, truncation,
 * deleting, duplicating or inserting a range, inserting a token of the format's vocabulary, or
 * splicing in part of another seed. Deterministic for a given {@link Random}.
 */
final class Mutator {
  /** Tokens of the text format, protobuf wire bytes and URL pieces that edits like to insert. */
  static final List<byte[]> TOKENS =
      tokens(
          "# HELP ",
          "# TYPE ",
          " counter",
          " gauge",
          " histogram",
          " summary",
          " untyped",
          " gaugehistogram",
          "{",
          "}",
          "=\"",
          "\"",
          ",",
          "\\",
          "\\n",
          "\\\"",
          "\n",
          " ",
          "\t",
          "_bucket",
          "_sum",
          "_count",
          "_total",
          "le=\"+Inf\"",
          "quantile=\"0.5\"",
          "NaN",
          "+Inf",
          "-Inf",
          "1e308",
          "-0",
          "0x1p3",
          "9223372036854775807",
          " 1700000000000",
          "__name__",
          "job",
          "instance",
          "@base64",
          "/",
          "//",
          "/../",
          "/./",
          "%2F",
          "%",
          "=",
          "\u00ff",
          "\u00e9",
          "\ud83d\ude00",
          "\u0000",
          "\r");

  private static final byte[][] WIRE = {
    {(byte) 0x80},
    {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f},
    {0x0a},
    {0x12},
    {0x18},
    {0x22},
    {0x1a},
    {0x00},
    {0x0b},
    {0x0c},
    {0x07},
    {0x01},
    {(byte) 0xff, 0x01}
  };

  private Mutator() {}

  static byte[] mutate(byte[] input, List<byte[]> others, Random r) {
    byte[] out = input;
    int edits = 1 + r.nextInt(4);
    for (int i = 0; i < edits; i++) {
      out = edit(out, others, r);
    }
    return out;
  }

  private static byte[] edit(byte[] in, List<byte[]> others, Random r) {
    int n = in.length;
    int at = n == 0 ? 0 : r.nextInt(n + 1);
    switch (r.nextInt(9)) {
      case 0 -> {
        if (n > 0) {
          byte[] out = in.clone();
          out[Math.min(at, n - 1)] ^= (byte) (1 << r.nextInt(8));
          return out;
        }
        return in;
      }
      case 1 -> {
        if (n > 0) {
          byte[] out = in.clone();
          out[Math.min(at, n - 1)] = (byte) r.nextInt(256);
          return out;
        }
        return in;
      }
      case 2 -> {
        return Arrays.copyOf(in, at);
      }
      case 3 -> {
        int len = Math.min(n - at, 1 + r.nextInt(8));
        return concat(Arrays.copyOf(in, at), Arrays.copyOfRange(in, at + len, n));
      }
      case 4 -> {
        int len = Math.min(n - at, 1 + r.nextInt(32));
        byte[] range = Arrays.copyOfRange(in, at, at + len);
        return concat(Arrays.copyOf(in, at + len), range, Arrays.copyOfRange(in, at + len, n));
      }
      case 5 -> {
        byte[] token = TOKENS.get(r.nextInt(TOKENS.size()));
        return concat(Arrays.copyOf(in, at), token, Arrays.copyOfRange(in, at, n));
      }
      case 6 -> {
        byte[] token = WIRE[r.nextInt(WIRE.length)];
        return concat(Arrays.copyOf(in, at), token, Arrays.copyOfRange(in, at, n));
      }
      case 7 -> {
        byte[] other = others.isEmpty() ? in : others.get(r.nextInt(others.size()));
        int from = other.length == 0 ? 0 : r.nextInt(other.length);
        int to = from + r.nextInt(other.length - from + 1);
        return concat(Arrays.copyOf(in, at), Arrays.copyOfRange(other, from, to));
      }
      default -> {
        byte[] random = new byte[1 + r.nextInt(4)];
        r.nextBytes(random);
        return concat(Arrays.copyOf(in, at), random, Arrays.copyOfRange(in, at, n));
      }
    }
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  private static List<byte[]> tokens(String... tokens) {
    return Arrays.stream(tokens).map(t -> t.getBytes(UTF_8)).toList();
  }
}
