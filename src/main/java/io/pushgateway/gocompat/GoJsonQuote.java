package io.pushgateway.gocompat;

/**
 * Go's {@code encoding/json} string literals: quote, backslash, newline, carriage return and tab
 * escaped with a backslash, other control characters and U+2028/U+2029 as {@code \}{@code uXXXX},
 * invalid UTF-8 (here: a lone surrogate) as {@code \}{@code ufffd}; optionally also the
 * HTML-sensitive {@code <}, {@code >} and {@code &}, as {@code json.Marshal} does by default.
 */
public final class GoJsonQuote {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private GoJsonQuote() {}

  /** Appends {@code s} as a JSON string literal; {@code escapeHtml} as Go's SetEscapeHTML. */
  public static void append(StringBuilder sb, String s, boolean escapeHtml) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"', '\\' -> sb.append('\\').append(c);
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\u2028', '\u2029' -> unicodeEscape(sb, c);
        case '<', '>', '&' -> {
          if (escapeHtml) {
            unicodeEscape(sb, c);
          } else {
            sb.append(c);
          }
        }
        default -> i = appendOther(sb, s, i, c);
      }
    }
    sb.append('"');
  }

  /** Appends a char without a short escape; returns the index of the last char consumed. */
  private static int appendOther(StringBuilder sb, String s, int i, char c) {
    if (c < 0x20) {
      unicodeEscape(sb, c);
    } else if (!Character.isSurrogate(c)) {
      sb.append(c);
    } else if (Character.isHighSurrogate(c)
        && i + 1 < s.length()
        && Character.isLowSurrogate(s.charAt(i + 1))) {
      sb.append(c).append(s.charAt(i + 1));
      return i + 1;
    } else {
      sb.append("\\ufffd"); // Go replaces invalid UTF-8; a lone surrogate is the analogue
    }
    return i;
  }

  private static void unicodeEscape(StringBuilder sb, char c) {
    sb.append("\\u")
        .append(HEX[(c >> 12) & 0xF])
        .append(HEX[(c >> 8) & 0xF])
        .append(HEX[(c >> 4) & 0xF])
        .append(HEX[c & 0xF]);
  }
}
