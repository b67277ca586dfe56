package io.pushgateway.persistence;

import static io.pushgateway.persistence.PersistenceFixtures.MACHINE;
import static io.pushgateway.persistence.PersistenceFixtures.apply;
import static io.pushgateway.persistence.PersistenceFixtures.dump;
import static io.pushgateway.persistence.PersistenceFixtures.empty;
import static io.pushgateway.persistence.PersistenceFixtures.gauges;
import static io.pushgateway.persistence.PersistenceFixtures.key;
import static io.pushgateway.persistence.PersistenceFixtures.options;
import static io.pushgateway.persistence.PersistenceFixtures.put;
import static io.pushgateway.persistence.PersistenceFixtures.richFamilies;
import static io.pushgateway.persistence.PersistenceFixtures.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pushgateway.log.Log;
import io.pushgateway.storage.MetricStore;
import io.pushgateway.storage.StoreState;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start-up with a damaged, torn, foreign or missing file: a torn last record is dropped with a
 * warning, any other damage stops the start with the file and the position, unless the operator
 * asks to move the file aside.
 */
class DamagedFileTest {
  private static final int WRITES = 6;

  @TempDir Path dir;

  private Path file() {
    return dir.resolve("pushgateway.data");
  }

  /** The file after {@code WRITES} pushes, one record each; where each record ends; each state. */
  private record History(byte[] bytes, List<Long> ends, List<StoreState> states) {
    /** Where record {@code i} (0-based, of the writes) starts. */
    long start(int i) {
      return ends.get(i);
    }

    long end(int i) {
      return ends.get(i + 1);
    }
  }

  private History writeHistory() throws Exception {
    DurableLog.Opened opened = DurableLog.open(options(file()), empty(), MACHINE, Log.discard());
    MetricStore store =
        new MetricStore(
            opened.state(), MACHINE, 10, new PersistenceFixtures.Killable(opened.log()));
    List<Long> ends = new ArrayList<>(List.of(Files.size(file())));
    List<StoreState> states = new ArrayList<>(List.of(store.state()));
    for (int i = 0; i < WRITES; i++) {
      apply(store, put(key("job", "j" + i), t(i), gauges("m" + i, i, i + 0.5)));
      ends.add(Files.size(file()));
      states.add(store.state());
    }
    store.close();
    return new History(Files.readAllBytes(file()), ends, states);
  }

  private DurableLog.Opened open(Path file, boolean moveAside, PersistenceFixtures.CapturedLog log)
      throws PersistenceException {
    DurableLog.Opened opened =
        DurableLog.open(
            new DurableLog.Options(file, false, Duration.ofMinutes(5), moveAside),
            empty(),
            MACHINE,
            log.log);
    opened.log().crash();
    return opened;
  }

  private DurableLog.Opened open() throws PersistenceException {
    return open(file(), false, new PersistenceFixtures.CapturedLog());
  }

  @Test
  void tornLastRecord_cutAtAnyByte_isDroppedAndTheRestKept() throws Exception {
    History h = writeHistory();
    int last = WRITES - 1;
    for (long cut = h.start(last) + 1; cut < h.end(last); cut++) {
      Files.write(file(), Arrays.copyOf(h.bytes(), (int) cut));
      PersistenceFixtures.CapturedLog log = new PersistenceFixtures.CapturedLog();

      DurableLog.Opened opened = open(file(), false, log);

      assertThat(dump(opened.state())).as("cut at %d", cut).isEqualTo(dump(h.states().get(last)));
      assertThat(log.text())
          .contains("dropped a torn last record")
          .contains("position=" + h.start(last));
      assertThat(Files.size(file())).isEqualTo(h.start(last));
    }
  }

  @Test
  void cutBetweenRecords_isACleanEnd() throws Exception {
    History h = writeHistory();
    Files.write(file(), Arrays.copyOf(h.bytes(), (int) h.start(WRITES - 1)));
    PersistenceFixtures.CapturedLog log = new PersistenceFixtures.CapturedLog();

    DurableLog.Opened opened = open(file(), false, log);

    assertThat(dump(opened.state())).isEqualTo(dump(h.states().get(WRITES - 1)));
    assertThat(log.text()).doesNotContain("torn");
  }

  @Test
  void zerosAfterTheLastRecord_areATornTail() throws Exception {
    History h = writeHistory();
    byte[] withZeros = Arrays.copyOf(h.bytes(), h.bytes().length + 5000);
    Files.write(file(), withZeros);

    DurableLog.Opened opened = open();

    assertThat(dump(opened.state())).isEqualTo(dump(h.states().get(WRITES)));
    assertThat(Files.size(file())).isEqualTo(h.bytes().length);
  }

  @Test
  void lastRecordOverwrittenWithZeros_isATornTail() throws Exception {
    History h = writeHistory();
    byte[] bytes = h.bytes().clone();
    Arrays.fill(bytes, (int) h.start(WRITES - 1), bytes.length, (byte) 0);
    Files.write(file(), bytes);

    assertThat(dump(open().state())).isEqualTo(dump(h.states().get(WRITES - 1)));
  }

  @Test
  void flippedByteAnywhereInAMiddleRecord_stopsTheStartNamingFileAndPosition() throws Exception {
    History h = writeHistory();
    int middle = WRITES / 2;
    for (long at = h.start(middle); at < h.end(middle); at++) {
      byte[] bytes = h.bytes().clone();
      bytes[(int) at] ^= 0x10;
      Files.write(file(), bytes);

      assertThatThrownBy(this::open)
          .as("flip at %d", at)
          .isInstanceOf(DamagedFileException.class)
          .hasMessageStartingWith(
              "persistence file " + file() + " is damaged at byte " + h.start(middle) + ": ")
          .hasMessageContaining("--persistence.move-damaged-aside")
          .hasMessageContaining("keep the " + middle + " groups read before the damage");
      assertThat(Files.readAllBytes(file())).as("the damaged file is left alone").isEqualTo(bytes);
    }
  }

  @Test
  void flippedByteInTheLastRecord_isATornRecordWithAWarning() throws Exception {
    History h = writeHistory();
    byte[] bytes = h.bytes().clone();
    bytes[bytes.length - 3] ^= 1;
    Files.write(file(), bytes);
    PersistenceFixtures.CapturedLog log = new PersistenceFixtures.CapturedLog();

    DurableLog.Opened opened = open(file(), false, log);

    assertThat(dump(opened.state())).isEqualTo(dump(h.states().get(WRITES - 1)));
    assertThat(log.text()).contains("level=warn").contains("dropped a torn last record");
  }

  @Test
  void moveDamagedAside_keepsTheFileAndStartsWithTheGroupsBeforeTheDamage() throws Exception {
    History h = writeHistory();
    int middle = WRITES / 2;
    byte[] bytes = h.bytes().clone();
    bytes[(int) (h.start(middle) + h.end(middle)) / 2] ^= 0x01;
    Files.write(file(), bytes);
    PersistenceFixtures.CapturedLog log = new PersistenceFixtures.CapturedLog();

    DurableLog.Opened opened = open(file(), true, log);

    assertThat(dump(opened.state())).isEqualTo(dump(h.states().get(middle)));
    List<Path> files = PersistenceFixtures.list(dir);
    assertThat(files).hasSize(2).contains(file());
    Path aside = files.get(0).equals(file()) ? files.get(1) : files.get(0);
    assertThat(aside.getFileName().toString()).matches("pushgateway\\.data\\.damaged-\\d+");
    assertThat(Files.readAllBytes(aside)).isEqualTo(bytes);
    assertThat(log.text())
        .contains("level=error")
        .contains("moved_to=" + aside)
        .contains("position=" + h.start(middle));
    assertThat(dump(open().state())).as("the new file is whole").isEqualTo(dump(opened.state()));
  }

  /** A file holding only a snapshot of several rich groups. */
  private StoreState writeSnapshotOnly() throws Exception {
    DurableLog.Opened opened = DurableLog.open(options(file()), empty(), MACHINE, Log.discard());
    MetricStore store = new MetricStore(opened.state(), MACHINE, 10, opened.log());
    for (int i = 0; i < 5; i++) {
      apply(store, put(key("job", "j" + i), t(i), richFamilies("f" + i)));
    }
    StoreState state = store.state();
    store.close();
    return state;
  }

  @Test
  void truncatedSnapshot_stopsTheStart() throws Exception {
    StoreState state = writeSnapshotOnly();
    byte[] bytes = Files.readAllBytes(file());
    assertThat(dump(open().state())).isEqualTo(dump(state));
    for (int cut :
        new int[] {0, 4, 8, 9, 20, bytes.length / 2, bytes.length - 15, bytes.length - 1}) {
      Files.write(file(), Arrays.copyOf(bytes, cut));

      assertThatThrownBy(this::open)
          .as("cut at %d", cut)
          .isInstanceOf(DamagedFileException.class)
          .hasMessageContaining("persistence file " + file() + " is damaged at byte ");
    }
    Files.write(file(), Arrays.copyOf(bytes, bytes.length / 2));
    assertThatThrownBy(this::open).hasMessageContaining("the snapshot is incomplete");
  }

  @Test
  void flippedByteInTheSnapshot_stopsTheStart() throws Exception {
    writeSnapshotOnly();
    byte[] bytes = Files.readAllBytes(file());
    bytes[bytes.length / 3] ^= 0x40;
    Files.write(file(), bytes);

    assertThatThrownBy(this::open)
        .isInstanceOf(DamagedFileException.class)
        .hasMessageContaining("is damaged at byte ");
  }

  @Test
  void missingFile_startsEmptyAndCreatesIt() throws Exception {
    DurableLog.Opened opened = open();

    assertThat(opened.state().groupCount()).isZero();
    assertThat(PersistenceFixtures.list(dir)).containsExactly(file());
    assertThat(Arrays.copyOf(Files.readAllBytes(file()), 8)).isEqualTo(RecordFormat.MAGIC);
    assertThat(Files.getPosixFilePermissions(file()).toString())
        .isEqualTo("[OWNER_READ, OWNER_WRITE]");
  }

  @Test
  void missingDirectory_stopsTheStartNamingTheFile() {
    Path file = dir.resolve("no-such-dir").resolve("pushgateway.data");

    assertThatThrownBy(() -> open(file, false, new PersistenceFixtures.CapturedLog()))
        .isInstanceOf(PersistenceException.class)
        .hasMessageStartingWith(
            "cannot use the persistence file " + file + ": NoSuchFileException");
  }

  @Test
  void directoryInPlaceOfTheFile_stopsTheStart() throws Exception {
    Files.createDirectory(file());

    assertThatThrownBy(this::open)
        .isInstanceOf(PersistenceException.class)
        .hasMessageStartingWith("cannot use the persistence file " + file() + ": ");
  }

  @Test
  void fileOfTheGoPushgateway_isRefusedWithAClearMessage() throws Exception {
    try (InputStream in = getClass().getResourceAsStream("go-pushgateway-1.5.1.data")) {
      assertThat(in).isNotNull();
      Files.write(file(), in.readAllBytes());
    }

    assertThatThrownBy(this::open)
        .isInstanceOf(DamagedFileException.class)
        .hasMessage(
            "persistence file "
                + file()
                + " is damaged at byte 0: it is a file of the Go Pushgateway, whose format this"
                + " gateway cannot read; start with --persistence.move-damaged-aside to move it"
                + " aside and start empty");
  }

  @Test
  void randomBytesOrAnEmptyFile_areRefused() throws Exception {
    byte[] random = new byte[4096];
    new Random(7).nextBytes(random);
    Files.write(file(), random);
    assertThatThrownBy(this::open)
        .isInstanceOf(DamagedFileException.class)
        .hasMessageContaining(
            "damaged at byte 0: the file does not start with the header of this gateway's"
                + " persistence files");

    Files.write(file(), new byte[0]);
    assertThatThrownBy(this::open)
        .isInstanceOf(DamagedFileException.class)
        .hasMessageContaining("the file is too short to be a persistence file of this gateway");
  }

  @Test
  void unfinishedSnapshotOfACrash_isRemovedAtStart() throws Exception {
    History h = writeHistory();
    Path temp = dir.resolve("pushgateway.data.in_progress");
    Files.write(temp, Arrays.copyOf(h.bytes(), 100));
    PersistenceFixtures.CapturedLog log = new PersistenceFixtures.CapturedLog();

    DurableLog.Opened opened = open(file(), false, log);

    assertThat(dump(opened.state())).isEqualTo(dump(h.states().get(WRITES)));
    assertThat(PersistenceFixtures.list(dir)).containsExactly(file());
    assertThat(log.text()).contains("removed an unfinished snapshot left by a crash");
  }

  @Test
  void readingDoesNotChangeAGoodFile() throws IOException, Exception {
    History h = writeHistory();

    open();

    assertThat(Files.readAllBytes(file())).isEqualTo(h.bytes());
  }
}
