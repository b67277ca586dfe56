package io.pushgateway.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
  void withOverridesAndDefault_keepsRepeatedPushedNamesInOrderAndSortsTheDefaultIn() {
    Labels pushed = Labels.of("b", "1", "b", "2", "zz", "3");
    assertThat(pushed.withOverridesAndDefault(Labels.of("job", "j"), "instance").toString())
        .isEqualTo("{b=\"1\",b=\"2\",instance=\"\",job=\"j\",zz=\"3\"}");
    assertThat(Labels.EMPTY.withOverridesAndDefault(Labels.of("job", "j"), "instance").toString())
        .isEqualTo("{instance=\"\",job=\"j\"}");
    assertThat(Labels.of("a", "1").withOverridesAndDefault(Labels.of("a", "x"), "b").toString())
        .isEqualTo("{a=\"x\",b=\"\"}");
  }

  @Test
  void withOverridesAndDefault_equalsDropOverriddenAppendAndSort_onRandomLabels() {
    Random random = new Random(42);
    String[] names = {"a", "instance", "job", "le", "x", "\u00e9", "\uD83D\uDE00", "_"};
    for (int round = 0; round < 5000; round++) {
      List<String> pushed = new ArrayList<>();
      for (int i = random.nextInt(5); i > 0; i--) {
        pushed.add(names[random.nextInt(names.length)]);
        pushed.add(Integer.toString(random.nextInt(3)));
      }
      List<String> overrides = new ArrayList<>(List.of("job", "j"));
      for (String name : names) {
        if (!name.equals("job") && random.nextInt(4) == 0) {
          overrides.add(name);
          overrides.add("o");
        }
      }
      Labels grouping = Labels.of(overrides.toArray(String[]::new));
      String defaultName = names[random.nextInt(names.length)];
      // The rule spelled out: drop overridden pushed pairs, append the overrides and, if the name
      // is then missing, the default; sort stably by name.
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < pushed.size(); i += 2) {
        if (grouping.get(pushed.get(i)) == null) {
          expected.add(pushed.get(i));
          expected.add(pushed.get(i + 1));
        }
      }
      expected.addAll(overrides);
      if (!expected.contains(defaultName) || expected.indexOf(defaultName) % 2 != 0) {
        expected.add(defaultName);
        expected.add("");
      }
      Labels once =
          Labels.of(pushed.toArray(String[]::new)).withOverridesAndDefault(grouping, defaultName);
      assertThat(once)
          .as("pushed %s, grouping %s, default %s", pushed, grouping, defaultName)
          .isEqualTo(Labels.of(expected.toArray(String[]::new)));
      // Made at once from a parser's reused buffer (longer than the pairs, left untouched).
      String[] buffer = pushed.toArray(new String[pushed.size() + 2]);
      buffer[pushed.size()] = "junk";
      String[] before = buffer.clone();
      assertThat(Labels.ofWithOverridesAndDefault(buffer, pushed.size(), grouping, defaultName))
          .as("at once: pushed %s, grouping %s, default %s", pushed, grouping, defaultName)
          .isEqualTo(once);
      assertThat(buffer).isEqualTo(before);
      // Applied again (a parser has applied it already), the rule changes nothing and, unless a
      // pushed name repeats, keeps the very labels.
      Labels twice = once.withOverridesAndDefault(grouping, defaultName);
      assertThat(twice).isEqualTo(once);
      if (once.firstDuplicateName() == null) {
        assertThat(twice).isSameAs(once);
      }
    }
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
