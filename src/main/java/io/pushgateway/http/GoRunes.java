package io.pushgateway.http;

/**
 * Go's rune handling on byte strings (see {@link ByteStrings}): UTF-8 decoding where an invalid
 * byte decodes as U+FFFD of width 1, encoding into a fixed 4-byte buffer, and {@code
 * strings.EqualFold}. The case-insensitive route lookup depends on these exact semantics.
 */
final class GoRunes {
  static final int RUNE_ERROR = 0xFFFD;

  private GoRunes() {}

  /** Whether the byte can start a UTF-8 sequence (Go's {@code utf8.RuneStart}). */
  static boolean isRuneStart(char b) {
    return (b & 0xC0) != 0x80;
  }

  /** The rune at {@code i}; invalid or truncated sequences give U+FFFD (width 1). */
  static int decode(String s, int i) {
    return decodeWithWidth(s, i) >>> 3;
  }

  /** Packs rune {@code << 3 | width}, so callers can step through a byte string. */
  static int decodeWithWidth(String s, int i) {
    int b0 = s.charAt(i);
    if (b0 < 0x80) {
      return b0 << 3 | 1;
    }
    int width;
    int lo = 0x80;
    int hi = 0xBF;
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
      return RUNE_ERROR << 3 | 1;
    }
    if (i + width > s.length()) {
      return RUNE_ERROR << 3 | 1;
    }
    for (int k = 1; k < width; k++) {
      int b = s.charAt(i + k);
      if (b < lo || b > hi) {
        return RUNE_ERROR << 3 | 1;
      }
      lo = 0x80;
      hi = 0xBF;
      rune = rune << 6 | (b & 0x3F);
    }
    return rune << 3 | width;
  }

  /**
   * Writes the UTF-8 encoding of {@code rune} to the start of {@code buf}, leaving later bytes as
   * they were (like Go's {@code utf8.EncodeRune} into a reused array).
   */
  static void encodeInto(byte[] buf, int rune) {
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

  /** Go's {@code strings.EqualFold} on two byte strings (simple Unicode case folding). */
  static boolean equalFold(String s, String t) {
    int i = 0;
    int j = 0;
    while (i < s.length() && j < t.length()) {
      int sd = decodeWithWidth(s, i);
      int td = decodeWithWidth(t, j);
      i += sd & 7;
      j += td & 7;
      if (!sameFold(sd >>> 3, td >>> 3)) {
        return false;
      }
    }
    return i == s.length() && j == t.length();
  }

  private static boolean sameFold(int a, int b) {
    if (a == b) {
      return true;
    }
    if (a < 0x80 && b < 0x80) {
      return Character.toLowerCase(a) == Character.toLowerCase(b);
    }
    return Character.toUpperCase(a) == Character.toUpperCase(b)
        || Character.toLowerCase(a) == Character.toLowerCase(b);
  }
}
