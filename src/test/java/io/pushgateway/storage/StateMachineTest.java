package io.pushgateway.storage;

import static io.pushgateway.storage.StoreFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.pushgateway.model.GroupingKey;
import io.pushgateway.model.Labels;
import io.pushgateway.model.Metric;
import io.pushgateway.model.MetricType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StateMachineTest {
  private final StateMachine checked = new StateMachine(true);
  private StoreState state = empty();

  private WriteResult apply(WriteRequest r) {
    StateMachine.Transition t = checked.apply(state, r);
    state = t.state();
    return t.result();
  }

  private static List<String> familyNames(Group g) {
    List<String> names = new ArrayList<>();
    g.families().forEach(f -> names.add(f.name()));
    return names;
  }

  @Test
  void push_storesSanitisedSeriesAndTimeGauges() {
    GroupingKey k = key("job", "pblab", "z", "zz");
    assertThat(apply(put(k, T1, untyped("m", 1, "z", "1", "job", "other", "a", "2"))).isAccepted())
        .isTrue();
    assertThat(series(state, "m"))
        .containsExactly("{a=\"2\",instance=\"\",job=\"pblab\",z=\"zz\"} 1.0");
    Group g = state.group(k);
    assertThat(familyNames(g))
        .containsExactly("m", "push_failure_time_seconds", "push_time_seconds");
    assertThat(g.pushTimeSeconds()).isEqualTo(1.767225601E9);
    assertThat(g.pushFailureTimeSeconds()).isZero();
    assertThat(g.lastPushSuccessful()).isTrue();
    assertThat(series(state, "push_time_seconds"))
        .containsExactly("{instance=\"\",job=\"pblab\",z=\"zz\"} 1.767225601E9");
  }

  @Test
  void push_keepsPushedInstanceWhenGroupingKeyHasNone() {
    apply(put(key("job", "j"), T1, untyped("m", 1, "instance", "i1")));
    assertThat(series(state, "m")).containsExactly("{instance=\"i1\",job=\"j\"} 1.0");
  }

  @Test
  void put_replacesEveryFamily_postReplacesOnlyNamedOnes() {
    GroupingKey k = key("job", "j");
    apply(put(k, T1, untyped("a", 1), untyped("b", 2)));
    apply(post(k, T2, untyped("b", 3), untyped("c", 4)));
    assertThat(familyNames(state.group(k)))
        .containsExactly("a", "b", "c", "push_failure_time_seconds", "push_time_seconds");
    assertThat(series(state, "b")).containsExactly("{instance=\"\",job=\"j\"} 3.0");
    apply(put(k, T3, untyped("d", 5)));
    assertThat(familyNames(state.group(k)))
        .containsExactly("d", "push_failure_time_seconds", "push_time_seconds");
    assertThat(state.family("a")).isNull();
  }

  @Test
  void emptyPut_keepsGroupWithTimeGaugesOnly() {
    GroupingKey k = key("job", "j");
    apply(put(k, T1, untyped("a", 1)));
    apply(put(k, T2));
    assertThat(familyNames(state.group(k)))
        .containsExactly("push_failure_time_seconds", "push_time_seconds");
  }

  @Test
  void timestamps_rejectedWithFailureBookkeepingOnNewGroup() {
    GroupingKey k = key("job", "ts_fail");
    Metric withTs = new Metric(Labels.EMPTY, null, null, null, null, null, 1000L);
    WriteResult r = apply(put(k, T1, family("foo", MetricType.UNTYPED, withTs)));
    assertThat(r.error()).isEqualTo("pushed metrics must not have timestamps");
    Group g = state.group(k);
    assertThat(familyNames(g)).containsExactly("push_failure_time_seconds", "push_time_seconds");
    assertThat(g.pushTimeSeconds()).isZero();
    assertThat(g.pushFailureTimeSeconds()).isEqualTo(1.767225601E9);
    assertThat(g.lastPushSuccessful()).isFalse();
  }

  @Test
  void typeClashAcrossGroups_rejectedKeepingDataAndRecordingFailure() {
    apply(put(key("job", "a"), T1, untyped("m", 1)));
    apply(put(key("job", "b"), T1, untyped("x", 1)));
    WriteResult r = apply(put(key("job", "b"), T2, counter("m", 2)));
    assertThat(r.error()).startsWith("collected metric \"m\" {").contains("is not a UNTYPED");
    Group b = state.group(key("job", "b"));
    assertThat(familyNames(b))
        .containsExactly("push_failure_time_seconds", "push_time_seconds", "x");
    assertThat(b.pushFailureTimeSeconds()).isEqualTo(1.767225602E9);
    assertThat(b.pushTimeSeconds()).isEqualTo(1.767225601E9);
    assertThat(b.lastPushSuccessful()).isFalse();
    // A later valid push updates the push time but keeps the failure time.
    assertThat(apply(put(key("job", "b"), T3, untyped("m", 3))).isAccepted()).isTrue();
    b = state.group(key("job", "b"));
    assertThat(b.pushFailureTimeSeconds()).isEqualTo(1.767225602E9);
    assertThat(b.lastPushSuccessful()).isTrue();
  }

  @Test
  void postChangingTypeInOnlyGroup_isAccepted() {
    GroupingKey k = key("job", "j");
    apply(put(k, T1, untyped("m", 1)));
    assertThat(apply(post(k, T2, counter("m", 2))).isAccepted()).isTrue();
    assertThat(state.family("m").effectiveType()).isEqualTo(MetricType.COUNTER);
  }

  @Test
  void duplicateSeriesViaGroupingLabels_rejected() {
    apply(put(key("job", "dj"), T1, untyped("dup_m", 1, "instance", "i1")));
    WriteResult r = apply(put(key("job", "dj", "instance", "i1"), T2, untyped("dup_m", 2)));
    assertThat(r.error()).contains("was collected before with the same name and label values");
    assertThat(series(state, "dup_m")).containsExactly("{instance=\"i1\",job=\"dj\"} 1.0");
  }

  @Test
  void duplicateSeriesInOnePush_rejected() {
    Metric a = Metric.untyped(Labels.of("x", "1"), 1);
    Metric b = Metric.untyped(Labels.of("x", "1"), 2);
    WriteResult r = apply(put(key("job", "j"), T1, family("m", MetricType.UNTYPED, a, b)));
    assertThat(r.isAccepted()).isFalse();
    assertThat(state.family("m")).isNull();
    assertThat(state.isConsistent()).isTrue();
  }

  @Test
  void suffixCollisions_rejectedInEitherOrder() {
    apply(put(key("job", "a"), T1, summary("s")));
    assertThat(apply(put(key("job", "b"), T2, untyped("s_count", 1))).error())
        .isEqualTo(
            "collected metric named \"s_count\" collides with previously collected summary named"
                + " \"s\"");
    assertThat(apply(put(key("job", "c"), T2, untyped("s_bucket", 1))).isAccepted()).isTrue();
    apply(put(key("job", "d"), T1, untyped("h_sum", 1)));
    assertThat(apply(put(key("job", "e"), T2, family("h", MetricType.HISTOGRAM))).isAccepted())
        .isFalse();
  }

  @Test
  void reservedOrRepeatedLabelNames_rejected() {
    assertThat(apply(put(key("job", "j"), T1, untyped("h7", 1, "__x", "x"))).error())
        .endsWith("has a label with an invalid name: __x");
    Metric twice = Metric.untyped(Labels.of("a", "1", "a", "2"), 1);
    assertThat(apply(put(key("job", "j"), T1, family("m", MetricType.UNTYPED, twice))).error())
        .endsWith("has two or more labels with the same name: a");
  }

  @Test
  void delete_removesExactlyTheGroupAndNoOpForAbsent() {
    apply(put(key("job", "a"), T1, untyped("m", 1)));
    apply(put(key("job", "a", "instance", "x"), T1, untyped("m", 2)));
    apply(new WriteRequest.Delete(key("job", "a"), T2));
    assertThat(state.groupCount()).isEqualTo(1);
    assertThat(series(state, "m")).containsExactly("{instance=\"x\",job=\"a\"} 2.0");
    long version = state.version();
    apply(new WriteRequest.Delete(key("job", "nope"), T2));
    assertThat(state.version()).isEqualTo(version);
    apply(new WriteRequest.Delete(key("job", "a", "instance", "x"), T2));
    assertThat(state.families()).isEmpty();
    assertThat(state.seriesCount()).isZero();
  }

  @Test
  void wipe_removesEverything() {
    apply(put(key("job", "a"), T1, untyped("m", 1)));
    apply(put(key("job", "b"), T1, untyped("m", 2)));
    apply(new WriteRequest.Wipe(T2));
    assertThat(state.groupCount()).isZero();
    assertThat(state.families()).isEmpty();
  }

  @Test
  void sameFamilyFromThreeGroups_mergedInExpositionOrder_helpFromFirstGroup() {
    apply(put(key("job", "c"), T1, untyped("mf", 3)));
    apply(put(key("job", "a", "x", "1"), T1, untyped("mf", 1)));
    apply(put(key("job", "b"), T1, untyped("mf", 2)));
    assertThat(series(state, "mf"))
        .containsExactly(
            "{instance=\"\",job=\"b\"} 2.0",
            "{instance=\"\",job=\"c\"} 3.0",
            "{instance=\"\",job=\"a\",x=\"1\"} 1.0");
  }

  @Test
  void failedPushThatWouldPoisonTheStore_leavesStoreUnchanged() {
    apply(put(key("job", "a"), T1, untyped("m", 1)));
    WriteResult r = apply(put(key("job", "a", "instance", ""), T2, untyped("n", 1)));
    assertThat(r.isAccepted()).isFalse();
    assertThat(state.group(key("job", "a", "instance", ""))).isNull();
    assertThat(state.isConsistent()).isTrue();
    assertThat(apply(put(key("job", "b"), T3, untyped("m", 2))).isAccepted()).isTrue();
  }

  @Test
  void ownFamily_helpReplacedAndTypeEnforced() {
    state =
        StoreState.empty(
            Map.of("own_g", new OwnFamily("own_g", MetricType.GAUGE, "own help", true)));
    assertThat(apply(put(key("job", "j"), T1, untyped("own_g", 1))).error())
        .isEqualTo("gathered metric family own_g has type UNTYPED but should have GAUGE");
    assertThat(apply(put(key("job", "j"), T1, gauge("own_g", 1))).isAccepted()).isTrue();
    assertThat(state.family("own_g").help()).isEqualTo("own help");
  }

  @Test
  void ownFamilyNotPresentAtStartup_differentHelpRejected() {
    state =
        StoreState.empty(
            Map.of("own_c", new OwnFamily("own_c", MetricType.COUNTER, "own help", false)));
    {
      WriteResult r =
          apply(
              put(
                  key("job", "j"),
                  T1,
                  io.pushgateway.model.MetricFamily.of(
                      "own_c",
                      "foo",
                      MetricType.COUNTER,
                      List.of(Metric.counter(Labels.EMPTY, 1)))));
      assertThat(r.error())
          .isEqualTo("gathered metric family own_c has help \"foo\" but should have \"own help\"");
    }
    WriteResult ok =
        apply(
            put(
                key("job", "j"),
                T1,
                io.pushgateway.model.MetricFamily.of(
                    "own_c",
                    "own help",
                    MetricType.COUNTER,
                    List.of(Metric.counter(Labels.EMPTY, 1)))));
    assertThat(ok.isAccepted()).isTrue();
  }

  @Test
  void uncheckedMode_storesInconsistentData() {
    StateMachine unchecked = new StateMachine(false);
    StoreState s = unchecked.apply(state, put(key("job", "a"), T1, untyped("m", 1))).state();
    StateMachine.Transition t = unchecked.apply(s, put(key("job", "b"), T1, counter("m", 1)));
    assertThat(t.result().isAccepted()).isTrue();
    assertThat(t.state().isConsistent()).isFalse();
    assertThat(t.state().describeProblems()).contains("is not a UNTYPED");
    // The checked machine rejects every push while the stored state is inconsistent.
    assertThat(checked.apply(t.state(), put(key("job", "c"), T2, untyped("z", 1))).result().error())
        .contains("is not a UNTYPED");
  }
}
