package io.pushgateway.http;

import java.io.ByteArrayOutputStream;
import java.util.function.LongConsumer;
import java.util.zip.CRC32C;

/**
 * Decoding of the snappy framing format ("stream" format, starting with the {@code sNaPpY} stream
 * identifier) with the rules and error texts of Go's {@code github.com/golang/snappy} Reader, which
 * the Go Pushgateway uses for {@code Content-Encoding: snappy}. An empty body is an empty stream.
 */
final class SnappyFramedDecoder {
  static final String CORRUPT = "snappy: corrupt input";
  static final String UNSUPPORTED = "snappy: unsupported input";

  private static final int COMPRESSED = 0x00;
  private static final int UNCOMPRESSED = 0x01;
  private static final int STREAM_IDENTIFIER = 0xFF;
  private static final byte[] MAGIC_BODY = {'s', 'N', 'a', 'P', 'p', 'Y'};
  private static final int CHECKSUM_SIZE = 4;
  private static final int MAX_BLOCK_SIZE = 65536;

  /** Go's buffer for one chunk: MaxEncodedLen(65536) plus the checksum. */
  private static final int MAX_CHUNK_LENGTH = 76490 + CHECKSUM_SIZE;

  private final byte[] in;
  private final long maxBytes;
  private final LongConsumer memory;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private int pos;

  private SnappyFramedDecoder(byte[] in, long maxBytes, LongConsumer memory) {
    this.in = in;
    this.maxBytes = maxBytes;
    this.memory = memory;
  }

  /**
   * Decodes a whole framed stream.
   *
   * @throws BadRequestException with Go's error text
   * @throws BodyTooLargeException if the output exceeds {@code maxBytes}
   */
  static byte[] decompress(byte[] body, long maxBytes, LongConsumer memory) {
    SnappyFramedDecoder decoder = new SnappyFramedDecoder(body, maxBytes, memory);
    decoder.run();
    memory.accept(decoder.out.size());
    return decoder.out.toByteArray();
  }

  private void run() {
    boolean sawIdentifier = false;
    while (pos < in.length) {
      int[] header = take(4);
      int type = header[0];
      int length = header[1] | header[2] << 8 | header[3] << 16;
      if (!sawIdentifier && type != STREAM_IDENTIFIER) {
        throw corrupt();
      }
      sawIdentifier = true;
      if (length > MAX_CHUNK_LENGTH) {
        throw new BadRequestException(UNSUPPORTED);
      }
      chunk(type, length);
    }
  }

  private void chunk(int type, int length) {
    switch (type) {
      case COMPRESSED -> dataChunk(length, true);
      case UNCOMPRESSED -> dataChunk(length, false);
      case STREAM_IDENTIFIER -> streamIdentifier(length);
      default -> {
        if (type <= 0x7F) {
          throw new BadRequestException(UNSUPPORTED);
        }
        skip(length); // padding and reserved skippable chunks
      }
    }
  }

  private void dataChunk(int length, boolean compressed) {
    if (length < CHECKSUM_SIZE) {
      throw corrupt();
    }
    if (!compressed && length - CHECKSUM_SIZE > MAX_BLOCK_SIZE) {
      throw corrupt();
    }
    int[] c = take(CHECKSUM_SIZE);
    long checksum = c[0] | c[1] << 8 | c[2] << 16 | (long) c[3] << 24;
    int start = pos;
    skip(length - CHECKSUM_SIZE);
    byte[] data =
        compressed
            ? SnappyBlock.decode(in, start, length - CHECKSUM_SIZE, MAX_BLOCK_SIZE)
            : java.util.Arrays.copyOfRange(in, start, pos);
    if (maskedCrc(data) != checksum) {
      throw corrupt();
    }
    if (out.size() + (long) data.length > maxBytes) {
      throw BodyDecoding.tooLarge(maxBytes, true);
    }
    memory.accept(data.length);
    out.writeBytes(data);
  }

  private void streamIdentifier(int length) {
    if (length != MAGIC_BODY.length) {
      throw corrupt();
    }
    int[] magic = take(MAGIC_BODY.length);
    for (int i = 0; i < MAGIC_BODY.length; i++) {
      if (magic[i] != MAGIC_BODY[i]) {
        throw corrupt();
      }
    }
  }

  private int[] take(int n) {
    if (in.length - pos < n) {
      throw corrupt();
    }
    int[] b = new int[n];
    for (int i = 0; i < n; i++) {
      b[i] = in[pos + i] & 0xFF;
    }
    pos += n;
    return b;
  }

  private void skip(int n) {
    if (in.length - pos < n) {
      throw corrupt();
    }
    pos += n;
  }

  /** The framing format's checksum: CRC-32C, rotated and offset ("masked"). */
  private static long maskedCrc(byte[] data) {
    CRC32C crc = new CRC32C();
    crc.update(data);
    int c = (int) crc.getValue();
    return ((c >>> 15 | c << 17) + 0xA282EAD8) & 0xFFFFFFFFL;
  }

  static BadRequestException corrupt() {
    return new BadRequestException(CORRUPT);
  }
}
