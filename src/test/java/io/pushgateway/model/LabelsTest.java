package io.pushgateway.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LabelsTest {
  @Test
  void of_sortsByNameKeepingDuplicatesInOrder() {
    Labels labels = Labels.of("job", "j", "a", "1", "a", "2");
    assertThat(labels.toString()).isEqualTo("{a=\"1\",a=\"2\",job=\"j\"}");
    assertThat(labels.firstDuplicateName()).isEqualTo("a");
  }

  @Test
  void withOverridesAndDefault_setsGroupingLabelsAndEmptyInstance() {
    Labels pushed = Labels.of("z", "1", "job", "other", "a", "2");
    Labels result =
        pushed.withOverridesAndDefault(Labels.of("job", "pblab", "z", "zz"), "instance");
    assertThat(result).isEqualTo(Labels.of("a", "2", "instance", "", "job", "pblab", "z", "zz"));
  }

  @Test
  void exposition_order_comparesCountThenValues() {
    Labels a = Labels.of("instance", "", "job", "foo");
    Labels b = Labels.of("e", "", "instance", "", "job", "foo/bar");
    Labels c = Labels.of("a", "2", "instance", "", "job", "foo");
    assertThat(Labels.compareForExposition(a, b)).isNegative();
    assertThat(Labels.compareForExposition(b, c)).isNegative();
  }

  @Test
  void utf8Order_putsSupplementaryCharactersAfterBmp() {
    assertThat(Utf8Order.compare("\uD83D\uDE00", "\uFFFD")).isPositive();
    assertThat(Utf8Order.compare("a", "ab")).isNegative();
  }
}
