package io.pushgateway.log;

import io.pushgateway.gocompat.GoFloatFormat;
import org.jspecify.annotations.Nullable;

/**
 * Go slog's JSONHandler layout: one object per line, strings escaped like encoding/json without
 * HTML escaping. NaN and infinities, which Go cannot encode, are written as strings.
 */
final class JsonEncoder implements LineEncoder {
  private static final char[] LOWER_HEX = "0123456789abcdef".toCharArray();

  @Override
  public void open(StringBuilder line) {
    line.append('{');
  }

  @Override
  public void field(StringBuilder line, String key, @Nullable Object value) {
    if (line.length() > 1) {
      line.append(',');
    }
    appendString(line, key);
    line.append(':');
    if (value == null) {
      line.append("null");
    } else if (LineEncoder.isIntegerOrBoolean(value)) {
      line.append(value);
    } else if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      String number = GoFloatFormat.formatJson(d);
      if (number != null) {
        line.append(number);
      } else {
        appendString(line, GoFloatFormat.formatV(d));
      }
    } else {
      appendString(line, LineEncoder.text(value));
    }
  }

  @Override
  public void close(StringBuilder line) {
    line.append("}\n");
  }

  private static void appendString(StringBuilder line, String s) {
    line.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"', '\\' -> line.append('\\').append(c);
        case '\n' -> line.append("\\n");
        case '\r' -> line.append("\\r");
        case '\t' -> line.append("\\t");
        case '\u2028', '\u2029' -> line.append("\\u202").append(LOWER_HEX[c & 0xF]);
        default -> appendOther(line, s, i, c);
      }
    }
    line.append('"');
  }

  private static void appendOther(StringBuilder line, String s, int i, char c) {
    if (c < 0x20) {
      line.append("\\u00").append(LOWER_HEX[c >> 4]).append(LOWER_HEX[c & 0xF]);
    } else if (Character.isSurrogate(c) && !isPairedSurrogate(s, i)) {
      line.append("\\ufffd");
    } else {
      line.append(c);
    }
  }

  private static boolean isPairedSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }
}
