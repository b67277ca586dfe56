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
  void of_sortsALargeLabelSetTheSameWay() {
    // Beyond 16 pairs another (stable) sort is used; it must order exactly as the small one.
    String[] pairs = new String[2 * 40];
    for (int i = 0; i < 40; i++) {
      pairs[2 * i] = "n" + (39 - i) % 13;
      pairs[2 * i + 1] = "v" + i;
    }
    Labels labels = Labels.of(pairs);
    for (int i = 1; i < labels.size(); i++) {
      int byName = Utf8Order.compare(labels.name(i - 1), labels.name(i));
      assertThat(byName).isNotPositive();
      if (byName == 0) {
        // duplicates keep their order: values were numbered in input order
        int previous = Integer.parseInt(labels.value(i - 1).substring(1));
        assertThat(Integer.parseInt(labels.value(i).substring(1))).isGreaterThan(previous);
      }
    }
    assertThat(labels.size()).isEqualTo(40);
    assertThat(labels.firstDuplicateName()).isEqualTo("n0");
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
