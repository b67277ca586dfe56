package io.pushgateway.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.pushgateway.model.GroupingKey;
import io.pushgateway.model.Histogram;
import io.pushgateway.model.Labels;
import io.pushgateway.model.Metric;
import io.pushgateway.model.MetricFamily;
import io.pushgateway.model.MetricType;
import io.pushgateway.model.SimpleValue;
import io.pushgateway.model.Summary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Compares the store's incrementally maintained consistency verdicts and merged series with a
 * brute-force recomputation over the whole state (what Go does on every push), on random sequences
 * of writes.
 */
class IncrementalConsistencyTest {
  private static final String[] NAMES = {
    "m", "m_count", "m_sum", "m_bucket", "n", "own_g", "own_c"
  };
  private static final MetricType[] TYPES = {
    MetricType.UNTYPED,
    MetricType.COUNTER,
    MetricType.GAUGE,
    MetricType.SUMMARY,
    MetricType.HISTOGRAM,
    MetricType.GAUGE_HISTOGRAM
  };
  private static final Map<String, OwnFamily> OWN =
      Map.of(
          "own_g", new OwnFamily("own_g", MetricType.GAUGE, "h", true),
          "own_c", new OwnFamily("own_c", MetricType.COUNTER, "help", false));

  @Test
  void randomWrites_incrementalVerdictEqualsBruteForce() {
    Random rnd = new Random(42);
    StateMachine checked = new StateMachine(true);
    StateMachine unchecked = new StateMachine(false);
    int accepted = 0;
    int rejected = 0;
    int inconsistentStates = 0;
    for (int run = 0; run < 400; run++) {
      StoreState state = StoreState.empty(OWN);
      boolean useUnchecked = run % 4 == 0;
      for (int step = 0; step < 40; step++) {
        Instant t = Instant.ofEpochSecond(1000 + step);
        WriteRequest r = randomRequest(rnd, t);
        if (r instanceof WriteRequest.Push push && !push.hasTimestamps()) {
          StoreState candidate = unchecked.apply(state, r).state();
          boolean expectedOk = bruteForceConsistent(candidate);
          assertThat(candidate.isConsistent())
              .as("verdict run %d step %d", run, step)
              .isEqualTo(expectedOk);
          StateMachine.Transition tr = checked.apply(state, r);
          assertThat(tr.result().isAccepted()).isEqualTo(expectedOk);
          if (expectedOk) {
            accepted++;
          } else {
            rejected++;
          }
        }
        state = (useUnchecked ? unchecked : checked).apply(state, r).state();
        assertThat(state.isConsistent()).isEqualTo(bruteForceConsistent(state));
        inconsistentStates += state.isConsistent() ? 0 : 1;
        assertMergedViewMatches(state);
      }
    }
    // The random mix must exercise both verdicts and inconsistent (unchecked) states.
    assertThat(accepted).isGreaterThan(1000);
    assertThat(rejected).isGreaterThan(1000);
    assertThat(inconsistentStates).isGreaterThan(100);
  }

  private static WriteRequest randomRequest(Random rnd, Instant t) {
    GroupingKey key = randomKey(rnd);
    int op = rnd.nextInt(20);
    if (op == 0) {
      return new WriteRequest.Wipe(t);
    }
    if (op < 4) {
      return new WriteRequest.Delete(key, t);
    }
    List<MetricFamily> families = new ArrayList<>();
    int n = rnd.nextInt(3);
    for (int i = 0; i < n; i++) {
      families.add(randomFamily(rnd));
    }
    return PushRules.prepare(key, families, rnd.nextBoolean(), t);
  }

  private static GroupingKey randomKey(Random rnd) {
    String job = "j" + rnd.nextInt(3);
    return switch (rnd.nextInt(3)) {
      case 0 -> GroupingKey.of("job", job);
      case 1 -> GroupingKey.of("job", job, "instance", "");
      default -> GroupingKey.of("job", job, "instance", "i1");
    };
  }

  private static MetricFamily randomFamily(Random rnd) {
    String name = NAMES[rnd.nextInt(NAMES.length)];
    MetricType type = TYPES[rnd.nextInt(TYPES.length)];
    List<Metric> metrics = new ArrayList<>();
    int count = rnd.nextInt(3);
    for (int i = 0; i < count; i++) {
      MetricType kind = rnd.nextInt(6) == 0 ? TYPES[rnd.nextInt(TYPES.length)] : type;
      metrics.add(metric(rnd, kind));
    }
    return MetricFamily.of(name, rnd.nextBoolean() ? null : "help", type, metrics);
  }

  private static Metric metric(Random rnd, MetricType kind) {
    List<String> pairs = new ArrayList<>();
    switch (rnd.nextInt(5)) {
      case 0 -> {}
      case 1 -> pairs.addAll(List.of("x", "1"));
      case 2 -> pairs.addAll(List.of("x", "2"));
      case 3 -> pairs.addAll(List.of("instance", "i1"));
      default -> pairs.addAll(List.of(rnd.nextBoolean() ? "__bad" : "quantile", "v"));
    }
    Labels labels = Labels.of(pairs.toArray(new String[0]));
    SimpleValue v = SimpleValue.of(1);
    return switch (kind) {
      case COUNTER -> Metric.counter(labels, 1);
      case GAUGE -> new Metric(labels, v, null, null, null, null, null);
      case SUMMARY -> Metric.summary(labels, new Summary(1, true, 1, true, List.of(), null));
      case UNTYPED -> new Metric(labels, null, null, null, v, null, null);
      case HISTOGRAM, GAUGE_HISTOGRAM -> Metric.histogram(labels, Histogram.builder().build());
    };
  }

  /** Go's gather over the whole state: own families first, then every group's families. */
  private static boolean bruteForceConsistent(StoreState state) {
    Map<String, MetricType> typeByName = new HashMap<>();
    Map<String, String> helpByName = new HashMap<>();
    Map<String, List<Metric>> metricsByName = new HashMap<>();
    for (Group g : state.groups()) {
      for (StoredFamily f : g.families()) {
        typeByName.putIfAbsent(f.name(), f.family().effectiveType());
        String help = f.family().help();
        helpByName.putIfAbsent(f.name(), help == null ? "" : help);
        metricsByName
            .computeIfAbsent(f.name(), k -> new ArrayList<>())
            .addAll(f.family().metrics());
      }
    }
    for (Map.Entry<String, List<Metric>> e : metricsByName.entrySet()) {
      String name = e.getKey();
      MetricType type = typeByName.get(name);
      OwnFamily own = OWN.get(name);
      if (own != null) {
        if (!own.replacesPushedHelp() && !own.help().equals(helpByName.get(name))) {
          return false;
        }
        if (own.type() != type) {
          return false;
        }
      }
      Set<Labels> seen = new HashSet<>();
      for (Metric m : e.getValue()) {
        if (!m.hasValueFor(type) || MetricChecks.labelProblem(m) != null || !seen.add(m.labels())) {
          return false;
        }
      }
    }
    Map<String, MetricType> all = new HashMap<>(typeByName);
    OWN.forEach((n, o) -> all.put(n, o.type()));
    for (String name : typeByName.keySet()) {
      for (String suffix : new String[] {"_count", "_sum", "_bucket"}) {
        if (name.endsWith(suffix)) {
          MetricType base = all.get(name.substring(0, name.length() - suffix.length()));
          if (base == MetricType.HISTOGRAM
              || (base == MetricType.SUMMARY && !suffix.equals("_bucket"))) {
            return false;
          }
        }
        MetricType t = all.get(name);
        if (all.containsKey(name + suffix)
            && (t == MetricType.HISTOGRAM
                || (t == MetricType.SUMMARY && !suffix.equals("_bucket")))) {
          return false;
        }
      }
    }
    return true;
  }

  private static void assertMergedViewMatches(StoreState state) {
    Map<String, List<SeriesEntry>> expected = new HashMap<>();
    for (Group g : state.groups()) {
      for (StoredFamily f : g.families()) {
        int i = 0;
        for (Metric m : f.family().metrics()) {
          expected
              .computeIfAbsent(f.name(), k -> new ArrayList<>())
              .add(new SeriesEntry(m, g.key(), i++));
        }
      }
    }
    expected.values().forEach(l -> l.sort(SeriesEntry.ORDER));
    Map<String, List<SeriesEntry>> actual = new HashMap<>();
    for (MergedFamily f : state.families()) {
      List<SeriesEntry> l = new ArrayList<>();
      f.entries().forEach(l::add);
      if (!l.isEmpty()) {
        actual.put(f.name(), l);
      }
    }
    assertThat(actual).isEqualTo(expected);
  }
}
