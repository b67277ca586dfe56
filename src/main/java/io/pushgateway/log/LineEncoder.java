package io.pushgateway.log;

import org.jspecify.annotations.Nullable;

/** Writes the fields of one log line in one of the {@link LogFormat}s. */
interface LineEncoder {
  void open(StringBuilder line);

  void field(StringBuilder line, String key, @Nullable Object value);

  /** Ends the line, including its newline. */
  void close(StringBuilder line);

  /** Whether {@code value} is written as a bare integer or boolean. */
  static boolean isIntegerOrBoolean(@Nullable Object value) {
    return value instanceof Boolean
        || value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte
        || value instanceof java.math.BigInteger;
  }

  /** The text of a value that is written as a string. */
  static String text(@Nullable Object value) {
    if (value instanceof Throwable t) {
      return t.getMessage() != null ? t.getMessage() : t.toString();
    }
    return String.valueOf(value);
  }
}
