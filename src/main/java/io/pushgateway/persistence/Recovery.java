package io.pushgateway.persistence;

import io.pushgateway.storage.StateMachine;
import io.pushgateway.storage.StoreState;
import io.pushgateway.storage.WriteRequest;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Rebuilds the store from a persistence file: the snapshot's groups, then every logged write
 * replayed with its recorded outcome. Stops at a torn last record (reported as {@link Result#torn})
 * or at damage (reported with its position, with the state read up to there).
 */
final class Recovery {
  /**
   * What was read: the state, where the good records end, how many writes were replayed, and either
   * a torn tail or the damage found (both null for a clean file).
   */
  record Result(
      StoreState state,
      long goodEnd,
      int replayed,
      boolean torn,
      @org.jspecify.annotations.Nullable String damage) {}

  private Recovery() {}

  static Result read(Path file, StoreState empty, StateMachine machine) throws IOException {
    StoreState state = empty;
    int replayed = 0;
    boolean inSnapshot = true;
    try (RecordReader reader = RecordReader.open(file)) {
      String headerProblem = reader.headerProblem();
      if (headerProblem != null) {
        return new Result(state, 0, 0, false, headerProblem);
      }
      while (true) {
        Object next = reader.next();
        if (next instanceof RecordReader.Entry entry) {
          RecordCodec.Decoded decoded;
          try {
            decoded = RecordCodec.decode(entry.payload());
          } catch (IllegalArgumentException e) {
            return new Result(state, entry.offset(), replayed, false, e.getMessage());
          }
          String misplaced = misplaced(decoded.kind(), inSnapshot);
          if (misplaced != null) {
            return new Result(state, entry.offset(), replayed, false, misplaced);
          }
          WriteRequest request = decoded.request();
          if (decoded.kind() == RecordCodec.Kind.SNAPSHOT_END) {
            inSnapshot = false;
          } else if (request != null) {
            try {
              state = machine.replay(state, request, decoded.accepted());
            } catch (RuntimeException e) {
              return new Result(state, entry.offset(), replayed, false, "unusable record: " + e);
            }
            replayed += decoded.kind() == RecordCodec.Kind.WRITE ? 1 : 0;
          }
          continue;
        }
        RecordReader.End end = (RecordReader.End) next;
        if (inSnapshot) {
          return new Result(state, end.goodEnd(), replayed, false, "the snapshot is incomplete");
        }
        return switch (end) {
          case RecordReader.Clean c -> new Result(state, c.goodEnd(), replayed, false, null);
          case RecordReader.Torn t -> new Result(state, t.goodEnd(), replayed, true, null);
          case RecordReader.Damaged d ->
              new Result(state, d.goodEnd(), replayed, false, d.reason());
        };
      }
    }
  }

  private static @org.jspecify.annotations.Nullable String misplaced(
      RecordCodec.Kind kind, boolean inSnapshot) {
    if (inSnapshot && kind == RecordCodec.Kind.WRITE) {
      return "a logged write inside the snapshot";
    }
    if (!inSnapshot && kind != RecordCodec.Kind.WRITE) {
      return "snapshot records after the end of the snapshot";
    }
    return null;
  }
}
