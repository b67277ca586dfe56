package io.pushgateway.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Percent-decoding of a raw request path as Go's net/url does it for {@code URL.Path}, which is
 * what Go's routers match on: {@code %XX} becomes that byte ({@code %2F} a real {@code /}), {@code
 * +} stays a plus, and a malformed escape or a control character makes the whole request a {@code
 * 400 Bad Request} before routing.
 *
 * <p>The raw path is taken one char per byte (ISO-8859-1, as the JDK server hands over the request
 * line). A path holding any char above U+00FF is taken as Unicode text and encoded as UTF-8.
 */
public final class PathDecoding {
  private PathDecoding() {}

  /**
   * The decoded path as a {@link GoString} (bytes that are not valid UTF-8 are kept as escapes).
   *
   * @throws MalformedPathException when Go's net/http would refuse the request target
   */
  public static String decode(String rawPath) {
    return GoString.fromBytes(decodeToBytes(rawPath));
  }

  /**
   * The decoded path as bytes.
   *
   * @throws MalformedPathException when Go's net/http would refuse the request target
   */
  public static byte[] decodeToBytes(String rawPath) {
    byte[] raw = rawBytes(rawPath);
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length);
    for (int i = 0; i < raw.length; i++) {
      int b = raw[i] & 0xFF;
      if (b < 0x20 || b == 0x7F) {
        throw new MalformedPathException("net/url: invalid control character in URL");
      }
      if (b != '%') {
        out.write(b);
        continue;
      }
      if (i + 2 >= raw.length || hexValue(raw[i + 1]) < 0 || hexValue(raw[i + 2]) < 0) {
        throw badEscape(raw, i);
      }
      out.write(hexValue(raw[i + 1]) << 4 | hexValue(raw[i + 2]));
      i += 2;
    }
    return out.toByteArray();
  }

  private static MalformedPathException badEscape(byte[] raw, int i) {
    int end = Math.min(raw.length, i + 3);
    byte[] escape = java.util.Arrays.copyOfRange(raw, i, end);
    return new MalformedPathException("invalid URL escape " + GoString.quote(escape));
  }

  private static byte[] rawBytes(String rawPath) {
    for (int i = 0; i < rawPath.length(); i++) {
      if (rawPath.charAt(i) > 0xFF) {
        return rawPath.getBytes(StandardCharsets.UTF_8);
      }
    }
    return rawPath.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static int hexValue(byte b) {
    if (b >= '0' && b <= '9') {
      return b - '0';
    }
    if (b >= 'a' && b <= 'f') {
      return b - 'a' + 10;
    }
    if (b >= 'A' && b <= 'F') {
      return b - 'A' + 10;
    }
    return -1;
  }
}
