package io.pushgateway.persistence;

import static io.pushgateway.persistence.PersistenceFixtures.MACHINE;
import static io.pushgateway.persistence.PersistenceFixtures.apply;
import static io.pushgateway.persistence.PersistenceFixtures.dump;
import static io.pushgateway.persistence.PersistenceFixtures.empty;
import static io.pushgateway.persistence.PersistenceFixtures.gauges;
import static io.pushgateway.persistence.PersistenceFixtures.key;
import static io.pushgateway.persistence.PersistenceFixtures.options;
import static io.pushgateway.persistence.PersistenceFixtures.post;
import static io.pushgateway.persistence.PersistenceFixtures.put;
import static io.pushgateway.persistence.PersistenceFixtures.richFamilies;
import static io.pushgateway.persistence.PersistenceFixtures.t;
import static io.pushgateway.persistence.PersistenceFixtures.timestamped;
import static org.assertj.core.api.Assertions.assertThat;

import io.pushgateway.log.Log;
import io.pushgateway.model.GroupingKey;
import io.pushgateway.storage.Group;
import io.pushgateway.storage.MetricStore;
import io.pushgateway.storage.StoreState;
import io.pushgateway.storage.WriteLog;
import io.pushgateway.storage.WriteRequest;
import io.pushgateway.storage.WriteResult;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store written through the durable log comes back exactly, after a close or a kill. */
class DurableLogRoundTripTest {
  private static final GroupingKey G1 = key("job", "a", "instance", "i1");
  private static final GroupingKey G2 = key("job", "b");
  private static final GroupingKey G3 = key("job", "c");
  private static final GroupingKey G4 = key("job", "d", "path", "x/y");
  private static final GroupingKey G5 = key("job", "e", "empty", "");

  @TempDir Path dir;

  private Path file() {
    return dir.resolve("pushgateway.data");
  }

  private DurableLog.Opened open() throws PersistenceException {
    return DurableLog.open(options(file()), empty(), MACHINE, Log.discard());
  }

  /** Every kind of write: pushes of every type, a wipe, failed pushes, a POST and a delete. */
  private static StoreState writeHistory(MetricStore store) {
    apply(store, put(key("job", "gone"), t(0), richFamilies("gone")));
    apply(store, new WriteRequest.Wipe(t(0)));
    assertThat(apply(store, put(G1, t(1), richFamilies("a"))).isAccepted()).isTrue();
    assertThat(apply(store, put(G2, t(2), richFamilies("b"))).isAccepted()).isTrue();
    WriteResult failed = apply(store, put(G1, t(3), timestamped("a_stamped")));
    assertThat(failed.error()).isEqualTo("pushed metrics must not have timestamps");
    assertThat(apply(store, post(G3, t(4), timestamped("c_stamped"))).isAccepted()).isFalse();
    assertThat(apply(store, post(G1, t(5), gauges("a_extra", 1, 2, 3))).isAccepted()).isTrue();
    apply(store, new WriteRequest.Delete(G2, t(6)));
    assertThat(apply(store, put(G4, t(7), gauges("shared", 5))).isAccepted()).isTrue();
    assertThat(apply(store, put(G5, t(8), gauges("shared", 6, 7))).isAccepted()).isTrue();
    assertThat(apply(store, put(G2, t(9), richFamilies("b"))).isAccepted()).isTrue();
    assertThat(apply(store, post(G4, t(10), gauges("d_only", 8))).isAccepted()).isTrue();
    return store.state();
  }

  @Test
  void close_thenOpen_restoresEveryGroupFamilyAndTime() throws Exception {
    DurableLog.Opened opened = open();
    MetricStore store = new MetricStore(opened.state(), MACHINE, 100, opened.log());
    StoreState original = writeHistory(store);
    store.close();

    StoreState restored = open().state();

    assertThat(dump(restored)).containsExactlyElementsOf(dump(original));
    assertRichDetails(restored);
    assertThat(PersistenceFixtures.list(dir)).containsExactly(file());
  }

  @Test
  void kill_thenOpen_replaysEveryAcknowledgedWrite() throws Exception {
    DurableLog.Opened opened = open();
    MetricStore store =
        new MetricStore(
            opened.state(), MACHINE, 100, new PersistenceFixtures.Killable(opened.log()));
    StoreState original = writeHistory(store);
    store.close();

    DurableLog.Opened reopened = open();

    assertThat(dump(reopened.state())).containsExactlyElementsOf(dump(original));
    assertRichDetails(reopened.state());
  }

  @Test
  void restartsAfterKills_keepAccumulating() throws Exception {
    StoreState expected = null;
    for (int round = 0; round < 4; round++) {
      DurableLog.Opened opened = open();
      if (expected != null) {
        assertThat(dump(opened.state())).containsExactlyElementsOf(dump(expected));
      }
      WriteLog log = round % 2 == 0 ? new PersistenceFixtures.Killable(opened.log()) : opened.log();
      MetricStore store = new MetricStore(opened.state(), MACHINE, 100, log);
      GroupingKey k = key("job", "round" + round);
      apply(store, put(k, t(20 + round), gauges("r" + round, round)));
      apply(store, post(G1, t(30 + round), gauges("a_extra", round)));
      if (round == 2) {
        apply(store, new WriteRequest.Delete(key("job", "round0"), t(40)));
      }
      expected = store.state();
      store.close();
    }
    StoreState restored = open().state();
    assertThat(dump(restored)).containsExactlyElementsOf(dump(expected));
    assertThat(restored.group(key("job", "round0"))).isNull();
    assertThat(restored.group(key("job", "round3"))).isNotNull();
  }

  /**
   * Spot checks that do not rely on the dump: times with nanoseconds and the failure bookkeeping.
   */
  private static void assertRichDetails(StoreState restored) {
    Group g1 = restored.group(G1);
    assertThat(g1).isNotNull();
    assertThat(g1.pushFailureTimeSeconds())
        .isEqualTo(seconds(t(3).getEpochSecond(), t(3).getNano()));
    assertThat(g1.pushTimeSeconds()).isEqualTo(seconds(t(5).getEpochSecond(), t(5).getNano()));
    assertThat(g1.family("a_native").lastPushed()).isEqualTo(t(1));
    assertThat(g1.family("a_extra").lastPushed()).isEqualTo(t(5));
    assertThat(g1.family("a_temperature").family().unit()).isEqualTo("celsius");
    assertThat(g1.family("a_untyped_no_help").family().help()).isNull();
    assertThat(g1.family("a_latency").family().help()).isEmpty();
    assertThat(g1.lastPushSuccessful()).isTrue();
    Group g3 = restored.group(G3);
    assertThat(g3).isNotNull();
    assertThat(g3.pushTimeSeconds()).isZero();
    assertThat(g3.pushFailureTimeSeconds())
        .isEqualTo(seconds(t(4).getEpochSecond(), t(4).getNano()));
    assertThat(g3.lastPushSuccessful()).isFalse();
    assertThat(restored.group(key("job", "gone"))).isNull();
    assertThat(restored.family("shared").groupCount()).isEqualTo(2);
    assertThat(restored.isConsistent()).isTrue();
    assertThat(restored.groupCount()).isEqualTo(5);
  }

  private static double seconds(long epochSecond, int nanos) {
    return (double) (epochSecond * 1_000_000_000L + nanos) / 1e9;
  }
}
