package io.pushgateway.gocompat;

import org.jspecify.annotations.Nullable;

/**
 * Go's {@code net/url} percent-escaping ({@code escape}, {@code unescape}, {@code shouldEscape},
 * {@code validEncoded}) on byte strings, in the modes of the URL components.
 */
final class UrlEscaping {
  /** The URL component being escaped, as Go's {@code encoding} modes. */
  enum Mode {
    PATH,
    HOST,
    ZONE,
    USER_PASSWORD,
    FRAGMENT
  }

  private UrlEscaping() {}

  /**
   * Go's {@code unescape}: decodes {@code %XX}; hosts and zones also refuse some characters.
   *
   * @throws IllegalArgumentException with Go's message, e.g. {@code invalid URL escape "%zz"}
   */
  static String unescape(String s, Mode mode) {
    boolean hasEscape = false;
    for (int i = 0; i < s.length(); ) {
      char c = s.charAt(i);
      if (c == '%') {
        hasEscape = true;
        checkEscape(s, i, mode);
        i += 3;
      } else {
        if ((mode == Mode.HOST || mode == Mode.ZONE) && c < 0x80 && shouldEscape(c, mode)) {
          throw new IllegalArgumentException(
              "invalid character " + ByteStrings.quote(String.valueOf(c)) + " in host name");
        }
        i++;
      }
    }
    if (!hasEscape) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%') {
        out.append((char) (unhex(s.charAt(i + 1)) << 4 | unhex(s.charAt(i + 2))));
        i += 2;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static void checkEscape(String s, int i, Mode mode) {
    if (i + 2 >= s.length() || !isHex(s.charAt(i + 1)) || !isHex(s.charAt(i + 2))) {
      throw escapeError(s.substring(i, Math.min(s.length(), i + 3)));
    }
    String escape = s.substring(i, i + 3);
    // RFC 3986: a host may escape only non-ASCII bytes (and "%25" before an IPv6 zone).
    if (mode == Mode.HOST && unhex(s.charAt(i + 1)) < 8 && !escape.equals("%25")) {
      throw escapeError(escape);
    }
    if (mode == Mode.ZONE) {
      char v = (char) (unhex(s.charAt(i + 1)) << 4 | unhex(s.charAt(i + 2)));
      if (!escape.equals("%25") && v != ' ' && shouldEscape(v, Mode.HOST)) {
        throw escapeError(escape);
      }
    }
  }

  private static IllegalArgumentException escapeError(String escape) {
    return new IllegalArgumentException("invalid URL escape " + ByteStrings.quote(escape));
  }

  /** Go's {@code escape}: {@code %XX} (upper-case hex) for every byte the mode must escape. */
  static String escape(String s, Mode mode) {
    @Nullable StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (shouldEscape(c, mode)) {
        if (out == null) {
          out = new StringBuilder(s.length() + 8).append(s, 0, i);
        }
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        out.append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? s : out.toString();
  }

  /** Go's {@code validEncoded}: whether {@code s} could be a raw form of its decoding. */
  static boolean validEncoded(String s, Mode mode) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ("!$&'()*+,;=:@[]%".indexOf(c) < 0 && shouldEscape(c, mode)) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code escaped} decodes to {@code expected} (paths and fragments decode alike). */
  static boolean unescapesTo(String escaped, String expected) {
    try {
      return unescape(escaped, Mode.PATH).equals(expected);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  static boolean shouldEscape(char c, Mode mode) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
      return false;
    }
    if ((mode == Mode.HOST || mode == Mode.ZONE) && "!$&'()*+,;=:[]<>\"".indexOf(c) >= 0) {
      return false;
    }
    if ("-_.~".indexOf(c) >= 0) {
      return false;
    }
    if ("$&+,/:;=?@".indexOf(c) >= 0) {
      return switch (mode) {
        case PATH -> c == '?';
        case USER_PASSWORD -> c == '@' || c == '/' || c == '?' || c == ':';
        case FRAGMENT -> false;
        case HOST, ZONE -> true;
      };
    }
    if (mode == Mode.FRAGMENT && "!()*".indexOf(c) >= 0) {
      return false;
    }
    return true;
  }

  private static boolean isHex(char c) {
    return Character.digit(c, 16) >= 0 && c < 0x80;
  }

  private static int unhex(char c) {
    return Character.digit(c, 16);
  }
}
