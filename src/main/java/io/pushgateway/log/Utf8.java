package io.pushgateway.log;

/**
 * Go's {@code utf8.DecodeRune}: decodes one rune, answering U+FFFD with width 1 for a byte that
 * does not start a valid (shortest-form, non-surrogate) UTF-8 sequence. The result packs the rune
 * and its width into one long so that the hot loop allocates nothing.
 */
final class Utf8 {
  private static final int RUNE_ERROR = 0xFFFD;

  private Utf8() {}

  static int rune(long decoded) {
    return (int) (decoded >>> 8);
  }

  static int width(long decoded) {
    return (int) (decoded & 0xFF);
  }

  static long decode(byte[] b, int i) {
    int b0 = b[i] & 0xFF;
    if (b0 < 0x80) {
      return pack(b0, 1);
    }
    int width;
    int rune;
    int min;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
      width = 2;
      rune = b0 & 0x1F;
      min = 0x80;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
      width = 3;
      rune = b0 & 0x0F;
      min = 0x800;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
      width = 4;
      rune = b0 & 0x07;
      min = 0x10000;
    } else {
      return pack(RUNE_ERROR, 1);
    }
    if (i + width > b.length) {
      return pack(RUNE_ERROR, 1);
    }
    for (int k = 1; k < width; k++) {
      int c = b[i + k] & 0xFF;
      if ((c & 0xC0) != 0x80) {
        return pack(RUNE_ERROR, 1);
      }
      rune = (rune << 6) | (c & 0x3F);
    }
    boolean invalid = rune < min || rune > 0x10FFFF || (rune >= 0xD800 && rune <= 0xDFFF);
    return invalid ? pack(RUNE_ERROR, 1) : pack(rune, width);
  }

  private static long pack(int rune, int width) {
    return ((long) rune << 8) | width;
  }
}
