package io.pushgateway.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pushgateway.model.GroupingKey;
import io.pushgateway.model.Labels;
import io.pushgateway.model.Metric;
import io.pushgateway.model.MetricFamily;
import io.pushgateway.model.MetricType;
import io.pushgateway.model.SimpleValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Loading whole groups at once gives exactly the state that the writes which made them gave:
 * groups, merged families with their series order, and every consistency count (also for
 * inconsistent states, which unchecked pushes make), and the loaded state takes further writes the
 * same way.
 */
class StateLoaderTest {
  private static final String[] NAMES = {"m", "m_count", "m_sum", "m_bucket", "n", "own_g"};
  private static final MetricType[] TYPES = {
    MetricType.UNTYPED, MetricType.COUNTER, MetricType.GAUGE, MetricType.SUMMARY
  };
  private static final Map<String, OwnFamily> OWN =
      Map.of("own_g", new OwnFamily("own_g", MetricType.GAUGE, "h", true));

  private final StateMachine unchecked = new StateMachine(false);

  @Test
  void loadedState_equalsTheStateOfTheWrites() {
    Random rnd = new Random(7);
    int inconsistent = 0;
    for (int run = 0; run < 300; run++) {
      StoreState state = StoreState.empty(OWN);
      for (int step = 0; step < 30; step++) {
        state = unchecked.apply(state, randomWrite(rnd, step)).state();
      }
      StoreState loaded = load(state);
      assertSameContent(loaded, state, run, true);
      inconsistent += state.isConsistent() ? 0 : 1;
      // The loaded trees take further writes exactly like the original ones.
      for (int step = 30; step < 45; step++) {
        WriteRequest w = randomWrite(rnd, step);
        state = unchecked.apply(state, w).state();
        loaded = unchecked.apply(loaded, w).state();
      }
      assertSameContent(loaded, state, run, false);
    }
    assertThat(inconsistent).as("inconsistent states exercised").isGreaterThan(50);
  }

  @Test
  void emptyGroupsAreSkipped_andKeysMustIncrease() {
    StateLoader loader = new StateLoader();
    loader.add(GroupingKey.of("job", "a"), List.of());
    loader.add(GroupingKey.of("job", "b"), List.of(stored("n", 1)));

    assertThat(loader.groupCount()).isEqualTo(1);
    assertThatThrownBy(() -> loader.add(GroupingKey.of("job", "a"), List.of(stored("n", 2))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("out of order");
    assertThat(loader.build(StoreState.empty(OWN)).groupCount()).isEqualTo(1);
  }

  @Test
  void buildRefusesANonEmptyBase() {
    WriteRequest push =
        PushRules.prepare(
            GroupingKey.of("job", "a"), List.of(stored("n", 1).family()), true, Instant.EPOCH);
    StoreState one = unchecked.apply(StoreState.empty(OWN), push).state();

    assertThatThrownBy(() -> new StateLoader().build(one))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static StoreState load(StoreState state) {
    StateLoader loader = new StateLoader();
    for (Group g : state.groups()) {
      List<StoredFamily> families = new ArrayList<>();
      g.families().forEach(families::add);
      loader.add(g.key(), families);
    }
    return loader.build(StoreState.empty(OWN));
  }

  private static void assertSameContent(
      StoreState actual, StoreState expected, int run, boolean sameObjects) {
    assertThat(describe(actual, sameObjects))
        .as("run %d", run)
        .isEqualTo(describe(expected, sameObjects));
    assertThat(actual.problemCount()).isEqualTo(expected.problemCount());
    assertThat(actual.familyProblems()).isEqualTo(expected.familyProblems());
    assertThat(actual.collisions()).isEqualTo(expected.collisions());
    assertThat(actual.seriesCount()).isEqualTo(expected.seriesCount());
    assertThat(actual.isConsistent()).isEqualTo(expected.isConsistent());
    if (!expected.isConsistent()) {
      assertThat(actual.describeProblems()).isEqualTo(expected.describeProblems());
    }
  }

  /**
   * Groups with their stored families, merged families with series in order; with {@code
   * sameObjects}, families and series are compared by identity (a load reuses them).
   */
  private static List<String> describe(StoreState s, boolean sameObjects) {
    List<String> out = new ArrayList<>();
    for (Group g : s.groups()) {
      StringBuilder b = new StringBuilder("group " + g.key() + " " + g.seriesCount());
      for (StoredFamily f : g.families()) {
        b.append(' ').append(f.name()).append('@').append(id(f, sameObjects));
      }
      out.add(b.toString());
    }
    for (MergedFamily f : s.families()) {
      StringBuilder b =
          new StringBuilder(
              "family "
                  + f.name()
                  + " groups="
                  + f.groupCount()
                  + " problems="
                  + f.problems()
                  + " dups="
                  + f.hasDuplicates()
                  + " type="
                  + f.type()
                  + " help="
                  + f.help());
      for (Metric m : f.metrics()) {
        b.append(' ').append(m.labels()).append('@').append(id(m, sameObjects));
      }
      out.add(b.toString());
    }
    return out;
  }

  private static int id(Object o, boolean sameObjects) {
    return sameObjects ? System.identityHashCode(o) : 0;
  }

  private static StoredFamily stored(String name, double value) {
    Metric m = new Metric(Labels.EMPTY, SimpleValue.of(value), null, null, null, null, null);
    return StoredFamily.of(
        MetricFamily.of(name, null, MetricType.GAUGE, List.of(m)), Instant.EPOCH);
  }

  private static WriteRequest randomWrite(Random rnd, int step) {
    Instant t = Instant.ofEpochSecond(1000 + step, rnd.nextInt(1000));
    GroupingKey key =
        GroupingKey.of(
            "job", "j" + rnd.nextInt(4), "instance", rnd.nextBoolean() ? "" : "i" + rnd.nextInt(3));
    int op = rnd.nextInt(20);
    if (op == 0) {
      return new WriteRequest.Delete(key, t);
    }
    List<MetricFamily> families = new ArrayList<>();
    for (int i = rnd.nextInt(3); i >= 0; i--) {
      String name = NAMES[rnd.nextInt(NAMES.length)];
      MetricType type = TYPES[rnd.nextInt(TYPES.length)];
      List<Metric> metrics = new ArrayList<>();
      for (int j = rnd.nextInt(3); j > 0; j--) {
        Labels labels =
            switch (rnd.nextInt(4)) {
              case 0 -> Labels.EMPTY;
              case 1 -> Labels.of("x", "1");
              case 2 -> Labels.of("x", "" + rnd.nextInt(3));
              default -> Labels.of(rnd.nextBoolean() ? "__bad" : "y", "v");
            };
        SimpleValue v = SimpleValue.of(rnd.nextInt(5));
        metrics.add(
            rnd.nextInt(4) == 0
                ? Metric.counter(labels, 1)
                : new Metric(labels, v, null, null, v, null, null));
      }
      families.add(MetricFamily.of(name, rnd.nextBoolean() ? null : "help " + name, type, metrics));
    }
    return PushRules.prepare(key, families, rnd.nextBoolean(), t);
  }
}
