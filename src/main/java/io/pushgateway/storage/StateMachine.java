package io.pushgateway.storage;

import io.pushgateway.model.GroupingKey;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies write requests to states: a pure function from (state, request) to (state, result), so
 * the same sequence of requests always yields the same states. Implements Go's push semantics
 * (§5.2, §5.3), the consistency check (§9) and deletes and wipes.
 */
public final class StateMachine {
  static final String TIMESTAMPS_ERROR = "pushed metrics must not have timestamps";

  private final boolean checkConsistency;

  /** A state machine; with {@code checkConsistency} false pushes are stored unchecked. */
  public StateMachine(boolean checkConsistency) {
    this.checkConsistency = checkConsistency;
  }

  /** The state after a request and the request's result. */
  public record Transition(StoreState state, WriteResult result) {}

  /** Applies one request. */
  public Transition apply(StoreState state, WriteRequest request) {
    return switch (request) {
      case WriteRequest.Push push -> push(state, push);
      case WriteRequest.Delete delete -> delete(state, delete.key());
      case WriteRequest.Wipe wipe -> wipe(state);
    };
  }

  private Transition push(StoreState state, WriteRequest.Push push) {
    if (push.hasTimestamps()) {
      return fail(state, push, TIMESTAMPS_ERROR);
    }
    StateEditor editor = new StateEditor(state);
    Group old = editor.group(push.key());
    Group group = old == null ? Group.empty(push.key()) : old;
    Set<String> changed = new LinkedHashSet<>();
    if (push.replace()) {
      for (String name : group.familyNames()) {
        if (!isTimeGauge(name)) {
          changed.add(name);
        }
      }
      for (String name : List.copyOf(changed)) {
        group = group.without(name);
      }
    }
    for (StoredFamily f : push.families()) {
      group = group.with(f);
      changed.add(f.name());
    }
    double now = PushRules.unixSeconds(push.time());
    group = group.with(PushRules.pushTime(push.key(), now, push.time()));
    changed.add(PushRules.PUSH_TIME_SECONDS);
    boolean hadFailureGauge =
        old != null && old.family(PushRules.PUSH_FAILURE_TIME_SECONDS) != null;
    if (!hadFailureGauge) {
      group = group.with(PushRules.pushFailureTime(push.key(), 0, push.time()));
      changed.add(PushRules.PUSH_FAILURE_TIME_SECONDS);
    }
    editor.putGroup(group, changed);
    StoreState candidate = editor.commit();
    if (checkConsistency && !candidate.isConsistent()) {
      return fail(state, push, Problems.describeFor(candidate, editor.touchedNames()));
    }
    return new Transition(candidate, WriteResult.accepted());
  }

  private static boolean isTimeGauge(String name) {
    return name.equals(PushRules.PUSH_TIME_SECONDS)
        || name.equals(PushRules.PUSH_FAILURE_TIME_SECONDS);
  }

  /**
   * Go's bookkeeping for a rejected push: the group is created if needed, its failure time set and
   * a zero push time added if it has none. Deliberate difference: if that bookkeeping itself would
   * make the store inconsistent (Go then rejects every later push and fails every scrape), the
   * store is left unchanged.
   */
  private static Transition fail(StoreState state, WriteRequest.Push push, String error) {
    StateEditor editor = new StateEditor(state);
    Group old = editor.group(push.key());
    Group group = old == null ? Group.empty(push.key()) : old;
    double now = PushRules.unixSeconds(push.time());
    group = group.with(PushRules.pushFailureTime(push.key(), now, push.time()));
    Set<String> changed = new LinkedHashSet<>(List.of(PushRules.PUSH_FAILURE_TIME_SECONDS));
    if (group.family(PushRules.PUSH_TIME_SECONDS) == null) {
      group = group.with(PushRules.pushTime(push.key(), 0, push.time()));
      changed.add(PushRules.PUSH_TIME_SECONDS);
    }
    editor.putGroup(group, changed);
    StoreState after = editor.commit();
    if (after.problemCount() > state.problemCount()) {
      after = state;
    }
    return new Transition(after, WriteResult.rejected(error));
  }

  private static Transition delete(StoreState state, GroupingKey key) {
    if (state.group(key) == null) {
      return new Transition(state, WriteResult.accepted());
    }
    StateEditor editor = new StateEditor(state);
    editor.removeGroup(key);
    return new Transition(editor.commit(), WriteResult.accepted());
  }

  private static Transition wipe(StoreState state) {
    StoreState empty = StoreState.empty(state.own());
    return new Transition(
        new StoreState(
            state.version() + 1, state.own(), empty.groupMap(), empty.familyMap(), 0, 0, 0),
        WriteResult.accepted());
  }
}
