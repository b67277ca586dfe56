package io.pushgateway.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LabelNamesTest {
  @ParameterizedTest
  @CsvSource({
    "a, true, true",
    "_, true, true",
    "Ab_9, true, true",
    "__name__, true, false",
    "__, true, false",
    "_a, true, true",
    "'', false, false",
    "9a, false, false",
    "a-b, false, false",
    "a:b, false, false",
    "é, false, false",
  })
  void legacyAndValid_followThePrometheusRule(String name, boolean legacy, boolean valid) {
    assertThat(LabelNames.isLegacy(name)).isEqualTo(legacy);
    assertThat(LabelNames.isValid(name)).isEqualTo(valid);
  }
}
