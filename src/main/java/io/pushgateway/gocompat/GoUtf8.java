package io.pushgateway.gocompat;

import java.nio.charset.StandardCharsets;

/**
 * UTF-8 with the exact rules of Go's {@code unicode/utf8}: no overlong forms, no surrogates,
 * nothing above U+10FFFF, and an invalid byte decoding as U+FFFD of width 1.
 */
public final class GoUtf8 {
  /** What Go's {@code utf8.DecodeRune} yields for an invalid byte (with width 1). */
  public static final int RUNE_ERROR = 0xFFFD;

  /** {@link #check} result: only ASCII bytes. */
  public static final int ASCII = 0;

  /** {@link #check} result: valid UTF-8 with some non-ASCII characters. */
  public static final int NON_ASCII = 1;

  /** {@link #check} result: not valid UTF-8. */
  public static final int INVALID = 2;

  private static final int WIDTH_SHIFT = 24;
  private static final int ERROR = RUNE_ERROR | 1 << WIDTH_SHIFT;

  private GoUtf8() {}

  /**
   * Decodes the rune starting at {@code b[i]} (with {@code i < end}) like Go's {@code
   * utf8.DecodeRune}; read the result with {@link #rune} and {@link #width}. An invalid or
   * truncated sequence yields {@link #RUNE_ERROR} with width 1.
   */
  public static int decodeRune(byte[] b, int i, int end) {
    int b0 = b[i] & 0xFF;
    if (b0 < 0x80) {
      return b0 | 1 << WIDTH_SHIFT;
    }
    int lo = 0x80;
    int hi = 0xBF;
    int width;
    int rune;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
      width = 2;
      rune = b0 & 0x1F;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
      width = 3;
      rune = b0 & 0x0F;
      lo = b0 == 0xE0 ? 0xA0 : 0x80;
      hi = b0 == 0xED ? 0x9F : 0xBF;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
      width = 4;
      rune = b0 & 0x07;
      lo = b0 == 0xF0 ? 0x90 : 0x80;
      hi = b0 == 0xF4 ? 0x8F : 0xBF;
    } else {
      return ERROR;
    }
    if (i + width > end) {
      return ERROR;
    }
    for (int k = 1; k < width; k++) {
      int c = b[i + k] & 0xFF;
      if (c < lo || c > hi) {
        return ERROR;
      }
      lo = 0x80;
      hi = 0xBF;
      rune = rune << 6 | (c & 0x3F);
    }
    return rune | width << WIDTH_SHIFT;
  }

  /** The rune of a {@link #decodeRune} result. */
  public static int rune(int decoded) {
    return decoded & ((1 << WIDTH_SHIFT) - 1);
  }

  /** The width in bytes (1 to 4) of a {@link #decodeRune} result. */
  public static int width(int decoded) {
    return decoded >>> WIDTH_SHIFT;
  }

  /** Whether a {@link #decodeRune} result stands for an invalid byte (not a real U+FFFD). */
  public static boolean isError(int decoded) {
    return decoded == ERROR;
  }

  /** Whether the byte can start a UTF-8 sequence (Go's {@code utf8.RuneStart}). */
  public static boolean isRuneStart(int b) {
    return (b & 0xC0) != 0x80;
  }

  /** Classifies {@code b[from, to)} as {@link #ASCII}, {@link #NON_ASCII} or {@link #INVALID}. */
  public static int check(byte[] b, int from, int to) {
    int i = from;
    while (i < to && b[i] >= 0) {
      i++;
    }
    if (i == to) {
      return ASCII;
    }
    while (i < to) {
      if (b[i] >= 0) {
        i++;
        continue;
      }
      int width = width(decodeRune(b, i, to));
      if (width == 1) {
        return INVALID; // a non-ASCII byte decoding with width 1 is always an error
      }
      i += width;
    }
    return NON_ASCII;
  }

  /** Whether {@code b[from, to)} is valid UTF-8 (Go's {@code utf8.Valid}). */
  public static boolean isValid(byte[] b, int from, int to) {
    return check(b, from, to) != INVALID;
  }

  /** Whether {@code b} is valid UTF-8 (Go's {@code utf8.Valid}). */
  public static boolean isValid(byte[] b) {
    return isValid(b, 0, b.length);
  }

  /** Decodes bytes that {@link #check} classified as {@link #ASCII} or {@link #NON_ASCII}. */
  public static String decode(byte[] b, int from, int to, int check) {
    return new String(
        b, from, to - from, check == ASCII ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
  }

  /** Decodes bytes already known to be valid UTF-8. */
  public static String decodeValid(byte[] b, int from, int to) {
    return decode(b, from, to, check(b, from, to));
  }

  /**
   * Writes the UTF-8 encoding of {@code rune} to the start of {@code buf}, leaving later bytes as
   * they were (like Go's {@code utf8.EncodeRune} into a reused array); invalid runes as U+FFFD.
   */
  public static void encodeInto(byte[] buf, int rune) {
    if (rune < 0 || rune > Character.MAX_CODE_POINT || (rune >= 0xD800 && rune <= 0xDFFF)) {
      rune = RUNE_ERROR;
    }
    if (rune < 0x80) {
      buf[0] = (byte) rune;
    } else if (rune < 0x800) {
      buf[0] = (byte) (0xC0 | rune >> 6);
      buf[1] = (byte) (0x80 | (rune & 0x3F));
    } else if (rune < 0x10000) {
      buf[0] = (byte) (0xE0 | rune >> 12);
      buf[1] = (byte) (0x80 | (rune >> 6 & 0x3F));
      buf[2] = (byte) (0x80 | (rune & 0x3F));
    } else {
      buf[0] = (byte) (0xF0 | rune >> 18);
      buf[1] = (byte) (0x80 | (rune >> 12 & 0x3F));
      buf[2] = (byte) (0x80 | (rune >> 6 & 0x3F));
      buf[3] = (byte) (0x80 | (rune & 0x3F));
    }
  }
}
