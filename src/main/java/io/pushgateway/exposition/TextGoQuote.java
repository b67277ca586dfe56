package io.pushgateway.exposition;

import java.nio.charset.StandardCharsets;

/**
 * Go's {@code %q} formatting ({@code strconv.Quote} and {@code strconv.QuoteRune}) for error
 * messages, working on raw bytes so that invalid UTF-8 shows as {@code \xff} just as in Go.
 */
final class TextGoQuote {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private TextGoQuote() {}

  /** {@code %q} of a string given as bytes: double-quoted, Go escapes. */
  static String quote(byte[] b, int off, int end) {
    StringBuilder sb = new StringBuilder(end - off + 2).append('"');
    int i = off;
    while (i < end) {
      int r = TextUtf8.decodeRune(b, i, end);
      int width = r >>> 24;
      int rune = r & 0xFFFFFF;
      if (width == 1 && rune == TextUtf8.RUNE_ERROR) {
        sb.append("\\x");
        appendHex(sb, b[i] & 0xFF, 2);
      } else {
        appendEscapedRune(sb, rune, '"');
      }
      i += width;
    }
    return sb.append('"').toString();
  }

  /** {@code %q} of a Java string (as its UTF-8 bytes). */
  static String quote(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return quote(b, 0, b.length);
  }

  /** {@code %q} of a byte value, which Go formats as a single-quoted rune literal. */
  static String quoteByte(int b) {
    StringBuilder sb = new StringBuilder(8).append('\'');
    appendEscapedRune(sb, b & 0xFF, '\'');
    return sb.append('\'').toString();
  }

  private static void appendEscapedRune(StringBuilder sb, int r, char quote) {
    if (r == quote || r == '\\') {
      sb.append('\\').appendCodePoint(r);
    } else if (isPrint(r)) {
      sb.appendCodePoint(r);
    } else {
      appendNonPrintable(sb, r);
    }
  }

  private static void appendNonPrintable(StringBuilder sb, int r) {
    switch (r) {
      case 0x07 -> sb.append("\\a");
      case '\b' -> sb.append("\\b");
      case '\f' -> sb.append("\\f");
      case '\n' -> sb.append("\\n");
      case '\r' -> sb.append("\\r");
      case '\t' -> sb.append("\\t");
      case 0x0B -> sb.append("\\v");
      default -> {
        if (r < ' ' || r == 0x7F) {
          sb.append("\\x");
          appendHex(sb, r, 2);
        } else if (r < 0x10000) {
          sb.append("\\u");
          appendHex(sb, r, 4);
        } else {
          sb.append("\\U");
          appendHex(sb, r, 8);
        }
      }
    }
  }

  private static void appendHex(StringBuilder sb, int v, int digits) {
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
      sb.append(HEX[(v >>> shift) & 0xF]);
    }
  }

  /**
   * Go's {@code strconv.IsPrint}: letters, marks, numbers, punctuation, symbols and the ASCII
   * space.
   */
  static boolean isPrint(int r) {
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
}
