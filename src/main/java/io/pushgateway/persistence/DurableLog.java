package io.pushgateway.persistence;

import io.pushgateway.log.Log;
import io.pushgateway.storage.StateMachine;
import io.pushgateway.storage.StoreState;
import io.pushgateway.storage.WriteLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The persistence file as the store's {@link WriteLog}: a snapshot of the store followed by every
 * write that changed it, each record checksummed. Each batch of writes is appended with one write
 * call (and one fsync with {@code --persistence.fsync}) before the store acknowledges it.
 *
 * <p>At most every {@code interval}, or when the writes after the snapshot outgrow it, a new
 * snapshot is written in the background to {@code FILE.in_progress}; the writes appended meanwhile
 * are then copied after it and the file is renamed over {@code FILE} (atomic), so the file on disk
 * is always complete. A crash leaves at most that temporary file, which the next start removes.
 */
public final class DurableLog implements WriteLog {
  /**
   * Snapshot early when the logged writes exceed this and the snapshot's own size: replaying a
   * logged write costs more than loading a group from a snapshot, so this bounds the time a restart
   * after a crash spends on the log (to about that of the snapshot), for at most twice the writes.
   */
  private static final long MIN_TAIL_BYTES_FOR_SNAPSHOT = 1L << 20;

  /** Readable too: the tail of the log is copied from it into a new snapshot. */
  private static final Set<StandardOpenOption> APPEND =
      Set.of(StandardOpenOption.READ, StandardOpenOption.WRITE);

  /** How the log behaves. */
  public record Options(
      Path file, boolean fsync, Duration snapshotInterval, boolean moveDamagedAside) {}

  /** The recovered state and the log to hand to the store. */
  public record Opened(StoreState state, DurableLog log) {}

  /**
   * Opens every channel the log writes through (the default is {@link FileChannel#open}); tests
   * substitute channels that fail like a full disk.
   */
  interface Channels {
    FileChannel open(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attributes)
        throws IOException;
  }

  private record PendingSnapshot(
      StoreState state, long tailStart, long startNanos, CompletableFuture<Long> size) {}

  private final Options options;
  private final Channels channels;
  private final Path temp;
  private final Log logger;
  private final ExecutorService snapshotter;
  private FileChannel channel;
  private long size;
  private long snapshotSize;
  private long lastSnapshotNanos;
  private long changesSinceSnapshot;
  private boolean needsTruncate;
  private boolean directoryUnsynced;
  private @Nullable PendingSnapshot pending;

  private DurableLog(
      Options options, Channels channels, FileChannel channel, long size, Log logger) {
    this.options = options;
    this.channels = channels;
    this.temp = tempFile(options.file());
    this.channel = channel;
    this.size = size;
    this.snapshotSize = size;
    this.logger = logger;
    this.lastSnapshotNanos = System.nanoTime();
    this.snapshotter =
        Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().name("persistence-snapshot").daemon(true).unstarted(r));
  }

  static Path tempFile(Path file) {
    return file.resolveSibling(file.getFileName() + ".in_progress");
  }

  /**
   * Restores the store from the file (creating the file when it does not exist) and opens it for
   * appending.
   *
   * @throws DamagedFileException if the file is damaged and {@code moveDamagedAside} is off
   * @throws PersistenceException if the file cannot be read, created or opened for writing
   */
  public static Opened open(Options options, StoreState empty, StateMachine machine, Log logger)
      throws PersistenceException {
    return open(options, () -> empty, machine, logger, FileChannel::open);
  }

  /**
   * Like {@link #open(Options, StoreState, StateMachine, Log)}, asking for the empty state only
   * once it is needed, so that the caller can prepare it while the file is read.
   */
  public static Opened open(
      Options options, Supplier<StoreState> empty, StateMachine machine, Log logger)
      throws PersistenceException {
    return open(options, empty, machine, logger, FileChannel::open);
  }

  static Opened open(
      Options options, StoreState empty, StateMachine machine, Log logger, Channels channels)
      throws PersistenceException {
    return open(options, () -> empty, machine, logger, channels);
  }

  private static Opened open(
      Options options,
      Supplier<StoreState> empty,
      StateMachine machine,
      Log logger,
      Channels channels)
      throws PersistenceException {
    Path file = options.file();
    try {
      if (Files.deleteIfExists(tempFile(file))) {
        logger.info("removed an unfinished snapshot left by a crash", "file", tempFile(file));
      }
      if (!Files.exists(file)) {
        StoreState state = empty.get();
        replaceWithSnapshot(options, channels, state);
        return new Opened(state, openForAppend(options, channels, logger, -1));
      }
      Recovery.Result result = Recovery.read(file, empty, machine);
      String damage = result.damage();
      if (damage != null) {
        return openDamaged(options, channels, logger, result, damage);
      }
      return openRecovered(options, channels, logger, result);
    } catch (IOException | UncheckedIOException e) {
      throw new PersistenceException(
          "cannot use the persistence file " + file + ": " + describe(e), e);
    }
  }

  private static Opened openRecovered(
      Options options, Channels channels, Log logger, Recovery.Result result) throws IOException {
    Path file = options.file();
    StoreState state = result.state();
    if (result.torn()) {
      logger.warn(
          "dropped a torn last record, a write cut short by a crash and never acknowledged",
          "file",
          file,
          "position",
          result.goodEnd());
    }
    logger.info(
        "restored metrics",
        "file",
        file,
        "groups",
        state.groupCount(),
        "writes",
        result.replayed());
    DurableLog log = openForAppend(options, channels, logger, result.goodEnd());
    log.changesSinceSnapshot = result.replayed();
    return new Opened(state, log);
  }

  /**
   * Refuses a damaged file, or with {@code moveDamagedAside} keeps it under another name and starts
   * from what was read before the damage. The new file is complete before the damaged one leaves
   * its name, so a crash in between loses nothing: the next start finds one of the two.
   */
  private static Opened openDamaged(
      Options options, Channels channels, Log logger, Recovery.Result result, String damage)
      throws IOException, DamagedFileException {
    Path file = options.file();
    StoreState state = result.state();
    if (!options.moveDamagedAside()) {
      throw new DamagedFileException(file, result.goodEnd(), damage, state.groupCount());
    }
    Path aside =
        file.resolveSibling(file.getFileName() + ".damaged-" + Instant.now().getEpochSecond());
    SnapshotFile.write(channels, tempFile(file), state);
    try {
      Files.createLink(aside, file);
    } catch (UnsupportedOperationException | FileSystemException e) {
      Files.copy(file, aside, StandardCopyOption.COPY_ATTRIBUTES);
    }
    Files.move(tempFile(file), file, StandardCopyOption.ATOMIC_MOVE);
    syncDirectory(file);
    logger.error(
        "persistence file is damaged; moved it aside and started with what was read before the"
            + " damage",
        "file",
        file,
        "moved_to",
        aside,
        "position",
        result.goodEnd(),
        "err",
        damage,
        "groups",
        state.groupCount());
    return new Opened(state, openForAppend(options, channels, logger, -1));
  }

  /** Writes a complete file holding just a snapshot of {@code state} and renames it into place. */
  private static void replaceWithSnapshot(Options options, Channels channels, StoreState state)
      throws IOException {
    SnapshotFile.write(channels, tempFile(options.file()), state);
    Files.move(tempFile(options.file()), options.file(), StandardCopyOption.ATOMIC_MOVE);
    if (options.fsync()) {
      syncDirectory(options.file());
    }
  }

  /**
   * Opens the file for appending at {@code goodEnd} (negative: its current end), cutting off the
   * rest.
   */
  private static DurableLog openForAppend(
      Options options, Channels channels, Log logger, long goodEnd) throws IOException {
    FileChannel channel = channels.open(options.file(), APPEND);
    try {
      long end = goodEnd < 0 ? channel.size() : goodEnd;
      if (channel.size() > end) {
        channel.truncate(end);
        channel.force(true);
      }
      return new DurableLog(options, channels, channel, end, logger);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  @Override
  public void append(List<Entry> entries) throws IOException {
    List<byte[]> payloads = new ArrayList<>(entries.size());
    for (Entry e : entries) {
      payloads.add(RecordCodec.write(e));
    }
    writeRecords(RecordFormat.frame(payloads));
    changesSinceSnapshot += entries.size();
  }

  /** Writes a record that changes nothing, to find out whether the file can be written again. */
  @Override
  public void probe() throws IOException {
    writeRecords(RecordFormat.frame(List.of(RecordCodec.probe())));
  }

  /**
   * Appends framed records at the end of the log (and forces them with {@code fsync}). On failure
   * the file is cut back to where it was, now or before the next write, so a write that was refused
   * never reappears.
   */
  private void writeRecords(ByteBuffer buffer) throws IOException {
    try {
      if (needsTruncate) {
        channel.truncate(size);
        needsTruncate = false;
      }
      if (directoryUnsynced) {
        // After a switch to a new snapshot the rename itself must survive a power loss before
        // any write to the new file is acknowledged.
        syncDirectory(options.file());
        directoryUnsynced = false;
      }
      long end = SnapshotFile.writeFully(channel, buffer, size);
      if (options.fsync()) {
        channel.force(false);
      }
      size = end;
    } catch (IOException e) {
      needsTruncate = true;
      try {
        channel.truncate(size);
        needsTruncate = false;
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  @Override
  public void published(StoreState state) {
    PendingSnapshot p = pending;
    if (p != null) {
      if (p.size().isDone()) {
        finishSnapshot(p);
      }
      return;
    }
    if (snapshotDue()) {
      long start = System.nanoTime();
      pending =
          new PendingSnapshot(
              state,
              size,
              start,
              CompletableFuture.supplyAsync(() -> writeSnapshot(state), snapshotter));
    }
  }

  private boolean snapshotDue() {
    if (changesSinceSnapshot == 0) {
      return false;
    }
    long tail = size - snapshotSize;
    boolean intervalOver =
        System.nanoTime() - lastSnapshotNanos >= options.snapshotInterval().toNanos();
    return intervalOver || tail > Math.max(MIN_TAIL_BYTES_FOR_SNAPSHOT, snapshotSize);
  }

  private long writeSnapshot(StoreState state) {
    try {
      return SnapshotFile.write(channels, temp, state);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Appends the writes logged while the snapshot was written to it, then renames it over the file
   * and appends to it from now on. Runs on the store's writer thread, so no write can slip in.
   */
  private void finishSnapshot(PendingSnapshot p) {
    pending = null;
    FileChannel next = null;
    long written;
    try {
      written = p.size().get();
      next = channels.open(temp, APPEND);
      copyTail(p.tailStart(), next, written);
      next.force(true);
      Files.move(temp, options.file(), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | ExecutionException | RuntimeException e) {
      logger.error("error persisting metrics", "file", options.file(), "err", describe(e));
      abandonSnapshot(next);
      lastSnapshotNanos = System.nanoTime(); // retry after another interval
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      abandonSnapshot(next);
      return;
    }
    // The renamed file is still open as `next`: appends continue there without reopening it.
    closeQuietly(channel);
    channel = next;
    size = written + (size - p.tailStart());
    snapshotSize = written;
    needsTruncate = false;
    directoryUnsynced = options.fsync();
    lastSnapshotNanos = p.startNanos();
    changesSinceSnapshot = 0;
    logger.info("metrics persisted", "file", options.file());
  }

  /** Copies the log's records from {@code from} to its end into {@code out} at {@code position}. */
  private void copyTail(long from, FileChannel out, long position) throws IOException {
    long source = from;
    long target = position;
    while (source < size) {
      long n = channel.transferTo(source, size - source, out.position(target));
      if (n <= 0) {
        throw new IOException("could not copy the log into the new snapshot");
      }
      source += n;
      target += n;
    }
  }

  private void abandonSnapshot(@Nullable FileChannel next) {
    if (next != null) {
      closeQuietly(next);
    }
    deleteTemp();
  }

  private void deleteTemp() {
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      logger.warn("could not remove the unfinished snapshot", "file", temp, "err", describe(e));
    }
  }

  private void closeQuietly(FileChannel c) {
    try {
      c.close();
    } catch (IOException e) {
      logger.warn("could not close the persistence file", "err", describe(e));
    }
  }

  /**
   * Finishes the writes (any snapshot in progress is abandoned), then writes a final snapshot of
   * the state, as Go does. If that fails, the log as it is still holds every acknowledged write.
   */
  @Override
  public void close(StoreState finalState) throws IOException {
    PendingSnapshot p = pending;
    pending = null;
    if (p != null) {
      p.size().handle((ignoredSize, ignoredError) -> ignoredSize).join();
      deleteTemp();
    }
    snapshotter.shutdown();
    try {
      if (options.fsync()) {
        channel.force(true);
      }
      replaceWithSnapshot(options, channels, finalState);
    } catch (IOException e) {
      deleteTemp();
      throw e;
    } finally {
      channel.close();
    }
    logger.info("metrics persisted", "file", options.file());
  }

  /**
   * Stops like a killed process, for tests: waits for a snapshot being written (so that no thread
   * touches the files afterwards) and leaves the files as they are, without a final snapshot.
   */
  void crash() {
    snapshotter.shutdown();
    PendingSnapshot p = pending;
    if (p != null) {
      p.size().handle((ignoredSize, ignoredError) -> ignoredSize).join();
    }
    closeQuietly(channel);
  }

  /** Makes a rename in the file's directory durable. */
  private static void syncDirectory(Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    if (dir == null) {
      return;
    }
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    }
  }

  private static String describe(Throwable e) {
    Throwable t = e;
    while ((t instanceof ExecutionException || t instanceof UncheckedIOException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    String message = t.getMessage();
    return t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
