package io.pushgateway.persistence;

import io.pushgateway.log.Log;
import io.pushgateway.storage.StateMachine;
import io.pushgateway.storage.StoreState;
import io.pushgateway.storage.WriteLog;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
  /** Snapshot when the logged writes exceed this and the snapshot's own size. */
  private static final long MIN_TAIL_BYTES_FOR_SNAPSHOT = 64L << 20;

  /** How the log behaves. */
  public record Options(
      Path file, boolean fsync, Duration snapshotInterval, boolean moveDamagedAside) {}

  /** The recovered state and the log to hand to the store. */
  public record Opened(StoreState state, DurableLog log) {}

  private record PendingSnapshot(
      StoreState state, long tailStart, long startNanos, CompletableFuture<Long> size) {}

  private final Options options;
  private final Path temp;
  private final Log logger;
  private final ExecutorService snapshotter;
  private FileChannel channel;
  private long size;
  private long snapshotSize;
  private long lastSnapshotNanos;
  private long changesSinceSnapshot;
  private boolean needsTruncate;
  private @Nullable PendingSnapshot pending;

  private DurableLog(Options options, FileChannel channel, long size, Log logger) {
    this.options = options;
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
   */
  public static Opened open(Options options, StoreState empty, StateMachine machine, Log logger)
      throws IOException, DamagedFileException {
    Path file = options.file();
    if (Files.deleteIfExists(tempFile(file))) {
      logger.info("removed an unfinished snapshot left by a crash", "file", tempFile(file));
    }
    if (!Files.exists(file)) {
      SnapshotFile.write(tempFile(file), empty);
      Files.move(tempFile(file), file, StandardCopyOption.ATOMIC_MOVE);
      return new Opened(empty, openForAppend(options, logger, 0));
    }
    Recovery.Result result = Recovery.read(file, empty, machine);
    StoreState state = result.state();
    String damage = result.damage();
    if (damage != null) {
      if (!options.moveDamagedAside()) {
        throw new DamagedFileException(file, result.goodEnd(), damage, state.groupCount());
      }
      Path aside =
          file.resolveSibling(file.getFileName() + ".damaged-" + Instant.now().getEpochSecond());
      Files.move(file, aside);
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
      SnapshotFile.write(tempFile(file), state);
      Files.move(tempFile(file), file, StandardCopyOption.ATOMIC_MOVE);
      return new Opened(state, openForAppend(options, logger, 0));
    }
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
    DurableLog log = openForAppend(options, logger, result.goodEnd());
    log.changesSinceSnapshot = result.replayed();
    return new Opened(state, log);
  }

  /** Opens the file for appending at {@code goodEnd} (0: its current end), cutting off the rest. */
  private static DurableLog openForAppend(Options options, Log logger, long goodEnd)
      throws IOException {
    FileChannel channel = FileChannel.open(options.file(), StandardOpenOption.WRITE);
    long end = goodEnd == 0 ? channel.size() : goodEnd;
    if (channel.size() > end) {
      channel.truncate(end);
      channel.force(true);
    }
    return new DurableLog(options, channel, end, logger);
  }

  @Override
  public void append(List<Entry> entries) throws IOException {
    List<byte[]> payloads = new ArrayList<>(entries.size());
    for (Entry e : entries) {
      payloads.add(RecordCodec.write(e));
    }
    ByteBuffer buffer = RecordFormat.frame(payloads);
    try {
      if (needsTruncate) {
        channel.truncate(size);
        needsTruncate = false;
      }
      long end = SnapshotFile.writeFully(channel, buffer, size);
      if (options.fsync()) {
        channel.force(false);
      }
      size = end;
      changesSinceSnapshot += entries.size();
    } catch (IOException e) {
      // Part of the batch may be on disk: cut it off now, or before the next append.
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
      return SnapshotFile.write(temp, state);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Appends the writes logged while the snapshot was written to it, then renames it over the file
   * and appends to it from now on. Runs on the store's writer thread, so no write can slip in.
   */
  private void finishSnapshot(PendingSnapshot p) {
    pending = null;
    long written;
    try {
      written = p.size().get();
      try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        long position = written;
        long from = p.tailStart();
        while (from < size) {
          long n = channel.transferTo(from, size - from, out.position(position));
          from += n;
          position += n;
        }
        out.force(true);
      }
      Files.move(temp, options.file(), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | ExecutionException | RuntimeException e) {
      logger.error("error persisting metrics", "file", options.file(), "err", e.getMessage());
      deleteTemp();
      lastSnapshotNanos = System.nanoTime(); // retry after another interval
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      deleteTemp();
      return;
    }
    FileChannel old = channel;
    try {
      channel = FileChannel.open(options.file(), StandardOpenOption.WRITE);
      long tail = size - p.tailStart();
      size = written + tail;
      snapshotSize = written;
      old.close();
    } catch (IOException e) {
      logger.error(
          "error reopening the persistence file", "file", options.file(), "err", e.getMessage());
      return;
    }
    lastSnapshotNanos = p.startNanos();
    changesSinceSnapshot = 0;
    logger.info("metrics persisted", "file", options.file());
  }

  private void deleteTemp() {
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      logger.warn("could not remove the unfinished snapshot", "file", temp, "err", e.getMessage());
    }
  }

  /** Finishes any snapshot in progress, then writes a final snapshot of the state, as Go does. */
  @Override
  public void close(StoreState finalState) throws IOException {
    PendingSnapshot p = pending;
    if (p != null) {
      p.size().handle((size, error) -> size).join();
      deleteTemp();
      pending = null;
    }
    snapshotter.shutdown();
    long written = SnapshotFile.write(temp, finalState);
    Files.move(temp, options.file(), StandardCopyOption.ATOMIC_MOVE);
    channel.close();
    size = written;
    logger.info("metrics persisted", "file", options.file());
  }
}
