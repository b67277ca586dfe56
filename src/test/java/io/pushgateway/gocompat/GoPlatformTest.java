package io.pushgateway.gocompat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GoPlatformTest {
  @Test
  void goarch_mapsJvmArchitecturesToGoNames() {
    assertThat(GoPlatform.goarch("amd64")).isEqualTo("amd64");
    assertThat(GoPlatform.goarch("x86_64")).isEqualTo("amd64");
    assertThat(GoPlatform.goarch("aarch64")).isEqualTo("arm64");
    assertThat(GoPlatform.goarch("i686")).isEqualTo("386");
    assertThat(GoPlatform.goarch("ppc64le")).isEqualTo("ppc64le");
  }

  @Test
  void goos_mapsJvmOsNamesToGoNames() {
    assertThat(GoPlatform.goos("Linux")).isEqualTo("linux");
    assertThat(GoPlatform.goos("Mac OS X")).isEqualTo("darwin");
    assertThat(GoPlatform.goos("Windows 11")).isEqualTo("windows");
    assertThat(GoPlatform.goos("FreeBSD")).isEqualTo("freebsd");
  }
}
