package io.pushgateway.exposition;

import java.nio.charset.StandardCharsets;

/** UTF-8 decoding with the exact acceptance rules of Go's {@code unicode/utf8} package. */
final class TextUtf8 {
  /** What Go's {@code utf8.DecodeRune} yields for an invalid byte (with width 1). */
  static final int RUNE_ERROR = 0xFFFD;

  private TextUtf8() {}

  /**
   * Decodes the rune starting at {@code b[i]} (with {@code i < end}) like Go's {@code
   * utf8.DecodeRune}. Returns {@code rune | width << 24}; an invalid sequence yields {@link
   * #RUNE_ERROR} with width 1.
   */
  static int decodeRune(byte[] b, int i, int end) {
    int b0 = b[i] & 0xFF;
    if (b0 < 0x80) {
      return b0 | 1 << 24;
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
      return RUNE_ERROR | 1 << 24;
    }
    if (i + width > end) {
      return RUNE_ERROR | 1 << 24;
    }
    for (int k = 1; k < width; k++) {
      int c = b[i + k] & 0xFF;
      if (c < lo || c > hi) {
        return RUNE_ERROR | 1 << 24;
      }
      lo = 0x80;
      hi = 0xBF;
      rune = rune << 6 | (c & 0x3F);
    }
    return rune | width << 24;
  }

  /** {@link #check} result: only ASCII bytes. */
  static final int ASCII = 0;

  /** {@link #check} result: valid UTF-8 with some non-ASCII characters. */
  static final int NON_ASCII = 1;

  /** {@link #check} result: not valid UTF-8. */
  static final int INVALID = 2;

  /** Classifies {@code b[off, end)} as {@link #ASCII}, {@link #NON_ASCII} or {@link #INVALID}. */
  static int check(byte[] b, int off, int end) {
    int i = off;
    while (i < end && b[i] >= 0) {
      i++;
    }
    if (i == end) {
      return ASCII;
    }
    while (i < end) {
      if (b[i] >= 0) {
        i++;
        continue;
      }
      int width = decodeRune(b, i, end) >>> 24;
      if (width == 1) {
        return INVALID; // a non-ASCII byte decoding with width 1 is always an error
      }
      i += width;
    }
    return NON_ASCII;
  }

  /** Whether {@code b[off, end)} is valid UTF-8 (Go's {@code utf8.Valid}). */
  static boolean isValid(byte[] b, int off, int end) {
    return check(b, off, end) != INVALID;
  }

  /** Decodes bytes classified by {@link #check} as {@link #ASCII} or {@link #NON_ASCII}. */
  static String decode(byte[] b, int off, int end, int check) {
    return new String(
        b, off, end - off, check == ASCII ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
  }

  /** Decodes bytes already known to be valid UTF-8. */
  static String decodeValid(byte[] b, int off, int end) {
    return decode(b, off, end, check(b, off, end));
  }
}
