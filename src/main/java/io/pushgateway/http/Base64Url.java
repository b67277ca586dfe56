package io.pushgateway.http;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * The Pushgateway's base64 decoding of URL segments: strip every trailing {@code =}, then decode
 * with Go's {@code base64.RawURLEncoding} (URL-safe alphabet, no padding, unused trailing bits
 * ignored, CR and LF skipped). Errors carry Go's byte offset and the bytes decoded before them,
 * which the job-name error message quotes.
 */
final class Base64Url {
  private static final byte[] DECODE = decodeTable();

  private Base64Url() {}

  /** The outcome: the bytes decoded (all, or those before the error) and the error offset. */
  static final class Result {
    private final byte[] decoded;
    private final int errorOffset;

    Result(byte[] decoded, int errorOffset) {
      this.decoded = decoded;
      this.errorOffset = errorOffset;
    }

    byte[] decoded() {
      return decoded.clone();
    }

    /** The offset Go reports, or -1 if decoding succeeded. */
    int errorOffset() {
      return errorOffset;
    }

    boolean failed() {
      return errorOffset >= 0;
    }

    /** Go's error text, {@code illegal base64 data at input byte N}. */
    String errorText() {
      return "illegal base64 data at input byte " + errorOffset;
    }
  }

  static Result decode(byte[] input) {
    int end = input.length;
    while (end > 0 && input[end - 1] == '=') {
      end--;
    }
    byte[] src = Arrays.copyOf(input, end);
    ByteArrayOutputStream out = new ByteArrayOutputStream(end * 3 / 4 + 3);
    int[] pos = {0};
    while (pos[0] < src.length) {
      int error = decodeQuantum(src, pos, out);
      if (error >= 0) {
        return new Result(out.toByteArray(), error);
      }
    }
    return new Result(out.toByteArray(), -1);
  }

  /**
   * Decodes up to four significant characters starting at {@code pos[0]} like Go's decodeQuantum
   * (for an encoding without padding), advancing {@code pos[0]}. Returns the error offset or -1; on
   * error nothing of this quantum is written.
   */
  private static int decodeQuantum(byte[] src, int[] pos, ByteArrayOutputStream out) {
    int si = pos[0];
    int[] digits = new int[4];
    int count = 0;
    while (count < 4) {
      if (si == src.length) {
        if (count == 1) {
          return si - count;
        }
        break;
      }
      int in = src[si++] & 0xFF;
      if (in == '\n' || in == '\r') {
        continue;
      }
      int value = DECODE[in];
      if (value < 0) {
        return si - 1;
      }
      digits[count++] = value;
    }
    pos[0] = si;
    writeQuantum(digits, count, out);
    return -1;
  }

  private static void writeQuantum(int[] d, int count, ByteArrayOutputStream out) {
    int val = d[0] << 18 | d[1] << 12 | d[2] << 6 | d[3];
    if (count >= 2) {
      out.write(val >> 16);
    }
    if (count >= 3) {
      out.write(val >> 8);
    }
    if (count == 4) {
      out.write(val);
    }
  }

  private static byte[] decodeTable() {
    byte[] table = new byte[256];
    Arrays.fill(table, (byte) -1);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (int i = 0; i < alphabet.length(); i++) {
      table[alphabet.charAt(i)] = (byte) i;
    }
    return table;
  }
}
