package io.pushgateway.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A media type with parameters, parsed exactly like Go's {@code mime.ParseMediaType}: type and
 * parameter names are lower-cased, values keep their case, values may be quoted, RFC 2231
 * continuations ({@code name*0=}, {@code name*=utf-8''...}) are joined, and anything malformed
 * (including a repeated parameter) makes the whole header unparsable.
 *
 * @param type the lower-cased {@code type/subtype} (or just {@code type}, which Go accepts)
 * @param params parameters by lower-cased name
 */
public record MediaType(String type, Map<String, String> params) {

  public MediaType {
    params = Map.copyOf(params);
  }

  /** The value of a parameter (name in lower case), or null. */
  public @Nullable String param(String name) {
    return params.get(name);
  }

  /** Parses a header value; null when Go's parser returns an error. */
  public static @Nullable MediaType parse(@Nullable String value) {
    if (value == null) {
      return null;
    }
    int semicolon = value.indexOf(';');
    String base = semicolon < 0 ? value : value.substring(0, semicolon);
    String type = GoText.trimSpace(GoText.toLower(base));
    if (!isValidTypeAndSubtype(type)) {
      return null;
    }
    Map<String, String> params = ParamParser.parse(value.substring(base.length()));
    return params == null ? null : new MediaType(type, params);
  }

  private static boolean isValidTypeAndSubtype(String s) {
    int typeEnd = GoText.tokenEnd(s, 0);
    if (typeEnd == 0) {
      return false;
    }
    if (typeEnd == s.length()) {
      return true;
    }
    if (s.charAt(typeEnd) != '/') {
      return false;
    }
    int subtypeEnd = GoText.tokenEnd(s, typeEnd + 1);
    return subtypeEnd > typeEnd + 1 && subtypeEnd == s.length();
  }

  /** The parameter list after the type, including RFC 2231 continuations. */
  private static final class ParamParser {
    private final String v;
    private int pos;
    private final Map<String, String> params = new HashMap<>();
    private final Map<String, Map<String, String>> continuations = new TreeMap<>();

    private ParamParser(String v) {
      this.v = v;
    }

    static @Nullable Map<String, String> parse(String v) {
      ParamParser parser = new ParamParser(v);
      return parser.parseAll() ? parser.stitch() : null;
    }

    private boolean parseAll() {
      while (pos < v.length()) {
        pos = GoText.skipSpace(v, pos);
        if (pos == v.length()) {
          break;
        }
        int start = pos;
        if (!consumeParam()) {
          // Go ignores a single trailing semicolon but nothing else.
          return GoText.trimSpace(v.substring(start)).equals(";");
        }
      }
      return true;
    }

    /** Parses {@code ;name=value} at pos into the maps; false (pos undefined) if malformed. */
    private boolean consumeParam() {
      int p = GoText.skipSpace(v, pos);
      if (p == v.length() || v.charAt(p) != ';') {
        return false;
      }
      p = GoText.skipSpace(v, p + 1);
      int nameEnd = GoText.tokenEnd(v, p);
      if (nameEnd == p) {
        return false;
      }
      String name = GoText.toLower(v.substring(p, nameEnd));
      p = GoText.skipSpace(v, nameEnd);
      if (p == v.length() || v.charAt(p) != '=') {
        return false;
      }
      p = GoText.skipSpace(v, p + 1);
      ParamValue value = ParamValue.consume(v, p);
      if (value == null) {
        return false;
      }
      pos = value.end();
      return store(name, value.text());
    }

    private boolean store(String name, String value) {
      int star = name.indexOf('*');
      Map<String, String> target =
          star < 0
              ? params
              : continuations.computeIfAbsent(name.substring(0, star), k -> new HashMap<>());
      return target.putIfAbsent(name, value) == null;
    }

    private Map<String, String> stitch() {
      for (Map.Entry<String, Map<String, String>> e : continuations.entrySet()) {
        String joined = Rfc2231.join(e.getKey(), e.getValue());
        if (joined != null) {
          params.put(e.getKey(), joined);
        }
      }
      return params;
    }
  }

  /** A parameter value: a token or a quoted string, and where it ends. */
  private record ParamValue(String text, int end) {
    /** Go's consumeValue; null where Go returns no value. */
    static @Nullable ParamValue consume(String v, int p) {
      if (p == v.length()) {
        return null;
      }
      if (v.charAt(p) != '"') {
        int end = GoText.tokenEnd(v, p);
        return end == p ? null : new ParamValue(v.substring(p, end), end);
      }
      StringBuilder out = new StringBuilder();
      for (int i = p + 1; i < v.length(); i++) {
        char c = v.charAt(i);
        if (c == '"') {
          return new ParamValue(out.toString(), i + 1);
        }
        // Go keeps a backslash before anything but a tspecial (MSIE sends unescaped paths).
        if (c == '\\' && i + 1 < v.length() && GoText.isTSpecial(v.charAt(i + 1))) {
          out.append(v.charAt(++i));
        } else if (c == '\r' || c == '\n') {
          return null;
        } else {
          out.append(c);
        }
      }
      return null;
    }
  }

  /** RFC 2231 parameter continuations and charset-encoded values, as Go joins them. */
  private static final class Rfc2231 {
    private Rfc2231() {}

    static @Nullable String join(String key, Map<String, String> pieces) {
      String single = pieces.get(key + "*");
      if (single != null) {
        return decodeEncoded(single);
      }
      StringBuilder out = new StringBuilder();
      boolean valid = false;
      for (int n = 0; ; n++) {
        String simple = pieces.get(key + "*" + n);
        if (simple != null) {
          valid = true;
          out.append(simple);
          continue;
        }
        String encoded = pieces.get(key + "*" + n + "*");
        if (encoded == null) {
          break;
        }
        valid = true;
        String decoded = n == 0 ? decodeEncoded(encoded) : percentUnescape(encoded);
        out.append(decoded == null ? "" : decoded);
      }
      return valid ? out.toString() : null;
    }

    /** {@code charset'language'percent-encoded}; only us-ascii and utf-8 are supported. */
    private static @Nullable String decodeEncoded(String v) {
      String[] parts = v.split("'", 3);
      if (parts.length != 3) {
        return null;
      }
      String charset = GoText.toLower(parts[0]);
      if (!charset.equals("us-ascii") && !charset.equals("utf-8")) {
        return null;
      }
      return percentUnescape(parts[2]);
    }

    /** Go's percentHexUnescape: the escapes are bytes, the result is read as UTF-8. */
    private static @Nullable String percentUnescape(String s) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
      int i = 0;
      while (i < s.length()) {
        int percent = s.indexOf('%', i);
        int end = percent < 0 ? s.length() : percent;
        out.writeBytes(s.substring(i, end).getBytes(StandardCharsets.UTF_8));
        if (percent < 0) {
          break;
        }
        if (percent + 2 >= s.length()
            || !isHex(s.charAt(percent + 1))
            || !isHex(s.charAt(percent + 2))) {
          return null;
        }
        out.write(Integer.parseInt(s.substring(percent + 1, percent + 3), 16));
        i = percent + 3;
      }
      return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
      return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
  }

  /** Go's string helpers that the MIME grammar relies on. */
  static final class GoText {
    private GoText() {}

    static boolean isTSpecial(char c) {
      return "()<>@,;:\\\"/[]?=".indexOf(c) >= 0;
    }

    static boolean isTokenChar(char c) {
      return c > 0x20 && c < 0x7F && !isTSpecial(c);
    }

    /** The end of the token starting at {@code from} ({@code from} if there is none). */
    static int tokenEnd(String s, int from) {
      int i = from;
      while (i < s.length() && isTokenChar(s.charAt(i))) {
        i++;
      }
      return i;
    }

    /** Go's unicode.IsSpace. */
    static boolean isSpace(char c) {
      return switch (c) {
        case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0 -> true;
        default -> c > 0xFF && Character.isSpaceChar(c);
      };
    }

    static int skipSpace(String s, int from) {
      int i = from;
      while (i < s.length() && isSpace(s.charAt(i))) {
        i++;
      }
      return i;
    }

    static String trimSpace(String s) {
      int start = skipSpace(s, 0);
      int end = s.length();
      while (end > start && isSpace(s.charAt(end - 1))) {
        end--;
      }
      return s.substring(start, end);
    }

    /** Go's strings.ToLower: simple per-character case mapping, no locale. */
    static String toLower(String s) {
      StringBuilder out = new StringBuilder(s.length());
      s.codePoints().forEach(cp -> out.appendCodePoint(Character.toLowerCase(cp)));
      return out.toString();
    }
  }
}
