package io.pushgateway.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The query parameters of a UI data request ({@code GET P/status?view=...}), decoded like Go's
 * {@code url.ParseQuery}: pairs split on {@code &}, {@code +} is a space, percent escapes decoded
 * as UTF-8; the first value of a repeated name wins, a malformed pair is skipped.
 */
final class UiQuery {
  private final Map<String, String> values;

  private UiQuery(Map<String, String> values) {
    this.values = values;
  }

  static UiQuery parse(@Nullable String rawQuery) {
    Map<String, String> values = new HashMap<>();
    if (rawQuery != null) {
      for (String pair : rawQuery.split("&", -1)) {
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = decode(eq < 0 ? "" : pair.substring(eq + 1));
        if (name != null && value != null && !name.isEmpty()) {
          values.putIfAbsent(name, value);
        }
      }
    }
    return new UiQuery(values);
  }

  private static @Nullable String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The value of {@code name}, or {@code fallback} when absent. */
  String get(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  /**
   * The value of {@code name} as an int within [min, max], or {@code fallback} if absent or bad.
   */
  int intValue(String name, int fallback, int min, int max) {
    String v = values.get(name);
    if (v == null) {
      return fallback;
    }
    try {
      return Math.clamp(Long.parseLong(v.strip()), min, max);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
