package io.pushgateway.selfmetrics;

/** Label values spelled the way client_golang's HTTP instrumentation spells them. */
final class GoLabelValues {
  private GoLabelValues() {}

  /**
   * client_golang's method label: standard methods in all-upper or all-lower case become lower
   * case, anything else (including mixed case) {@code unknown}.
   */
  static String method(String method) {
    return switch (method) {
      case "GET", "get" -> "get";
      case "PUT", "put" -> "put";
      case "HEAD", "head" -> "head";
      case "POST", "post" -> "post";
      case "DELETE", "delete" -> "delete";
      case "CONNECT", "connect" -> "connect";
      case "OPTIONS", "options" -> "options";
      case "NOTIFY", "notify" -> "notify";
      case "TRACE", "trace" -> "trace";
      case "PATCH", "patch" -> "patch";
      default -> "unknown";
    };
  }

  /** client_golang's code label: a status never written (0) counts as 200. */
  static String code(int status) {
    return status == 0 ? "200" : Integer.toString(status);
  }
}
