package io.pushgateway.log;

import io.pushgateway.gocompat.GoFloatFormat;
import io.pushgateway.gocompat.GoQuote;
import io.pushgateway.gocompat.GoUnicode;
import org.jspecify.annotations.Nullable;

/**
 * Go slog's TextHandler layout: {@code key=value} pairs separated by spaces, keys and values quoted
 * with Go escapes when they are empty or contain spaces, {@code =}, {@code "} or characters that
 * are not printable.
 */
final class LogfmtEncoder implements LineEncoder {
  @Override
  public void open(StringBuilder line) {}

  @Override
  public void field(StringBuilder line, String key, @Nullable Object value) {
    if (!line.isEmpty()) {
      line.append(' ');
    }
    appendString(line, key);
    line.append('=');
    if (value == null) {
      line.append("<nil>");
    } else if (LineEncoder.isIntegerOrBoolean(value)) {
      line.append(value);
    } else if (value instanceof Double || value instanceof Float) {
      line.append(GoFloatFormat.formatV(((Number) value).doubleValue()));
    } else {
      appendString(line, LineEncoder.text(value));
    }
  }

  @Override
  public void close(StringBuilder line) {
    line.append('\n');
  }

  private static void appendString(StringBuilder line, String s) {
    line.append(needsQuoting(s) ? GoQuote.quote(s) : s);
  }

  static boolean needsQuoting(String s) {
    if (s.isEmpty()) {
      return true;
    }
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (cp < 0x80) {
        if (cp != '\\' && (cp == ' ' || cp == '=' || cp == '"' || cp < 0x20)) {
          return true;
        }
      } else if (cp == 0xFFFD
          || Character.isSurrogate((char) cp)
          || GoUnicode.isSpace(cp)
          || !GoUnicode.isPrint(cp)) {
        return true;
      }
      i += Character.charCount(cp);
    }
    return false;
  }
}
