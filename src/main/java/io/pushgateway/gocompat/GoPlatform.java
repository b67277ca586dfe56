package io.pushgateway.gocompat;

import java.util.Locale;

/** Go's {@code GOOS} and {@code GOARCH} names for the JVM's {@code os.name} and {@code os.arch}. */
public final class GoPlatform {
  private GoPlatform() {}

  /** Go's {@code GOOS} for a JVM {@code os.name}, e.g. {@code darwin} for {@code Mac OS X}. */
  public static String goos(String osName) {
    String os = osName.toLowerCase(Locale.ROOT);
    if (os.startsWith("mac") || os.startsWith("darwin")) {
      return "darwin";
    }
    if (os.startsWith("windows")) {
      return "windows";
    }
    return os.replace(" ", "");
  }

  /** Go's {@code GOARCH} for a JVM {@code os.arch}, e.g. {@code amd64} for {@code x86_64}. */
  public static String goarch(String osArch) {
    String arch = osArch.toLowerCase(Locale.ROOT);
    return switch (arch) {
      case "amd64", "x86_64" -> "amd64";
      case "aarch64", "arm64" -> "arm64";
      case "x86", "i386", "i486", "i586", "i686" -> "386";
      default -> arch;
    };
  }
}
