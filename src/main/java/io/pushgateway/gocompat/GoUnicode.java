package io.pushgateway.gocompat;

/** Go's {@code unicode} character classes, with Java's Unicode tables standing in for Go's. */
public final class GoUnicode {
  private GoUnicode() {}

  /**
   * Go's {@code unicode.IsPrint} (equally {@code strconv.IsPrint}): letters, marks, numbers,
   * punctuation, symbols and the ASCII space.
   */
  public static boolean isPrint(int r) {
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

  /** Go's {@code unicode.IsSpace}: the Unicode White_Space property. */
  public static boolean isSpace(int r) {
    return (r >= '\t' && r <= '\r') || r == 0x85 || Character.isSpaceChar(r);
  }
}
