package io.pushgateway.model;

import java.util.Comparator;

/**
 * Orders strings by their UTF-8 bytes, as Go compares strings. Java's {@link String#compareTo}
 * compares UTF-16 units, which differs for characters above U+FFFF.
 */
public final class Utf8Order {
  /** Compares strings byte-wise by their UTF-8 encoding (that is, by code point). */
  public static final Comparator<String> COMPARATOR = Utf8Order::compare;

  private Utf8Order() {}

  /** Negative, zero or positive as {@code a} sorts before, with or after {@code b}. */
  public static int compare(String a, String b) {
    if (a == b) {
      return 0; // label names and values are mostly shared strings (SharedStrings)
    }
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char ca = a.charAt(i);
      char cb = b.charAt(i);
      if (ca != cb) {
        // Surrogates encode code points above U+FFFF, which sort after every BMP character.
        boolean sa = Character.isSurrogate(ca);
        boolean sb = Character.isSurrogate(cb);
        if (sa != sb) {
          return sa ? 1 : -1;
        }
        return ca - cb;
      }
    }
    return a.length() - b.length();
  }
}
