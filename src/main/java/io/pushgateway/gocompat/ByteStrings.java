package io.pushgateway.gocompat;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * "Byte strings": Java strings whose chars are all in U+0000..U+00FF and stand for the bytes of a
 * Go string, which may be invalid UTF-8. Code that must see exactly the bytes Go sees (request
 * paths, URLs, grouping keys) works on these, indexing and splitting byte by byte as Go does, and
 * turns them into real text only at its edges.
 */
public final class ByteStrings {
  private ByteStrings() {}

  /** The byte string of {@code bytes}. */
  public static String of(byte[] bytes) {
    return new String(bytes, ISO_8859_1);
  }

  /** The bytes of a byte string. */
  public static byte[] bytes(String byteString) {
    return byteString.getBytes(ISO_8859_1);
  }

  /** The UTF-8 bytes of {@code text} as a byte string. */
  public static String fromUtf8(String text) {
    return of(text.getBytes(UTF_8));
  }

  /**
   * A string that may already be a byte string: taken as is if all its chars are below U+0100 (the
   * JDK server hands over request-line bytes like that), else as UTF-8 text (only possible from
   * test fakes and other callers that pass real text).
   */
  public static String fromRaw(String raw) {
    for (int i = 0; i < raw.length(); i++) {
      if (raw.charAt(i) > 0xFF) {
        return fromUtf8(raw);
      }
    }
    return raw;
  }

  /** Decodes a byte string as UTF-8, replacing invalid sequences with U+FFFD. */
  public static String toUtf8(String byteString) {
    return new String(bytes(byteString), UTF_8);
  }

  /** Whether a byte string holds valid UTF-8 (Go's {@code utf8.ValidString}). */
  public static boolean isValidUtf8(String byteString) {
    return GoUtf8.isValid(bytes(byteString));
  }

  /** Go's {@code %q} of a byte string. */
  public static String quote(String byteString) {
    return GoQuote.quote(bytes(byteString));
  }
}
