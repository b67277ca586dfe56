package io.pushgateway.selfmetrics;

import java.util.Locale;

/**
 * Label values spelled the way Go's runtime and client_golang's HTTP instrumentation spell them.
 */
final class GoLabelValues {
  private GoLabelValues() {}

  /** Go's {@code GOOS} for a JVM {@code os.name}. */
  static String goos(String osName) {
    String os = osName.toLowerCase(Locale.ROOT);
    if (os.startsWith("mac") || os.startsWith("darwin")) {
      return "darwin";
    }
    if (os.startsWith("windows")) {
      return "windows";
    }
    return os.replace(" ", "");
  }

  /** Go's {@code GOARCH} for a JVM {@code os.arch}. */
  static String goarch(String osArch) {
    String arch = osArch.toLowerCase(Locale.ROOT);
    return switch (arch) {
      case "amd64", "x86_64" -> "amd64";
      case "aarch64", "arm64" -> "arm64";
      case "x86", "i386", "i486", "i586", "i686" -> "386";
      default -> arch;
    };
  }

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
