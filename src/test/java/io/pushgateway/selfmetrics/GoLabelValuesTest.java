package io.pushgateway.selfmetrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GoLabelValuesTest {
  @Test
  void goarch_mapsJvmArchitecturesToGoNames() {
    assertThat(GoLabelValues.goarch("amd64")).isEqualTo("amd64");
    assertThat(GoLabelValues.goarch("x86_64")).isEqualTo("amd64");
    assertThat(GoLabelValues.goarch("aarch64")).isEqualTo("arm64");
    assertThat(GoLabelValues.goarch("i686")).isEqualTo("386");
    assertThat(GoLabelValues.goarch("ppc64le")).isEqualTo("ppc64le");
  }

  @Test
  void goos_mapsJvmOsNamesToGoNames() {
    assertThat(GoLabelValues.goos("Linux")).isEqualTo("linux");
    assertThat(GoLabelValues.goos("Mac OS X")).isEqualTo("darwin");
    assertThat(GoLabelValues.goos("Windows 11")).isEqualTo("windows");
    assertThat(GoLabelValues.goos("FreeBSD")).isEqualTo("freebsd");
  }

  @Test
  void method_lowerCasesStandardMethodsInOneCaseOnly() {
    assertThat(GoLabelValues.method("PATCH")).isEqualTo("patch");
    assertThat(GoLabelValues.method("options")).isEqualTo("options");
    assertThat(GoLabelValues.method("Post")).isEqualTo("unknown");
    assertThat(GoLabelValues.method("PROPFIND")).isEqualTo("unknown");
  }

  @Test
  void code_countsUnwrittenStatusAs200() {
    assertThat(GoLabelValues.code(0)).isEqualTo("200");
    assertThat(GoLabelValues.code(404)).isEqualTo("404");
  }
}
