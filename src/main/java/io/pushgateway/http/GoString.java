package io.pushgateway.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Go strings (arbitrary bytes) held in Java strings. Bytes that are not valid UTF-8 become the lone
 * surrogates U+DC80..U+DCFF (one per byte, like Python's "surrogateescape"), so that request paths
 * with {@code %FF} survive routing unchanged and can still be reported and rejected precisely.
 */
public final class GoString {
  private static final int ESCAPE_BASE = 0xDC00;
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private GoString() {}

  /** Decodes bytes as UTF-8 the way Go does, escaping every byte that Go would see as invalid. */
  public static String fromBytes(byte[] bytes) {
    StringBuilder out = new StringBuilder(bytes.length);
    int i = 0;
    while (i < bytes.length) {
      int b = bytes[i] & 0xFF;
      if (b < 0x80) {
        out.append((char) b);
        i++;
        continue;
      }
      int width = Utf8.validSequenceLength(bytes, i);
      if (width == 0) {
        out.append((char) (ESCAPE_BASE | b));
        i++;
      } else {
        out.appendCodePoint(Utf8.decode(bytes, i, width));
        i += width;
      }
    }
    return out.toString();
  }

  /** The Go bytes a string from {@link #fromBytes} stands for (its inverse). */
  public static byte[] toBytes(String s) {
    if (isAscii(s)) {
      return s.getBytes(StandardCharsets.ISO_8859_1);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length() + 8);
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (isEscapedByte(cp)) {
        out.write(cp & 0xFF);
      } else if (isLoneSurrogate(cp)) {
        // A lone surrogate cannot come from fromBytes; Go would hold U+FFFD for it.
        out.writeBytes("\uFFFD".getBytes(StandardCharsets.UTF_8));
      } else {
        out.writeBytes(Character.toString(cp).getBytes(StandardCharsets.UTF_8));
      }
    }
    return out.toByteArray();
  }

  /** Whether the Go string is valid UTF-8, i.e. holds no escaped byte. */
  public static boolean isValidUtf8(String s) {
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (isLoneSurrogate(cp)) {
        return false;
      }
      i += Character.charCount(cp);
    }
    return true;
  }

  /** Go's {@code %q} ({@code strconv.Quote}) of the Go string. */
  public static String quote(String s) {
    return quote(toBytes(s));
  }

  /** Go's {@code %q} ({@code strconv.Quote}) of raw bytes. */
  public static String quote(byte[] bytes) {
    StringBuilder out = new StringBuilder(bytes.length + 2).append('"');
    int i = 0;
    while (i < bytes.length) {
      int b = bytes[i] & 0xFF;
      int width = b < 0x80 ? 1 : Utf8.validSequenceLength(bytes, i);
      if (width == 0) {
        appendHexByte(out, b);
        i++;
      } else {
        appendEscapedRune(out, width == 1 ? b : Utf8.decode(bytes, i, width));
        i += width;
      }
    }
    return out.append('"').toString();
  }

  private static void appendEscapedRune(StringBuilder out, int r) {
    if (r == '"' || r == '\\') {
      out.append('\\').append((char) r);
    } else if (isGoPrintable(r)) {
      out.appendCodePoint(r);
    } else {
      switch (r) {
        case 0x07 -> out.append("\\a");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case 0x0B -> out.append("\\v");
        default -> appendNonPrintable(out, r);
      }
    }
  }

  private static void appendNonPrintable(StringBuilder out, int r) {
    if (r < ' ' || r == 0x7F) {
      appendHexByte(out, r);
    } else if (r < 0x10000) {
      out.append("\\u").append(hex(r, 4));
    } else {
      out.append("\\U").append(hex(r, 8));
    }
  }

  private static void appendHexByte(StringBuilder out, int b) {
    out.append("\\x").append(HEX[b >> 4]).append(HEX[b & 0xF]);
  }

  private static String hex(int value, int digits) {
    char[] c = new char[digits];
    for (int i = digits - 1; i >= 0; i--) {
      c[i] = HEX[value & 0xF];
      value >>>= 4;
    }
    return new String(c);
  }

  /** Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and ASCII space. */
  static boolean isGoPrintable(int r) {
    if (r < 0x80) {
      return r >= 0x20 && r < 0x7F;
    }
    return switch (Character.getType(r)) {
      case Character.UPPERCASE_LETTER,
          Character.LOWERCASE_LETTER,
          Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER,
          Character.OTHER_LETTER,
          Character.NON_SPACING_MARK,
          Character.ENCLOSING_MARK,
          Character.COMBINING_SPACING_MARK,
          Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER,
          Character.OTHER_NUMBER,
          Character.CONNECTOR_PUNCTUATION,
          Character.DASH_PUNCTUATION,
          Character.START_PUNCTUATION,
          Character.END_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION,
          Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION,
          Character.MATH_SYMBOL,
          Character.CURRENCY_SYMBOL,
          Character.MODIFIER_SYMBOL,
          Character.OTHER_SYMBOL ->
          true;
      default -> false;
    };
  }

  /** codePointAt yields a surrogate value only for a surrogate without its partner. */
  private static boolean isLoneSurrogate(int cp) {
    return cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE;
  }

  private static boolean isEscapedByte(int cp) {
    return cp >= ESCAPE_BASE + 0x80 && cp <= ESCAPE_BASE + 0xFF;
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /** UTF-8 validation with Go's rules (no overlongs, no surrogates, nothing above U+10FFFF). */
  private static final class Utf8 {
    private Utf8() {}

    /** The length of the valid multi-byte sequence starting at {@code i}, or 0 if invalid. */
    static int validSequenceLength(byte[] b, int i) {
      int b0 = b[i] & 0xFF;
      int width;
      int lo = 0x80;
      int hi = 0xBF;
      if (b0 >= 0xC2 && b0 <= 0xDF) {
        width = 2;
      } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        width = 3;
        lo = b0 == 0xE0 ? 0xA0 : 0x80;
        hi = b0 == 0xED ? 0x9F : 0xBF;
      } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        width = 4;
        lo = b0 == 0xF0 ? 0x90 : 0x80;
        hi = b0 == 0xF4 ? 0x8F : 0xBF;
      } else {
        return 0;
      }
      if (i + width > b.length) {
        return 0;
      }
      int b1 = b[i + 1] & 0xFF;
      if (b1 < lo || b1 > hi) {
        return 0;
      }
      for (int k = 2; k < width; k++) {
        int bk = b[i + k] & 0xFF;
        if (bk < 0x80 || bk > 0xBF) {
          return 0;
        }
      }
      return width;
    }

    static int decode(byte[] b, int i, int width) {
      int cp = (b[i] & 0xFF) & (0xFF >> (width + 1));
      for (int k = 1; k < width; k++) {
        cp = (cp << 6) | (b[i + k] & 0x3F);
      }
      return cp;
    }
  }
}
