package io.pushgateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionInfoTest {
  private static final VersionInfo INFO =
      new VersionInfo(
          "1.11.3",
          "412bd22",
          "HEAD",
          "me@host",
          "20260527-10:00:00",
          "21.0.1",
          "linux/amd64",
          "unknown");

  @Test
  void versionBlock_hasGoLayoutWithJavaVersionLine() {
    assertThat(INFO.versionBlock("pushgateway"))
        .isEqualTo(
            """
            pushgateway, version 1.11.3 (branch: HEAD, revision: 412bd22)
              build user:       me@host
              build date:       20260527-10:00:00
              java version:     21.0.1
              platform:         linux/amd64
              tags:             unknown""");
  }

  @Test
  void infoAndBuildContext_areTheStartupLogValues() {
    assertThat(INFO.info()).isEqualTo("(version=1.11.3, branch=HEAD, revision=412bd22)");
    assertThat(INFO.buildContext())
        .isEqualTo(
            "(java=21.0.1, platform=linux/amd64, user=me@host, date=20260527-10:00:00,"
                + " tags=unknown)");
  }

  @Test
  void current_withoutStamp_usesGoDefaultsAndTheRunningJava() {
    VersionInfo current = VersionInfo.current();

    assertThat(current.revision()).isEqualTo("unknown");
    assertThat(current.tags()).isEqualTo("unknown");
    assertThat(current.javaVersion()).isEqualTo(System.getProperty("java.version"));
    assertThat(current.platform()).contains("/");
  }

  @ParameterizedTest
  @CsvSource({
    "Linux, amd64, linux/amd64",
    "Linux, aarch64, linux/arm64",
    "Mac OS X, x86_64, darwin/amd64",
    "Windows 11, x86, windows/386",
    "FreeBSD, riscv64, freebsd/riscv64",
  })
  void platform_usesGoNames(String osName, String osArch, String platform) {
    assertThat(VersionInfo.platform(osName, osArch)).isEqualTo(platform);
  }
}
