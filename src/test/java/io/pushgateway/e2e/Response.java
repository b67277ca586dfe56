package io.pushgateway.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP answer as a client sees it: status, headers (names case-insensitive, as sent) and the
 * body after transfer decoding (but not content decoding).
 */
record Response(int status, Map<String, List<String>> headers, byte[] body) {

  Response {
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    headers = copy;
  }

  /** The body as UTF-8 text. */
  String text() {
    return new String(body, UTF_8);
  }

  /** The first value of a header, or null when it is absent. */
  @Nullable String header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /**
   * Status, the given headers (absent ones omitted) and body, one per line, for compact asserts.
   */
  String describe(String... headerNames) {
    StringBuilder out = new StringBuilder().append(status).append('\n');
    for (String name : headerNames) {
      String value = header(name);
      if (value != null) {
        out.append(name).append(": ").append(value).append('\n');
      }
    }
    return out.append('\n').append(text()).toString();
  }

  @Override
  public String toString() {
    return "Response[" + describe(headers.keySet().toArray(String[]::new)) + "]";
  }
}
