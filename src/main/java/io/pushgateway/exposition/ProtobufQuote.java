package io.pushgateway.exposition;

import java.nio.charset.StandardCharsets;

/**
 * Quotes raw bytes like Go's {@code %q} ({@code strconv.Quote}), so that error messages show
 * invalid UTF-8 the way the Go Pushgateway does: {@code "\xff"}.
 */
final class ProtobufQuote {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private ProtobufQuote() {}

  static String quote(String s) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    return quote(bytes, 0, bytes.length);
  }

  static String quote(byte[] bytes, int start, int length) {
    StringBuilder sb = new StringBuilder(length + 2).append('"');
    int end = start + length;
    int i = start;
    while (i < end) {
      int width = runeWidth(bytes, i, end);
      if (width == 0) {
        appendHex(sb.append("\\x"), bytes[i] & 0xFF, 2);
        i++;
      } else {
        appendRune(sb, decode(bytes, i, width));
        i += width;
      }
    }
    return sb.append('"').toString();
  }

  /** The length of the valid UTF-8 sequence at {@code i}, or 0 if there is none (Go's rules). */
  private static int runeWidth(byte[] b, int i, int end) {
    int b0 = b[i] & 0xFF;
    if (b0 < 0x80) {
      return 1;
    }
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
    if (i + width > end) {
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

  private static int decode(byte[] b, int i, int width) {
    if (width == 1) {
      return b[i];
    }
    int cp = b[i] & (0x7F >> width);
    for (int k = 1; k < width; k++) {
      cp = (cp << 6) | (b[i + k] & 0x3F);
    }
    return cp;
  }

  private static void appendRune(StringBuilder sb, int cp) {
    switch (cp) {
      case '"', '\\' -> sb.append('\\').append((char) cp);
      case 0x07 -> sb.append("\\a");
      case '\b' -> sb.append("\\b");
      case '\f' -> sb.append("\\f");
      case '\n' -> sb.append("\\n");
      case '\r' -> sb.append("\\r");
      case '\t' -> sb.append("\\t");
      case 0x0B -> sb.append("\\v");
      default -> appendOther(sb, cp);
    }
  }

  private static void appendOther(StringBuilder sb, int cp) {
    if (isPrint(cp)) {
      sb.appendCodePoint(cp);
    } else if (cp < ' ' || cp == 0x7F) {
      appendHex(sb.append("\\x"), cp, 2);
    } else if (cp < 0x10000) {
      appendHex(sb.append("\\u"), cp, 4);
    } else {
      appendHex(sb.append("\\U"), cp, 8);
    }
  }

  /**
   * Go's {@code unicode.IsPrint}: letters, marks, numbers, punctuation, symbols and ASCII space.
   */
  private static boolean isPrint(int cp) {
    if (cp < 0x80) {
      return cp >= 0x20 && cp < 0x7F;
    }
    return switch (Character.getType(cp)) {
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

  private static void appendHex(StringBuilder sb, int value, int digits) {
    for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) {
      sb.append(HEX[(value >>> shift) & 0xF]);
    }
  }
}
