package io.pushgateway.gocompat;

/** Functions of Go's {@code strings} package whose results differ from Java's look-alikes. */
public final class GoStrings {
  private GoStrings() {}

  /**
   * Go's {@code strings.EqualFold} on two Go strings given as bytes: equal under simple Unicode
   * case folding, where invalid bytes are U+FFFD.
   */
  public static boolean equalFold(byte[] s, byte[] t) {
    int i = 0;
    int j = 0;
    while (i < s.length && j < t.length) {
      int sd = GoUtf8.decodeRune(s, i, s.length);
      int td = GoUtf8.decodeRune(t, j, t.length);
      i += GoUtf8.width(sd);
      j += GoUtf8.width(td);
      if (!sameFold(GoUtf8.rune(sd), GoUtf8.rune(td))) {
        return false;
      }
    }
    return i == s.length && j == t.length;
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

  /** Go's {@code strings.ToLower}: simple per-character case mapping, no locale. */
  public static String toLower(String s) {
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> out.appendCodePoint(Character.toLowerCase(cp)));
    return out.toString();
  }

  /** Go's {@code strings.TrimSpace}: without leading and trailing {@link GoUnicode#isSpace}. */
  public static String trimSpace(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && GoUnicode.isSpace(s.charAt(start))) {
      start++;
    }
    while (end > start && GoUnicode.isSpace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }
}
