package io.pushgateway.http;

/**
 * Writes JSON the way Go's encoding/json does: compact; quote, backslash, newline, carriage return
 * and tab escaped with a backslash; other control characters, the HTML-sensitive {@code <}, {@code
 * >}, {@code &} and U+2028/U+2029 as six-character unicode escapes. Callers emit object keys in
 * Go's order (sorted byte-wise for maps).
 */
final class GoJson {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final StringBuilder sb;
  private boolean needComma;

  GoJson(int capacity) {
    this.sb = new StringBuilder(capacity);
  }

  GoJson beginObject() {
    comma();
    sb.append('{');
    needComma = false;
    return this;
  }

  GoJson endObject() {
    sb.append('}');
    needComma = true;
    return this;
  }

  GoJson beginArray() {
    comma();
    sb.append('[');
    needComma = false;
    return this;
  }

  GoJson endArray() {
    sb.append(']');
    needComma = true;
    return this;
  }

  /** An object key; the next call writes its value. */
  GoJson key(String key) {
    comma();
    string(sb, key);
    sb.append(':');
    needComma = false;
    return this;
  }

  GoJson value(String s) {
    comma();
    string(sb, s);
    needComma = true;
    return this;
  }

  GoJson value(boolean b) {
    comma();
    sb.append(b);
    needComma = true;
    return this;
  }

  /** A raw number or literal written as is. */
  GoJson raw(String literal) {
    comma();
    sb.append(literal);
    needComma = true;
    return this;
  }

  private void comma() {
    if (needComma) {
      sb.append(',');
    }
  }

  @Override
  public String toString() {
    return sb.toString();
  }

  /** Appends {@code s} as a Go-escaped JSON string literal. */
  static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '<', '>', '&', '\u2028', '\u2029' -> unicodeEscape(sb, c);
        default -> {
          if (c < 0x20) {
            unicodeEscape(sb, c);
          } else if (Character.isSurrogate(c) && !isPairAt(s, i)) {
            sb.append("\\ufffd"); // Go replaces invalid UTF-8; a lone surrogate is the analogue
          } else if (Character.isHighSurrogate(c)) {
            sb.append(c).append(s.charAt(++i));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  private static boolean isPairAt(String s, int i) {
    return Character.isHighSurrogate(s.charAt(i))
        && i + 1 < s.length()
        && Character.isLowSurrogate(s.charAt(i + 1));
  }

  private static void unicodeEscape(StringBuilder sb, char c) {
    sb.append("\\u")
        .append(HEX[(c >> 12) & 0xF])
        .append(HEX[(c >> 8) & 0xF])
        .append(HEX[(c >> 4) & 0xF])
        .append(HEX[c & 0xF]);
  }
}
