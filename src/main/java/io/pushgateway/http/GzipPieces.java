package io.pushgateway.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A gzip body assembled from pieces compressed separately, so that the compressed form of an
 * unchanged family can be cached and reused by every later scrape. Each piece is a raw deflate
 * stream of its own (no references to earlier pieces) ended by a sync flush, which leaves it on a
 * byte boundary; such streams may be concatenated. The gzip trailer's CRC-32 of the whole body is
 * combined from the pieces' CRCs (as zlib's crc32_combine does) without reading the data again.
 */
final class GzipPieces {
  /** Fast compression: scrape bodies are very repetitive, so level 1 already shrinks them ~20x. */
  static final int LEVEL = Deflater.BEST_SPEED;

  private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

  /** The final, empty deflate block (BFINAL set, fixed Huffman, end-of-block). */
  private static final byte[] FINAL_BLOCK = {0x03, 0x00};

  private static final int CRC_POLYNOMIAL = 0xedb88320;

  private GzipPieces() {}

  /** One separately compressed piece: deflate bytes, and the CRC-32 and length of its input. */
  record Piece(byte[] deflated, int crc, long length) {}

  /** Compresses {@code data} into a piece. */
  static Piece deflate(byte[] data) {
    return deflate(List.of(data));
  }

  /** Compresses the arrays, in order, into one piece. */
  static Piece deflate(Iterable<byte[]> data) {
    Deflater deflater = new Deflater(LEVEL, true);
    CRC32 crc = new CRC32();
    ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
    byte[] buffer = new byte[16 * 1024];
    long length = 0;
    try {
      for (byte[] chunk : data) {
        crc.update(chunk);
        length += chunk.length;
        deflater.setInput(chunk);
        while (!deflater.needsInput()) {
          int n = deflater.deflate(buffer, 0, buffer.length, Deflater.NO_FLUSH);
          out.write(buffer, 0, n);
        }
      }
      int n;
      do {
        n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
        out.write(buffer, 0, n);
      } while (n == buffer.length);
    } finally {
      deflater.end();
    }
    return new Piece(out.toByteArray(), (int) crc.getValue(), length);
  }

  /** The size of the gzip body made of these pieces. */
  static long size(List<Piece> pieces) {
    long size = HEADER.length + FINAL_BLOCK.length + 8;
    for (Piece p : pieces) {
      size += p.deflated().length;
    }
    return size;
  }

  /** Writes a complete gzip stream made of the pieces. */
  static void write(OutputStream out, List<Piece> pieces) throws IOException {
    out.write(HEADER);
    int crc = 0;
    long length = 0;
    for (Piece p : pieces) {
      out.write(p.deflated());
      crc = combine(crc, p.crc(), p.length());
      length += p.length();
    }
    out.write(FINAL_BLOCK);
    writeIntLe(out, crc);
    writeIntLe(out, (int) length);
  }

  private static void writeIntLe(OutputStream out, int v) throws IOException {
    out.write(v);
    out.write(v >>> 8);
    out.write(v >>> 16);
    out.write(v >>> 24);
  }

  /**
   * The CRC-32 of A followed by B, from CRC(A), CRC(B) and the length of B: shifting CRC(A) through
   * {@code lengthB} zero bytes is a linear map over GF(2), applied by repeated squaring of the
   * one-zero-bit operator.
   */
  static int combine(int crcA, int crcB, long lengthB) {
    if (lengthB <= 0) {
      return crcA;
    }
    int[] odd = new int[32]; // the operator for one zero bit
    odd[0] = CRC_POLYNOMIAL;
    for (int n = 1; n < 32; n++) {
      odd[n] = 1 << (n - 1);
    }
    int[] even = new int[32];
    square(even, odd); // two zero bits
    square(odd, even); // four zero bits
    int crc = crcA;
    long len = lengthB;
    // Each round squares the operator: 1, 2, 4, ... zero bytes; apply it where len has a one bit.
    do {
      square(even, odd);
      if ((len & 1) != 0) {
        crc = times(even, crc);
      }
      len >>= 1;
      if (len == 0) {
        break;
      }
      square(odd, even);
      if ((len & 1) != 0) {
        crc = times(odd, crc);
      }
      len >>= 1;
    } while (len != 0);
    return crc ^ crcB;
  }

  private static int times(int[] matrix, int vector) {
    int sum = 0;
    for (int i = 0; vector != 0; i++, vector >>>= 1) {
      if ((vector & 1) != 0) {
        sum ^= matrix[i];
      }
    }
    return sum;
  }

  private static void square(int[] square, int[] matrix) {
    for (int n = 0; n < 32; n++) {
      square[n] = times(matrix, matrix[n]);
    }
  }
}
