package io.pushgateway.http;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;

/**
 * Helpers for "byte strings": Java strings whose chars are all in 0..255 and stand for the bytes of
 * a Go string. Routing works on these so that percent-decoded paths keep their exact bytes (Go
 * routes on bytes, which may be invalid UTF-8).
 */
final class ByteStrings {
  private ByteStrings() {}

  /** The UTF-8 bytes of {@code text} as a byte string. */
  static String fromUtf8(String text) {
    return new String(text.getBytes(UTF_8), ISO_8859_1);
  }

  /**
   * A raw request path as a byte string: the JDK server already hands over request-line bytes as
   * chars 0..255; anything wider (only possible from test fakes) is taken as UTF-8 text.
   */
  static String fromRaw(String raw) {
    for (int i = 0; i < raw.length(); i++) {
      if (raw.charAt(i) > 0xFF) {
        return fromUtf8(raw);
      }
    }
    return raw;
  }

  /** The bytes of a byte string. */
  static byte[] bytes(String byteString) {
    return byteString.getBytes(ISO_8859_1);
  }

  /** Decodes a byte string as UTF-8, replacing invalid sequences with U+FFFD. */
  static String toUtf8(String byteString) {
    return new String(bytes(byteString), UTF_8);
  }

  /** Whether a byte string holds valid UTF-8. */
  static boolean isValidUtf8(String byteString) {
    try {
      UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes(byteString)));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
