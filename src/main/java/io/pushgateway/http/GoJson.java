package io.pushgateway.http;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.pushgateway.gocompat.GoJsonQuote;

/**
 * Writes JSON the way Go's encoding/json does: compact; quote, backslash, newline, carriage return
 * and tab escaped with a backslash; other control characters, the HTML-sensitive {@code <}, {@code
 * >}, {@code &} and U+2028/U+2029 as six-character unicode escapes. Callers emit object keys in
 * Go's order (sorted byte-wise for maps).
 */
final class GoJson {
  private final StringBuilder sb;
  private boolean needComma;

  GoJson(int capacity) {
    this.sb = new StringBuilder(capacity);
  }

  GoJson beginObject() {
    comma();
    sb.append('{');
    needComma = false;
    return this;
  }

  GoJson endObject() {
    sb.append('}');
    needComma = true;
    return this;
  }

  GoJson beginArray() {
    comma();
    sb.append('[');
    needComma = false;
    return this;
  }

  GoJson endArray() {
    sb.append(']');
    needComma = true;
    return this;
  }

  /** An object key; the next call writes its value. */
  GoJson key(String key) {
    comma();
    GoJsonQuote.append(sb, key, true);
    sb.append(':');
    needComma = false;
    return this;
  }

  GoJson value(String s) {
    comma();
    GoJsonQuote.append(sb, s, true);
    needComma = true;
    return this;
  }

  GoJson value(boolean b) {
    comma();
    sb.append(b);
    needComma = true;
    return this;
  }

  /** A raw number or literal written as is. */
  GoJson raw(String literal) {
    comma();
    sb.append(literal);
    needComma = true;
    return this;
  }

  private void comma() {
    if (needComma) {
      sb.append(',');
    }
  }

  /**
   * The JSON written since the last call, as UTF-8, and forgets it (the nesting state is kept), so
   * that a large document can be sent piece by piece.
   */
  byte[] takeUtf8() {
    byte[] bytes = sb.toString().getBytes(UTF_8);
    sb.setLength(0);
    return bytes;
  }

  @Override
  public String toString() {
    return sb.toString();
  }
}
