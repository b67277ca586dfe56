package io.pushgateway.http;

/**
 * Decoding of one snappy block (the raw format inside a framed stream's compressed chunk). Every
 * malformation is {@code snappy: corrupt input}, as in Go's golang/snappy on a 64-bit platform.
 */
final class SnappyBlock {
  private static final int TAG_LITERAL = 0;
  private static final int TAG_COPY_1 = 1;
  private static final int TAG_COPY_2 = 2;

  private SnappyBlock() {}

  /**
   * Decodes {@code src[off, off + len)}.
   *
   * @param maxDecoded the largest decoded length accepted
   * @throws BadRequestException {@code snappy: corrupt input}
   */
  static byte[] decode(byte[] src, int off, int len, int maxDecoded) {
    int end = off + len;
    long decodedLength = 0;
    int s = off;
    // Go's binary.Uvarint: at most 10 bytes; the value must then fit in 32 bits.
    for (int i = 0; ; i++) {
      if (s == end || (i == 9 && (src[s] & 0xFF) > 1)) {
        throw SnappyFramedDecoder.corrupt();
      }
      int b = src[s++] & 0xFF;
      decodedLength |= (long) (b & 0x7F) << (7 * i);
      if (b < 0x80) {
        break;
      }
    }
    if (Long.compareUnsigned(decodedLength, maxDecoded) > 0) {
      throw SnappyFramedDecoder.corrupt();
    }
    byte[] dst = new byte[(int) decodedLength];
    if (decodeElements(src, s, end, dst) != dst.length) {
      throw SnappyFramedDecoder.corrupt();
    }
    return dst;
  }

  /** Decodes literals and copies into dst; returns the number of bytes written. */
  private static int decodeElements(byte[] src, int s, int end, byte[] dst) {
    int d = 0;
    while (s < end) {
      int tag = src[s] & 0xFF;
      if ((tag & 3) == TAG_LITERAL) {
        int lengthBytes = Math.max(0, (tag >> 2) - 59);
        if (s + 1 + lengthBytes > end) {
          throw SnappyFramedDecoder.corrupt();
        }
        long length = (lengthBytes == 0 ? tag >> 2 : readLittleEndian(src, s + 1, lengthBytes)) + 1;
        s += 1 + lengthBytes;
        if (length > dst.length - d || length > end - s) {
          throw SnappyFramedDecoder.corrupt();
        }
        System.arraycopy(src, s, dst, d, (int) length);
        d += (int) length;
        s += (int) length;
        continue;
      }
      int size = (tag & 3) == TAG_COPY_1 ? 2 : (tag & 3) == TAG_COPY_2 ? 3 : 5;
      if (s + size > end) {
        throw SnappyFramedDecoder.corrupt();
      }
      long offset;
      int length;
      if ((tag & 3) == TAG_COPY_1) {
        length = 4 + ((tag >> 2) & 0x7);
        offset = (tag & 0xE0L) << 3 | (src[s + 1] & 0xFF);
      } else {
        length = 1 + (tag >> 2);
        offset = readLittleEndian(src, s + 1, size - 1);
      }
      s += size;
      d = copy(dst, d, offset, length);
    }
    return d;
  }

  /** Copies {@code length} bytes from {@code offset} back (overlap repeats bytes) at d. */
  private static int copy(byte[] dst, int d, long offset, int length) {
    if (offset <= 0 || d < offset || length > dst.length - d) {
      throw SnappyFramedDecoder.corrupt();
    }
    int from = d - (int) offset;
    for (int i = 0; i < length; i++) {
      dst[d + i] = dst[from + i];
    }
    return d + length;
  }

  private static long readLittleEndian(byte[] b, int off, int n) {
    long v = 0;
    for (int i = 0; i < n; i++) {
      v |= (b[off + i] & 0xFFL) << (8 * i);
    }
    return v;
  }
}
