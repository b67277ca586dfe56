package io.pushgateway.log;

import java.nio.charset.StandardCharsets;

/**
 * Go's {@code strconv.Quote}: a double-quoted string literal with Go escapes, as Go programs print
 * values in error messages ({@code %q}) and in logfmt log lines.
 */
public final class GoQuote {
  private static final char[] LOWER_HEX = "0123456789abcdef".toCharArray();
  private static final int RUNE_ERROR = 0xFFFD;

  private GoQuote() {}

  /** Quotes {@code s} like Go's {@code strconv.Quote}, e.g. {@code "a\"b\n"}. */
  public static String quote(String s) {
    return quote(s.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Quotes UTF-8 bytes like Go's {@code strconv.Quote}; bytes that are not valid UTF-8 are written
   * as {@code \xNN}.
   */
  public static String quote(byte[] utf8) {
    StringBuilder out = new StringBuilder(utf8.length + 2).append('"');
    int i = 0;
    while (i < utf8.length) {
      long decoded = Utf8.decode(utf8, i);
      int rune = Utf8.rune(decoded);
      int width = Utf8.width(decoded);
      if (width == 1 && rune == RUNE_ERROR) {
        appendHexByte(out.append("\\x"), utf8[i] & 0xFF);
      } else {
        appendEscapedRune(out, rune);
      }
      i += width;
    }
    return out.append('"').toString();
  }

  private static void appendEscapedRune(StringBuilder out, int rune) {
    if (rune == '"' || rune == '\\') {
      out.append('\\').append((char) rune);
    } else if (isPrint(rune)) {
      out.appendCodePoint(rune);
    } else {
      appendNonPrintable(out, rune);
    }
  }

  private static void appendNonPrintable(StringBuilder out, int rune) {
    switch (rune) {
      case 0x07 -> out.append("\\a");
      case '\b' -> out.append("\\b");
      case '\f' -> out.append("\\f");
      case '\n' -> out.append("\\n");
      case '\r' -> out.append("\\r");
      case '\t' -> out.append("\\t");
      case 0x0B -> out.append("\\v");
      default -> {
        if (rune < ' ' || rune == 0x7F) {
          appendHexByte(out.append("\\x"), rune);
        } else if (rune < 0x10000) {
          appendHex(out.append("\\u"), rune, 4);
        } else {
          appendHex(out.append("\\U"), rune, 8);
        }
      }
    }
  }

  private static void appendHexByte(StringBuilder out, int b) {
    appendHex(out, b, 2);
  }

  private static void appendHex(StringBuilder out, int value, int digits) {
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
      out.append(LOWER_HEX[(value >> shift) & 0xF]);
    }
  }

  /**
   * Go's {@code unicode.IsPrint}: letters, marks, numbers, punctuation, symbols and the ASCII space
   * (Java's Unicode tables stand in for Go's).
   */
  static boolean isPrint(int codePoint) {
    if (codePoint == ' ') {
      return true;
    }
    return switch (Character.getType(codePoint)) {
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

  /** Go's {@code unicode.IsSpace}: the Unicode White_Space property. */
  static boolean isSpace(int codePoint) {
    return (codePoint >= '\t' && codePoint <= '\r')
        || codePoint == 0x85
        || Character.isSpaceChar(codePoint);
  }
}
