package io.pushgateway.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Gzip decompression with the behaviour and error texts of Go's {@code compress/gzip} reader:
 * concatenated members are read one after another, and trailing bytes that do not form another
 * member are an error.
 */
final class GzipDecoder {
  static final String EOF = "EOF";
  static final String UNEXPECTED_EOF = "unexpected EOF";
  static final String INVALID_HEADER = "gzip: invalid header";
  static final String INVALID_CHECKSUM = "gzip: invalid checksum";

  /** The longest header Go can accept: fixed part, FEXTRA, FNAME, FCOMMENT and FHCRC. */
  static final int MAX_HEADER_LENGTH = 10 + 2 + 0xFFFF + 512 + 512 + 2;

  private static final int FHCRC = 0x02;
  private static final int FEXTRA = 0x04;
  private static final int FNAME = 0x08;
  private static final int FCOMMENT = 0x10;
  private static final int MAX_STRING_LENGTH = 512;
  private static final int CHUNK = 64 * 1024;

  private GzipDecoder() {}

  /**
   * Reads one member header as Go's gzip.NewReader does. Returns false if the stream ended before
   * its first byte; {@code firstMember} turns that into Go's {@code EOF} error.
   *
   * @throws BadRequestException with Go's error text
   */
  static boolean readHeader(InputStream in, boolean firstMember) throws IOException {
    byte[] fixed = new byte[10];
    int n = in.readNBytes(fixed, 0, fixed.length);
    if (n == 0 && !firstMember) {
      return false;
    }
    if (n < fixed.length) {
      throw new BadRequestException(n == 0 ? EOF : UNEXPECTED_EOF);
    }
    if ((fixed[0] & 0xFF) != 0x1F || (fixed[1] & 0xFF) != 0x8B || fixed[2] != 8) {
      throw new BadRequestException(INVALID_HEADER);
    }
    CRC32 headerCrc = new CRC32();
    headerCrc.update(fixed);
    int flags = fixed[3] & 0xFF;
    if ((flags & FEXTRA) != 0) {
      byte[] length = readFully(in, 2, headerCrc);
      readFully(in, (length[0] & 0xFF) | (length[1] & 0xFF) << 8, headerCrc);
    }
    if ((flags & FNAME) != 0) {
      skipZeroTerminated(in, headerCrc);
    }
    if ((flags & FCOMMENT) != 0) {
      skipZeroTerminated(in, headerCrc);
    }
    if ((flags & FHCRC) != 0) {
      byte[] crc = readFully(in, 2, new CRC32());
      int expected = (crc[0] & 0xFF) | (crc[1] & 0xFF) << 8;
      if (expected != (int) (headerCrc.getValue() & 0xFFFF)) {
        throw new BadRequestException(INVALID_HEADER);
      }
    }
    return true;
  }

  /**
   * Decompresses all members.
   *
   * @throws BadRequestException with Go's error text
   * @throws BodyTooLargeException if the output exceeds {@code maxBytes}
   */
  static byte[] decompress(byte[] body, long maxBytes, LongConsumer memory) throws IOException {
    ByteArrayInputStream in = new ByteArrayInputStream(body);
    LimitedOutput out = new LimitedOutput(maxBytes, memory);
    Inflater inflater = new Inflater(true);
    try {
      boolean first = true;
      while (readHeader(in, first)) {
        first = false;
        int start = body.length - in.available();
        int end = inflateMember(inflater, body, start, out);
        in.skipNBytes(end - start);
        checkTrailer(in, inflater, out);
        inflater.reset();
      }
    } finally {
      inflater.end();
    }
    return out.toByteArray();
  }

  /** Inflates one member's deflate data; returns the offset just after it. */
  private static int inflateMember(Inflater inflater, byte[] body, int start, LimitedOutput out) {
    inflater.setInput(body, start, body.length - start);
    out.startMember();
    byte[] buf = new byte[CHUNK];
    try {
      while (!inflater.finished()) {
        int n = inflater.inflate(buf);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new BadRequestException(UNEXPECTED_EOF);
        }
        out.write(buf, n);
      }
    } catch (DataFormatException e) {
      throw new BadRequestException(
          "flate: corrupt input before offset " + inflater.getBytesRead());
    }
    return body.length - inflater.getRemaining();
  }

  private static void checkTrailer(InputStream in, Inflater inflater, LimitedOutput out)
      throws IOException {
    byte[] trailer = readFully(in, 8, new CRC32());
    long crc = readUint32(trailer, 0);
    long size = readUint32(trailer, 4);
    if (crc != out.memberCrc() || size != (inflater.getBytesWritten() & 0xFFFFFFFFL)) {
      throw new BadRequestException(INVALID_CHECKSUM);
    }
  }

  private static long readUint32(byte[] b, int off) {
    return (b[off] & 0xFFL)
        | (b[off + 1] & 0xFFL) << 8
        | (b[off + 2] & 0xFFL) << 16
        | (b[off + 3] & 0xFFL) << 24;
  }

  private static byte[] readFully(InputStream in, int length, CRC32 crc) throws IOException {
    byte[] b = in.readNBytes(length);
    if (b.length < length) {
      throw new BadRequestException(UNEXPECTED_EOF);
    }
    crc.update(b);
    return b;
  }

  /** Go reads at most 512 bytes (terminator included) of a header string. */
  private static void skipZeroTerminated(InputStream in, CRC32 crc) throws IOException {
    for (int i = 0; ; i++) {
      if (i >= MAX_STRING_LENGTH) {
        throw new BadRequestException(INVALID_HEADER);
      }
      int b = in.read();
      if (b < 0) {
        throw new BadRequestException(UNEXPECTED_EOF);
      }
      crc.update(b);
      if (b == 0) {
        return;
      }
    }
  }

  /** Collects the output, keeps the current member's CRC and enforces the size limit. */
  private static final class LimitedOutput {
    private final long maxBytes;
    private final LongConsumer memory;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final CRC32 memberCrc = new CRC32();

    LimitedOutput(long maxBytes, LongConsumer memory) {
      this.maxBytes = maxBytes;
      this.memory = memory;
    }

    void startMember() {
      memberCrc.reset();
    }

    void write(byte[] buf, int n) {
      if (out.size() + (long) n > maxBytes) {
        throw BodyDecoding.tooLarge(maxBytes, true);
      }
      memory.accept(n);
      out.write(buf, 0, n);
      memberCrc.update(buf, 0, n);
    }

    long memberCrc() {
      return memberCrc.getValue();
    }

    byte[] toByteArray() {
      memory.accept(out.size());
      return out.toByteArray();
    }
  }
}
