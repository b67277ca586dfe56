package io.pushgateway.storage;

import static io.pushgateway.storage.StoreFixtures.T1;
import static io.pushgateway.storage.StoreFixtures.T2;
import static io.pushgateway.storage.StoreFixtures.empty;
import static io.pushgateway.storage.StoreFixtures.family;
import static io.pushgateway.storage.StoreFixtures.key;
import static io.pushgateway.storage.StoreFixtures.put;
import static io.pushgateway.storage.StoreFixtures.series;
import static org.assertj.core.api.Assertions.assertThat;

import io.pushgateway.model.Labels;
import io.pushgateway.model.Metric;
import io.pushgateway.model.MetricType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A family that one group alone pushed, in order, is kept as that group's list with render slots
 * beside it; readers must not see a difference, also when a second group joins the family.
 */
class SoleGroupSeriesTest {
  private final StateMachine machine = new StateMachine(true);

  @Test
  void aSecondGroupJoining_mergesInOrder_andKeepsWhatReadersDerived() {
    StoreState one = apply(empty(), put(key("job", "a"), T1, gauges("g", "1", "3", "5")));
    assertThat(one.family("g").metricCount()).isEqualTo(3);
    // A reader derives something from each series (a scrape keeps the rendered lines).
    List<String> derived = new ArrayList<>();
    for (MergedFamily.Series s : one.family("g").series()) {
      String lines = "lines of " + s.metric().labels();
      s.setRenderCache(lines);
      derived.add(lines);
    }
    assertThat(one.family("g").series())
        .extracting(MergedFamily.Series::renderCache)
        .containsExactlyElementsOf(derived);
    StoreState two = apply(one, put(key("job", "b"), T2, gauges("g", "2", "4")));
    assertThat(series(two, "g"))
        .containsExactly(
            "{a=\"1\",instance=\"\",job=\"a\"} 1.0",
            "{a=\"2\",instance=\"\",job=\"b\"} 2.0",
            "{a=\"3\",instance=\"\",job=\"a\"} 3.0",
            "{a=\"4\",instance=\"\",job=\"b\"} 4.0",
            "{a=\"5\",instance=\"\",job=\"a\"} 5.0");
    List<Object> kept = new ArrayList<>();
    for (MergedFamily.Series s : two.family("g").series()) {
      if (s.metric().labels().get("job").equals("a")) {
        kept.add(s.renderCache());
      } else {
        assertThat(s.renderCache()).isNull();
      }
    }
    assertThat(kept).containsExactlyElementsOf(derived);
  }

  @Test
  void duplicatesWithinTheGroup_areProblems() {
    StateMachine unchecked = new StateMachine(false);
    StoreState s =
        unchecked.apply(empty(), put(key("job", "a"), T1, gauges("g", "1", "5", "5"))).state();
    assertThat(s.isConsistent()).isFalse();
    assertThat(s.describeProblems()).contains("was collected before with the same name");
  }

  @Test
  void seriesOutOfOrder_areSortedAsBefore() {
    StoreState s = apply(empty(), put(key("job", "a"), T1, gauges("g", "3", "1", "2")));
    assertThat(series(s, "g"))
        .containsExactly(
            "{a=\"1\",instance=\"\",job=\"a\"} 1.0",
            "{a=\"2\",instance=\"\",job=\"a\"} 2.0",
            "{a=\"3\",instance=\"\",job=\"a\"} 3.0");
  }

  private StoreState apply(StoreState state, WriteRequest request) {
    return machine.apply(state, request).state();
  }

  /** A gauge family with one series per value of label a, in the order given. */
  private static io.pushgateway.model.MetricFamily gauges(String name, String... xs) {
    List<Metric> metrics = new ArrayList<>();
    for (String x : xs) {
      metrics.add(Metric.gauge(Labels.of("a", x), Double.parseDouble(x)));
    }
    return family(name, MetricType.GAUGE, metrics.toArray(Metric[]::new));
  }
}
