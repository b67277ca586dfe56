package io.pushgateway.config;

import io.pushgateway.gocompat.GoPlatform;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * Build information shown by {@code --version}, the startup log and the status API, in the layout
 * of Prometheus' Go {@code version} package, with the Java runtime's version where Go shows its
 * own.
 *
 * <p>The values come from the optional classpath resource {@value #RESOURCE} (keys {@code version},
 * {@code revision}, {@code branch}, {@code buildUser}, {@code buildDate}, {@code tags}), then the
 * jar manifest's {@code Implementation-Version}; missing ones default as in an unstamped Go build:
 * empty, except revision and tags, which are {@code unknown}.
 */
public record VersionInfo(
    String version,
    String revision,
    String branch,
    String buildUser,
    String buildDate,
    String javaVersion,
    String platform,
    String tags) {

  /** The classpath resource a build may generate to stamp its version. */
  public static final String RESOURCE = "/io/pushgateway/build-info.properties";

  /** The build information of the running program. */
  public static VersionInfo current() {
    Properties stamped = readResource();
    String manifestVersion = VersionInfo.class.getPackage().getImplementationVersion();
    String version = stamped.getProperty("version", manifestVersion != null ? manifestVersion : "");
    return new VersionInfo(
        version,
        stamped.getProperty("revision", "unknown"),
        stamped.getProperty("branch", ""),
        stamped.getProperty("buildUser", ""),
        stamped.getProperty("buildDate", ""),
        System.getProperty("java.version", "unknown"),
        platform(System.getProperty("os.name", ""), System.getProperty("os.arch", "")),
        stamped.getProperty("tags", "unknown"));
  }

  /** The {@code --version} text (without a final newline) for {@code program}. */
  public String versionBlock(String program) {
    String block =
        program
            + ", version "
            + version
            + " (branch: "
            + branch
            + ", revision: "
            + revision
            + ")\n"
            + "  build user:       "
            + buildUser
            + "\n"
            + "  build date:       "
            + buildDate
            + "\n"
            + "  java version:     "
            + javaVersion
            + "\n"
            + "  platform:         "
            + platform
            + "\n"
            + "  tags:             "
            + tags;
    return block.strip();
  }

  /** {@code (version=…, branch=…, revision=…)}, the value of the startup log's version key. */
  public String info() {
    return "(version=" + version + ", branch=" + branch + ", revision=" + revision + ")";
  }

  /** {@code (java=…, platform=…, user=…, date=…, tags=…)}, the startup log's build context. */
  public String buildContext() {
    return "(java="
        + javaVersion
        + ", platform="
        + platform
        + ", user="
        + buildUser
        + ", date="
        + buildDate
        + ", tags="
        + tags
        + ")";
  }

  /** Go's {@code GOOS/GOARCH} naming of a JVM's {@code os.name} and {@code os.arch}. */
  static String platform(String osName, String osArch) {
    return GoPlatform.goos(osName) + "/" + GoPlatform.goarch(osArch);
  }

  private static Properties readResource() {
    Properties properties = new Properties();
    try (@Nullable InputStream in = VersionInfo.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      // An unreadable stamp is as good as none: the defaults apply.
    }
    return properties;
  }
}
