package io.pushgateway.benchmarks;

import io.pushgateway.exposition.TextParser;
import io.pushgateway.model.GroupingKey;
import io.pushgateway.model.MetricFamily;
import io.pushgateway.storage.PushRules;
import io.pushgateway.storage.StateMachine;
import io.pushgateway.storage.StoreState;
import io.pushgateway.storage.WriteRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Builds stores the way the gateway does: every group is a checked PUT of the 30-series body to
 * {@code /metrics/job/bench/instance/<i>}, applied by the {@link StateMachine}.
 */
final class Stores {
  /** A fixed receive time, so that every run builds the same state. */
  static final Instant TIME = Instant.parse("2026-01-01T00:00:00Z");

  private Stores() {}

  /** The grouping key of group {@code i}. */
  static GroupingKey key(int i) {
    return GroupingKey.of("job", "bench", "instance", Integer.toString(i));
  }

  /** The PUT request a push of {@code body} to group {@code i} becomes (parsed and prepared). */
  static WriteRequest.Push put(int i, byte[] body) {
    List<MetricFamily> families = TextParser.parse(body);
    return PushRules.prepare(key(i), families, true, TIME);
  }

  /** A consistent state holding groups 0..groups-1, each with the small body's 30 series. */
  static StoreState withGroups(StateMachine machine, int groups) {
    byte[] body = Bodies.small();
    StoreState state = StoreState.empty(Map.of());
    for (int i = 0; i < groups; i++) {
      StateMachine.Transition t = machine.apply(state, put(i, body));
      if (!t.result().isAccepted()) {
        throw new IllegalStateException("push " + i + " rejected: " + t.result().error());
      }
      state = t.state();
    }
    // The store counts a histogram or a summary as one series; each group adds two time gauges.
    long expected = (long) groups * (Bodies.SMALL_METRICS + 2);
    if (state.seriesCount() != expected || !state.isConsistent()) {
      throw new IllegalStateException(
          "expected a consistent store of " + expected + " metrics, it has " + state.seriesCount());
    }
    // A long-running gateway's store has been through collections that moved it together into
    // the old generation; freshly built, it is spread among the garbage of its building.
    System.gc();
    return state;
  }
}
