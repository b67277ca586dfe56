package io.pushgateway.http;

/** A strict RFC 8259 syntax check (no values built), for asserting that an answer is JSON. */
final class JsonSyntax {
  private final String s;
  private int pos;

  private JsonSyntax(String s) {
    this.s = s;
  }

  /** Whether {@code text} is one JSON value, optionally surrounded by whitespace. */
  static boolean isValid(String text) {
    JsonSyntax p = new JsonSyntax(text);
    try {
      p.value();
      p.space();
      return p.pos == text.length();
    } catch (IllegalStateException | StringIndexOutOfBoundsException e) {
      return false;
    }
  }

  private void value() {
    space();
    char c = s.charAt(pos);
    switch (c) {
      case '{' -> members('}', true);
      case '[' -> members(']', false);
      case '"' -> string();
      case 't' -> literal("true");
      case 'f' -> literal("false");
      case 'n' -> literal("null");
      default -> number();
    }
  }

  private void members(char close, boolean object) {
    pos++;
    space();
    if (s.charAt(pos) == close) {
      pos++;
      return;
    }
    while (true) {
      if (object) {
        space();
        string();
        space();
        expect(':');
      }
      value();
      space();
      char c = s.charAt(pos++);
      if (c == close) {
        return;
      }
      if (c != ',') {
        throw new IllegalStateException("expected , or " + close + " at " + pos);
      }
    }
  }

  private void string() {
    expect('"');
    while (true) {
      char c = s.charAt(pos++);
      if (c == '"') {
        return;
      }
      if (c < 0x20) {
        throw new IllegalStateException("control character in string at " + pos);
      }
      if (c == '\\') {
        char e = s.charAt(pos++);
        if (e == 'u') {
          for (int i = 0; i < 4; i++) {
            if (Character.digit(s.charAt(pos++), 16) < 0) {
              throw new IllegalStateException("bad \\u escape at " + pos);
            }
          }
        } else if ("\"\\/bfnrt".indexOf(e) < 0) {
          throw new IllegalStateException("bad escape at " + pos);
        }
      }
    }
  }

  private void number() {
    int start = pos;
    while (pos < s.length() && "+-0123456789.eE".indexOf(s.charAt(pos)) >= 0) {
      pos++;
    }
    if (!s.substring(start, pos).matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
      throw new IllegalStateException("bad number at " + start);
    }
  }

  private void literal(String word) {
    if (!s.startsWith(word, pos)) {
      throw new IllegalStateException("bad literal at " + pos);
    }
    pos += word.length();
  }

  private void expect(char c) {
    if (s.charAt(pos++) != c) {
      throw new IllegalStateException("expected " + c + " at " + pos);
    }
  }

  private void space() {
    while (pos < s.length() && " \t\r\n".indexOf(s.charAt(pos)) >= 0) {
      pos++;
    }
  }
}
