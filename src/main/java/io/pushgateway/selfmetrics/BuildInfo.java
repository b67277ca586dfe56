package io.pushgateway.selfmetrics;

/**
 * The build facts shown by {@code pushgateway_build_info}: where Go shows its own version ({@code
 * goversion}) the gateway shows the Java runtime's version.
 *
 * @param tags the build tags, {@code unknown} when there are none (as in an unstamped Go build)
 */
public record BuildInfo(
    String version,
    String revision,
    String branch,
    String buildUser,
    String buildDate,
    String javaVersion,
    String tags) {

  /** Build information without build tags ({@code tags="unknown"}). */
  public BuildInfo(
      String version,
      String revision,
      String branch,
      String buildUser,
      String buildDate,
      String javaVersion) {
    this(version, revision, branch, buildUser, buildDate, javaVersion, "unknown");
  }
}
