package io.pushgateway.persistence;

import io.pushgateway.storage.Group;
import io.pushgateway.storage.StoreState;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Writes a complete persistence file holding a snapshot of a state (no writes after it yet). */
final class SnapshotFile {
  /** Records are written in batches of about this many bytes. */
  private static final int BATCH_BYTES = 1 << 20;

  private static final Set<StandardOpenOption> CREATE =
      Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);

  private SnapshotFile() {}

  /**
   * Writes the header and a snapshot of {@code state} to {@code file} (replacing it), forces it to
   * disk and returns its size. The file is readable by its owner only, as the Go gateway's.
   */
  static long write(DurableLog.Channels channels, Path file, StoreState state) throws IOException {
    Files.deleteIfExists(file);
    try (FileChannel out = channels.open(file, CREATE, ownerOnly())) {
      long position = writeFully(out, ByteBuffer.wrap(RecordFormat.MAGIC), 0);
      List<byte[]> batch = new ArrayList<>();
      int batchBytes = 0;
      for (Group g : state.groups()) {
        byte[] record = RecordCodec.group(g);
        batch.add(record);
        batchBytes += record.length;
        if (batchBytes >= BATCH_BYTES) {
          position = writeFully(out, RecordFormat.frame(batch), position);
          batch.clear();
          batchBytes = 0;
        }
      }
      batch.add(RecordCodec.snapshotEnd(state.groupCount()));
      position = writeFully(out, RecordFormat.frame(batch), position);
      // Forced even without --persistence.fsync: the rename that follows must never replace a
      // good file with one whose contents are not on disk yet.
      out.force(true);
      return position;
    }
  }

  private static FileAttribute<?>[] ownerOnly() {
    if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return new FileAttribute<?>[0];
    }
    return new FileAttribute<?>[] {
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
    };
  }

  /** Writes the whole buffer at {@code position}; returns the position after it. */
  static long writeFully(FileChannel out, ByteBuffer buffer, long position) throws IOException {
    long p = position;
    while (buffer.hasRemaining()) {
      p += out.write(buffer, p);
    }
    return p;
  }
}
