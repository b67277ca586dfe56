package io.pushgateway.log;

import io.pushgateway.gocompat.GoFloatFormat;
import io.pushgateway.gocompat.GoJsonQuote;
import org.jspecify.annotations.Nullable;

/**
 * Go slog's JSONHandler layout: one object per line, strings escaped like encoding/json without
 * HTML escaping. NaN and infinities, which Go cannot encode, are written as strings.
 */
final class JsonEncoder implements LineEncoder {
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
    GoJsonQuote.append(line, s, false);
  }
}
