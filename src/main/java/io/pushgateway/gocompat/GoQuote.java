package io.pushgateway.gocompat;

import java.nio.charset.StandardCharsets;

/**
 * Go's {@code %q}: {@code strconv.Quote} for strings and {@code strconv.QuoteRune} for single
 * bytes, as Go programs print values in error messages and logfmt lines. Works on bytes, so that
 * invalid UTF-8 shows as {@code \xff} just as in Go.
 */
public final class GoQuote {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private GoQuote() {}

  /** {@code %q} of a Java string (its UTF-8 bytes), e.g. {@code "a\"b\n"}. */
  public static String quote(String s) {
    return quote(s.getBytes(StandardCharsets.UTF_8));
  }

  /** {@code %q} of a Go string given as bytes; invalid UTF-8 bytes are written as {@code \xNN}. */
  public static String quote(byte[] b) {
    return quoteRange(b, 0, b.length);
  }

  /** {@code %q} of the Go string {@code b[from, to)}. */
  public static String quoteRange(byte[] b, int from, int to) {
    StringBuilder sb = new StringBuilder(to - from + 2).append('"');
    int i = from;
    while (i < to) {
      int decoded = GoUtf8.decodeRune(b, i, to);
      if (GoUtf8.isError(decoded)) {
        appendHex(sb.append("\\x"), b[i] & 0xFF, 2);
      } else {
        appendEscapedRune(sb, GoUtf8.rune(decoded), '"');
      }
      i += GoUtf8.width(decoded);
    }
    return sb.append('"').toString();
  }

  /** {@code %q} of a byte value, which Go formats as a single-quoted rune literal. */
  public static String quoteRune(int b) {
    StringBuilder sb = new StringBuilder(8).append('\'');
    appendEscapedRune(sb, b & 0xFF, '\'');
    return sb.append('\'').toString();
  }

  private static void appendEscapedRune(StringBuilder sb, int r, char quote) {
    if (r == quote || r == '\\') {
      sb.append('\\').appendCodePoint(r);
    } else if (GoUnicode.isPrint(r)) {
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
          appendHex(sb.append("\\x"), r, 2);
        } else if (r < 0x10000) {
          appendHex(sb.append("\\u"), r, 4);
        } else {
          appendHex(sb.append("\\U"), r, 8);
        }
      }
    }
  }

  private static void appendHex(StringBuilder sb, int v, int digits) {
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
      sb.append(HEX[(v >>> shift) & 0xF]);
    }
  }
}
