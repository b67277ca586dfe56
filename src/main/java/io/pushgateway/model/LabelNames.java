package io.pushgateway.model;

/**
 * The legacy (pre-UTF-8) naming rules of Prometheus: label names match {@code
 * [a-zA-Z_][a-zA-Z0-9_]*}, metric names may also hold colons, and label names starting with {@code
 * __} are reserved for internal use.
 */
public final class LabelNames {
  private LabelNames() {}

  /** Whether {@code c} may start a legacy label name: an ASCII letter or {@code _}. */
  public static boolean isLegacyStart(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  /** Whether {@code c} may continue a legacy label name: also an ASCII digit. */
  public static boolean isLegacyPart(int c) {
    return isLegacyStart(c) || (c >= '0' && c <= '9');
  }

  /** Whether {@code name} matches {@code [a-zA-Z_][a-zA-Z0-9_]*}. */
  public static boolean isLegacy(String name) {
    if (name.isEmpty() || !isLegacyStart(name.charAt(0))) {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      if (!isLegacyPart(name.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code name} is a legacy label name that is not reserved (no {@code __} prefix). */
  public static boolean isValid(String name) {
    return isLegacy(name) && !name.startsWith("__");
  }
}
