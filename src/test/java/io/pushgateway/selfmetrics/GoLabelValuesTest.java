package io.pushgateway.selfmetrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GoLabelValuesTest {
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
