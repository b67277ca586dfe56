package io.pushgateway.persistence;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Reads a persistence file record by record and tells a clean end, a torn last record (a write cut
 * short by a crash, which was never acknowledged) and damage (anything else) apart.
 */
final class RecordReader implements AutoCloseable {
  /** What ended the reading. */
  sealed interface End {
    /** The offset after the last good record. */
    long goodEnd();
  }

  /** The file ended exactly after a record. */
  record Clean(long goodEnd) implements End {}

  /** The file ends in an incomplete record (or zeros) at {@code goodEnd}, to be cut off. */
  record Torn(long goodEnd) implements End {}

  /** The file is damaged at {@code goodEnd}: a record there is corrupt and more data follows. */
  record Damaged(long goodEnd, String reason) implements End {}

  /** One record's payload and where it starts. */
  record Entry(long offset, byte[] payload) {}

  private final InputStream in;
  private final long size;
  private long position;

  private RecordReader(InputStream in, long size) {
    this.in = in;
    this.size = size;
  }

  /** Opens the file and checks its header; {@link #headerProblem()} tells if it is not ours. */
  static RecordReader open(Path path) throws IOException {
    return new RecordReader(
        new BufferedInputStream(Files.newInputStream(path), 1 << 20), Files.size(path));
  }

  /** Null if the file starts with this gateway's header, else what is wrong. */
  @Nullable String headerProblem() throws IOException {
    byte[] magic = in.readNBytes(RecordFormat.MAGIC.length);
    position += magic.length;
    if (Arrays.equals(magic, RecordFormat.MAGIC)) {
      return null;
    }
    byte[] start = in.readNBytes(256);
    String text =
        new String(magic, StandardCharsets.ISO_8859_1)
            + new String(start, StandardCharsets.ISO_8859_1);
    if (text.contains("GroupingKeyToMetricGroup")) {
      return "it is a file of the Go Pushgateway, whose format this gateway cannot read";
    }
    if (size < RecordFormat.MAGIC.length) {
      return "the file is too short to be a persistence file of this gateway";
    }
    return "the file does not start with the header of this gateway's persistence files";
  }

  /**
   * The next record, or an {@link End}. Never throws for bad content; throws IOException only when
   * the file cannot be read.
   *
   * <p>Torn (a write the crash cut short, never acknowledged): a frame header cut off by the end of
   * the file, a record whose (checksummed) length runs past the end, a last record whose payload
   * fails its checksum (after a power loss the file can end in a page that was never written), or a
   * tail of zeros (a file extended but not written). Anything else that does not check out is
   * damage.
   */
  Object next() throws IOException {
    long start = position;
    long remaining = size - position;
    if (remaining == 0) {
      return new Clean(start);
    }
    if (remaining < RecordFormat.FRAME_HEADER) {
      return new Torn(start);
    }
    byte[] header = readFully(RecordFormat.FRAME_HEADER);
    ByteBuffer fields = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
    long length = Integer.toUnsignedLong(fields.getInt());
    int crc = fields.getInt();
    int headerCrc = fields.getInt();
    if (RecordFormat.crc(header, 0, 8) != headerCrc) {
      if (isZero(header) && restIsZero()) {
        return new Torn(start);
      }
      return new Damaged(start, "record header checksum mismatch");
    }
    if (length > RecordFormat.MAX_PAYLOAD) {
      return new Damaged(start, "impossible record length " + length);
    }
    if (length > remaining - RecordFormat.FRAME_HEADER) {
      return new Torn(start);
    }
    byte[] payload = readFully((int) length);
    if (RecordFormat.crc(payload, 0, payload.length) == crc) {
      return new Entry(start, payload);
    }
    if (position == size || restIsZero()) {
      return new Torn(start);
    }
    return new Damaged(start, "record checksum mismatch");
  }

  private byte[] readFully(int n) throws IOException {
    byte[] bytes = in.readNBytes(n);
    if (bytes.length < n) {
      throw new EOFException("the file shrank while it was read");
    }
    position += n;
    return bytes;
  }

  private static boolean isZero(byte[] bytes) {
    for (byte b : bytes) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  private boolean restIsZero() throws IOException {
    byte[] buffer = new byte[64 * 1024];
    for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
      for (int i = 0; i < n; i++) {
        if (buffer[i] != 0) {
          return false;
        }
      }
    }
    return true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
