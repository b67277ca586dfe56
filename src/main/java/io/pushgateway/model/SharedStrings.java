package io.pushgateway.model;

import java.nio.charset.StandardCharsets;

/**
 * A process-wide table of recently seen short strings, so that a label name or value that many
 * groups push ({@code code="200"}, {@code zone="eu"}) is held once instead of once per series.
 * Lossy and lock-free: a direct-mapped array where a newer string simply replaces an older one in
 * its slot; races are harmless because strings are immutable and safely published.
 */
public final class SharedStrings {
  private static final int SLOTS = 1 << 16;
  private static final int MAX_LENGTH = 64;
  private static final String[] TABLE = new String[SLOTS];

  private SharedStrings() {}

  /** The ASCII (or Latin-1) string of these bytes, shared with an earlier equal one if known. */
  public static String ascii(byte[] b, int off, int len) {
    if (len > MAX_LENGTH) {
      return new String(b, off, len, StandardCharsets.ISO_8859_1);
    }
    int h = 0;
    for (int i = off; i < off + len; i++) {
      h = 31 * h + (b[i] & 0xFF);
    }
    int slot = slot(h);
    String s = TABLE[slot];
    if (s != null && sameLatin1(s, b, off, len)) {
      return s;
    }
    s = new String(b, off, len, StandardCharsets.ISO_8859_1);
    TABLE[slot] = s;
    return s;
  }

  /** {@code s}, or an equal string seen earlier. */
  public static String share(String s) {
    if (s.length() > MAX_LENGTH) {
      return s;
    }
    int slot = slot(s.hashCode());
    String t = TABLE[slot];
    if (s.equals(t)) {
      return t;
    }
    TABLE[slot] = s;
    return s;
  }

  /** String.hashCode of a Latin-1 string equals the hash computed over its bytes above. */
  private static int slot(int h) {
    return (h ^ (h >>> 16)) & (SLOTS - 1);
  }

  private static boolean sameLatin1(String s, byte[] b, int off, int len) {
    if (s.length() != len) {
      return false;
    }
    for (int i = 0; i < len; i++) {
      if (s.charAt(i) != (b[off + i] & 0xFF)) {
        return false;
      }
    }
    return true;
  }
}
