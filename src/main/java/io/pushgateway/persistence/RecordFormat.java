package io.pushgateway.persistence;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The persistence file's framing: an 8-byte magic header, then records, each a 12-byte frame header
 * (little-endian {@code u32} payload length, {@code u32} CRC-32C of the payload, {@code u32}
 * CRC-32C of those 8 bytes) and the payload.
 *
 * <p>The frame header has its own checksum so that a damaged length is recognised as damage: an
 * unchecked length that points past the end of the file would look like a record cut short by a
 * crash, and the rest of the file would be dropped as if it had never been acknowledged.
 */
final class RecordFormat {
  /** The first bytes of every file this gateway writes (version 1 of the format). */
  static final byte[] MAGIC = "PGWJLOG1".getBytes(StandardCharsets.US_ASCII);

  /** Length, payload checksum and header checksum in front of every payload. */
  static final int FRAME_HEADER = 12;

  /** No record is larger; anything claiming more is damage, not a record. */
  static final int MAX_PAYLOAD = 1 << 30;

  private RecordFormat() {}

  /** The payloads framed one after another, ready to be written with one call. */
  static ByteBuffer frame(List<byte[]> payloads) {
    int size = 0;
    for (byte[] p : payloads) {
      size += FRAME_HEADER + p.length;
    }
    ByteBuffer buffer = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    byte[] array = buffer.array();
    for (byte[] p : payloads) {
      int start = buffer.position();
      buffer.putInt(p.length).putInt(crc(p, 0, p.length));
      buffer.putInt(crc(array, start, 8)).put(p);
    }
    return buffer.flip();
  }

  static int crc(byte[] bytes, int offset, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, offset, length);
    return (int) crc.getValue();
  }
}
