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
  private final Limits limits;

  /** A state machine; with {@code checkConsistency} false pushes are stored unchecked. */
  public StateMachine(boolean checkConsistency) {
    this(checkConsistency, Limits.NONE);
  }

  /** A state machine that also refuses pushes beyond {@code limits}. */
  public StateMachine(boolean checkConsistency, Limits limits) {
    this.checkConsistency = checkConsistency;
    this.limits = limits;
  }

  /** The state after a request and the request's result. */
  public record Transition(StoreState state, WriteResult result) {}

  /** Applies one request. */
  public Transition apply(StoreState state, WriteRequest request) {
    return switch (request) {
      case WriteRequest.Push push -> push(state, push);
      case WriteRequest.Delete delete -> delete(state, delete.key());
      case WriteRequest.Wipe wipe -> wipe(state);
      case WriteRequest.Restore restore -> restore(state, restore);
    };
  }

  /**
   * Applies a request with a known outcome, as recorded in a log: an accepted push is stored
   * without checking, a rejected one only records its failure. The result does not depend on this
   * machine's consistency setting, so a log replays the same under any flags.
   */
  public StoreState replay(StoreState state, WriteRequest request, boolean accepted) {
    if (request instanceof WriteRequest.Push push) {
      return accepted ? store(state, push).state() : fail(state, push, "").state();
    }
    return apply(state, request).state();
  }

  private Transition push(StoreState state, WriteRequest.Push push) {
    if (push.hasTimestamps()) {
      return checkedFail(state, push, TIMESTAMPS_ERROR);
    }
    Stored stored = store(state, push);
    // A refusal for a limit leaves the store exactly as it was, without Go's failure bookkeeping:
    // that would itself add a group and series for every refused grouping key.
    Limits.Refusal refusal = limits.check(state, stored.state(), push.key());
    if (refusal != null) {
      return new Transition(state, WriteResult.refused(refusal));
    }
    if (checkConsistency && !stored.state().isConsistent()) {
      return checkedFail(state, push, Problems.describeFor(stored.state(), stored.touched()));
    }
    return new Transition(stored.state(), WriteResult.accepted());
  }

  /** {@link #fail}, unless its bookkeeping would create a group beyond the limits. */
  private Transition checkedFail(StoreState state, WriteRequest.Push push, String error) {
    if (!limits.allowsFailureBookkeeping(state, push.key())) {
      return new Transition(state, WriteResult.rejected(error));
    }
    return fail(state, push, error);
  }

  /** A state with a push stored, and the family names the push touched. */
  private record Stored(StoreState state, Set<String> touched) {}

  /** The state with the push stored, checked or not (Go's processWriteRequest). */
  private static Stored store(StoreState state, WriteRequest.Push push) {
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
    group = group.with(PushRules.pushTime(push.key(), group, now, push.time()));
    changed.add(PushRules.PUSH_TIME_SECONDS);
    boolean hadFailureGauge =
        old != null && old.family(PushRules.PUSH_FAILURE_TIME_SECONDS) != null;
    if (!hadFailureGauge) {
      group = group.with(PushRules.pushFailureTime(push.key(), group, 0, push.time()));
      changed.add(PushRules.PUSH_FAILURE_TIME_SECONDS);
    }
    editor.putGroup(group, changed);
    return new Stored(editor.commit(), editor.touchedNames());
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
    group = group.with(PushRules.pushFailureTime(push.key(), group, now, push.time()));
    Set<String> changed = new LinkedHashSet<>(List.of(PushRules.PUSH_FAILURE_TIME_SECONDS));
    if (group.family(PushRules.PUSH_TIME_SECONDS) == null) {
      group = group.with(PushRules.pushTime(push.key(), group, 0, push.time()));
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

  private static Transition restore(StoreState state, WriteRequest.Restore restore) {
    StateEditor editor = new StateEditor(state);
    Group old = editor.group(restore.key());
    Set<String> changed = new LinkedHashSet<>();
    Group group = Group.empty(restore.key());
    if (old != null) {
      old.familyNames().forEach(changed::add);
    }
    for (StoredFamily f : restore.families()) {
      group = group.with(f);
      changed.add(f.name());
    }
    if (restore.families().isEmpty()) {
      editor.removeGroup(restore.key());
    } else {
      editor.putGroup(group, changed);
    }
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
