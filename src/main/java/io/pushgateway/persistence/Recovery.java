package io.pushgateway.persistence;

import io.pushgateway.storage.StateLoader;
import io.pushgateway.storage.StateMachine;
import io.pushgateway.storage.StoreState;
import io.pushgateway.storage.WriteRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Rebuilds the store from a persistence file: the snapshot's groups (loaded at once), then every
 * logged write replayed with its recorded outcome. Stops at a torn last record (reported as {@link
 * Result#torn}) or at damage (reported with its position, with the state read up to there).
 */
final class Recovery {
  /**
   * What was read: the state, where the good records end, how many writes were replayed, and either
   * a torn tail or the damage found (both null for a clean file).
   */
  record Result(
      StoreState state, long goodEnd, int replayed, boolean torn, @Nullable String damage) {}

  private final Supplier<StoreState> empty;
  private final StateMachine machine;
  private final StateLoader snapshot = new StateLoader();
  private @Nullable StoreState state;
  private int replayed;

  private Recovery(Supplier<StoreState> empty, StateMachine machine) {
    this.empty = empty;
    this.machine = machine;
  }

  /**
   * Reads the file onto the empty state, which is asked for only once the snapshot has been read
   * (so that what it needs can be prepared meanwhile).
   */
  static Result read(Path file, Supplier<StoreState> empty, StateMachine machine)
      throws IOException {
    try (RecordReader reader = RecordReader.open(file)) {
      Recovery recovery = new Recovery(empty, machine);
      String headerProblem = reader.headerProblem();
      if (headerProblem != null) {
        return recovery.damaged(0, headerProblem);
      }
      try (ParallelDecoder decoder = new ParallelDecoder(reader)) {
        return recovery.readRecords(decoder);
      }
    }
  }

  private Result readRecords(ParallelDecoder decoder) throws IOException {
    while (true) {
      Object next = decoder.next();
      switch (next) {
        case ParallelDecoder.Item item -> {
          String problem = apply(item.decoded());
          if (problem != null) {
            return damaged(item.offset(), problem);
          }
        }
        case ParallelDecoder.Undecodable u -> {
          return damaged(u.offset(), u.reason());
        }
        case RecordReader.Clean c -> {
          return state == null
              ? damaged(c.goodEnd(), "the snapshot is incomplete")
              : new Result(state, c.goodEnd(), replayed, false, null);
        }
        case RecordReader.Torn t -> {
          return state == null
              ? damaged(t.goodEnd(), "the snapshot is incomplete")
              : new Result(state, t.goodEnd(), replayed, true, null);
        }
        case RecordReader.Damaged d -> {
          return damaged(d.goodEnd(), d.reason());
        }
        default -> throw new IllegalStateException("unexpected " + next);
      }
    }
  }

  /** Applies a record; returns what is wrong with it, or null. */
  private @Nullable String apply(RecordCodec.Decoded decoded) {
    StoreState s = state;
    boolean inSnapshot = s == null;
    boolean snapshotRecord =
        decoded.kind() == RecordCodec.Kind.SNAPSHOT_GROUP
            || decoded.kind() == RecordCodec.Kind.SNAPSHOT_END;
    if (inSnapshot != snapshotRecord) {
      return inSnapshot
          ? "a logged write inside the snapshot"
          : "snapshot records after the end of the snapshot";
    }
    WriteRequest request = decoded.request();
    try {
      switch (decoded.kind()) {
        case SNAPSHOT_GROUP -> {
          WriteRequest.Restore restore = (WriteRequest.Restore) Objects.requireNonNull(request);
          snapshot.add(restore.key(), restore.families());
        }
        case SNAPSHOT_END -> state = snapshot.build(empty.get());
        case WRITE -> {
          state =
              machine.replay(
                  Objects.requireNonNull(s), Objects.requireNonNull(request), decoded.accepted());
          replayed++;
        }
        case PROBE -> {}
      }
    } catch (RuntimeException e) {
      return "unusable record: " + e;
    }
    return null;
  }

  /** Damage at {@code position}, with the state read before it. */
  private Result damaged(long position, String reason) {
    StoreState s = state == null ? snapshot.build(empty.get()) : state;
    return new Result(s, position, replayed, false, reason);
  }
}
