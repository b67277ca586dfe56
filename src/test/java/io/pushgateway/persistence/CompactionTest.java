package io.pushgateway.persistence;

import static io.pushgateway.persistence.PersistenceFixtures.MACHINE;
import static io.pushgateway.persistence.PersistenceFixtures.apply;
import static io.pushgateway.persistence.PersistenceFixtures.dump;
import static io.pushgateway.persistence.PersistenceFixtures.empty;
import static io.pushgateway.persistence.PersistenceFixtures.gauges;
import static io.pushgateway.persistence.PersistenceFixtures.key;
import static io.pushgateway.persistence.PersistenceFixtures.post;
import static io.pushgateway.persistence.PersistenceFixtures.put;
import static io.pushgateway.persistence.PersistenceFixtures.t;
import static org.assertj.core.api.Assertions.assertThat;

import io.pushgateway.model.GroupingKey;
import io.pushgateway.storage.MetricStore;
import io.pushgateway.storage.StoreState;
import io.pushgateway.storage.WriteLog;
import io.pushgateway.storage.WriteRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Background snapshots while writes go on: each switch to a new snapshot keeps every write, and a
 * crash at any moment leaves a file that restores the last acknowledged state.
 */
class CompactionTest {
  private static final int WRITERS = 4;
  private static final int GROUPS_PER_WRITER = 40;
  private static final int MAX_WRITES_PER_WRITER = 50_000;

  @TempDir Path dir;

  private Path file() {
    return dir.resolve("pushgateway.data");
  }

  private DurableLog.Opened open(boolean fsync, PersistenceFixtures.CapturedLog log)
      throws PersistenceException {
    return DurableLog.open(
        new DurableLog.Options(file(), fsync, Duration.ZERO, false), empty(), MACHINE, log.log);
  }

  /**
   * Writers push, post and delete in their own groups (so that every write's effect is its own)
   * until {@code done} holds; returns the number of writes.
   */
  private static long writeUntil(MetricStore store, BooleanSupplier done) throws Exception {
    List<Future<Long>> results = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(WRITERS)) {
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        results.add(pool.submit(() -> writeLoop(store, writer, done)));
      }
    }
    long total = 0;
    for (Future<Long> f : results) {
      total += f.get();
    }
    return total;
  }

  private static long writeLoop(MetricStore store, int writer, BooleanSupplier done) {
    long n = 0;
    while (n < MAX_WRITES_PER_WRITER && (n < 500 || !done.getAsBoolean())) {
      GroupingKey k = key("job", "w" + writer, "g", Long.toString(n % GROUPS_PER_WRITER));
      int second = (int) (n % 1000);
      WriteRequest request =
          switch ((int) (n % 7)) {
            case 0 -> new WriteRequest.Delete(k, t(second));
            case 1, 2 -> post(k, t(second), gauges("posted_" + writer, n, -n));
            default -> put(k, t(second), gauges("put_" + writer, n, n + 1, n + 2, n + 3, n + 4));
          };
      apply(store, request);
      n++;
    }
    return n;
  }

  @Test
  void manySnapshotsDuringWrites_thenCrash_loseNothing() throws Exception {
    PersistenceFixtures.CapturedLog log = new PersistenceFixtures.CapturedLog();
    DurableLog.Opened opened = open(false, log);
    MetricStore store =
        new MetricStore(
            opened.state(), MACHINE, 1000, new PersistenceFixtures.Killable(opened.log()));

    long writes = writeUntil(store, () -> log.count("metrics persisted") >= 30);
    StoreState acknowledged = store.state();
    store.close();

    assertThat(log.count("metrics persisted"))
        .as("snapshots during %d writes", writes)
        .isGreaterThanOrEqualTo(30);
    assertThat(log.text()).doesNotContain("error persisting metrics");
    DurableLog.Opened reopened = open(false, new PersistenceFixtures.CapturedLog());
    assertThat(dump(reopened.state())).containsExactlyElementsOf(dump(acknowledged));
    assertThat(PersistenceFixtures.list(dir)).containsExactly(file());
    reopened.log().crash();
  }

  @Test
  void snapshotsWithFsync_thenCloseAndReopen_loseNothing() throws Exception {
    PersistenceFixtures.CapturedLog log = new PersistenceFixtures.CapturedLog();
    DurableLog.Opened opened = open(true, log);
    MetricStore store = new MetricStore(opened.state(), MACHINE, 1000, opened.log());

    writeUntil(store, () -> log.count("metrics persisted") >= 5);
    StoreState acknowledged = store.state();
    store.close();

    DurableLog.Opened reopened = open(true, new PersistenceFixtures.CapturedLog());
    assertThat(dump(reopened.state())).containsExactlyElementsOf(dump(acknowledged));
    assertThat(PersistenceFixtures.list(dir)).containsExactly(file());
    reopened.log().crash();
  }

  @Test
  void snapshotsThatCannotBeWritten_leaveTheLogWorking() throws Exception {
    PersistenceFixtures.CapturedLog log = new PersistenceFixtures.CapturedLog();
    DurableLog.Opened opened = open(false, log);
    // A non-empty directory where the snapshot's temporary file goes: every snapshot fails.
    Path temp = dir.resolve("pushgateway.data.in_progress");
    Files.createDirectories(temp.resolve("blocker"));
    MetricStore store =
        new MetricStore(
            opened.state(), MACHINE, 1000, new PersistenceFixtures.Killable(opened.log()));

    writeUntil(store, () -> log.count("error persisting metrics") >= 3);
    assertThat(log.count("metrics persisted")).isZero();
    Files.delete(temp.resolve("blocker"));
    // A failing snapshot's clean-up may already have removed the now empty directory.
    Files.deleteIfExists(temp);
    writeUntil(store, () -> log.count("metrics persisted") >= 2);
    StoreState acknowledged = store.state();
    store.close();

    DurableLog.Opened reopened = open(false, new PersistenceFixtures.CapturedLog());
    assertThat(dump(reopened.state())).containsExactlyElementsOf(dump(acknowledged));
    reopened.log().crash();
  }

  @Test
  void idleStore_snapshotsItsLastWrites() throws Exception {
    PersistenceFixtures.CapturedLog log = new PersistenceFixtures.CapturedLog();
    DurableLog.Opened opened = open(false, log);
    WriteLog killable = new PersistenceFixtures.Killable(opened.log());
    MetricStore store = new MetricStore(opened.state(), MACHINE, 1000, killable);
    apply(store, put(key("job", "idle"), t(1), gauges("idle", 1)));
    long before = log.count("metrics persisted");

    // The writer gives the log a turn every second while idle: the snapshot started after the
    // write finishes without another write.
    while (log.count("metrics persisted") < before + 1) {
      Thread.sleep(50);
    }
    StoreState acknowledged = store.state();
    store.close();

    DurableLog.Opened reopened = open(false, new PersistenceFixtures.CapturedLog());
    assertThat(dump(reopened.state())).containsExactlyElementsOf(dump(acknowledged));
    reopened.log().crash();
  }
}
