package io.pushgateway.exposition;

import io.pushgateway.gocompat.GoFloatFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growable byte buffer that the writers append to. Not thread-safe: one sink per rendering. The
 * append methods never allocate except when the buffer has to grow.
 */
public final class ByteSink {
  private static final int DEFAULT_CAPACITY = 256;
  private static final int MAX_CAPACITY = Integer.MAX_VALUE - 16;
  private static final int WRITE_SLICE = 64 * 1024;

  private byte[] buf;
  private int size;

  /** Scratch space for number formatting, so that formatting into a sink does not allocate. */
  private final byte[] scratch = new byte[GoFloatFormat.SCRATCH_SIZE];

  /** An empty sink with a small initial capacity. */
  public ByteSink() {
    this(DEFAULT_CAPACITY);
  }

  /** An empty sink with room for {@code initialCapacity} bytes before it grows. */
  public ByteSink(int initialCapacity) {
    if (initialCapacity < 0) {
      throw new IllegalArgumentException("negative capacity: " + initialCapacity);
    }
    buf = new byte[Math.max(initialCapacity, 16)];
  }

  /** The number of bytes written so far. */
  public int size() {
    return size;
  }

  /** Forgets the content but keeps the buffer for reuse. */
  public void reset() {
    size = 0;
  }

  /** A copy of the content. */
  public byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }

  /** Writes the content to {@code out} in slices of at most 64 KiB. */
  public void writeTo(OutputStream out) throws IOException {
    for (int off = 0; off < size; off += WRITE_SLICE) {
      out.write(buf, off, Math.min(WRITE_SLICE, size - off));
    }
  }

  /** Appends one byte (the low eight bits of {@code b}). */
  public void appendByte(int b) {
    if (size == buf.length) {
      grow(1);
    }
    buf[size++] = (byte) b;
  }

  /** Appends {@code len} bytes of {@code bytes} starting at {@code off}. */
  public void append(byte[] bytes, int off, int len) {
    ensureRoom(len);
    System.arraycopy(bytes, off, buf, size, len);
    size += len;
  }

  /** Appends a string known to be ASCII (each char's low eight bits are written). */
  public void appendAscii(String s) {
    int len = s.length();
    ensureRoom(len);
    byte[] b = buf;
    int n = size;
    for (int i = 0; i < len; i++) {
      b[n++] = (byte) s.charAt(i);
    }
    size = n;
  }

  /**
   * Appends a string as UTF-8. An unpaired surrogate is written as {@code ?}, as {@link
   * String#getBytes(java.nio.charset.Charset)} does.
   */
  public void appendUtf8(String s) {
    int len = s.length();
    ensureRoom(len);
    byte[] b = buf;
    int n = size;
    for (int i = 0; i < len; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        size = n;
        appendUtf8Slow(s, i);
        return;
      }
      b[n++] = (byte) c;
    }
    size = n;
  }

  private void appendUtf8Slow(String s, int from) {
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        appendByte(c);
      } else {
        i = appendNonAscii(s, i);
      }
    }
  }

  /**
   * Appends the non-ASCII character at {@code i} as UTF-8 and returns the index of its last char (a
   * surrogate pair takes two).
   */
  int appendNonAscii(String s, int i) {
    ensureRoom(4);
    char c = s.charAt(i);
    if (c < 0x800) {
      buf[size++] = (byte) (0xC0 | (c >> 6));
      buf[size++] = (byte) (0x80 | (c & 0x3F));
      return i;
    }
    if (!Character.isSurrogate(c)) {
      buf[size++] = (byte) (0xE0 | (c >> 12));
      buf[size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
      buf[size++] = (byte) (0x80 | (c & 0x3F));
      return i;
    }
    if (Character.isHighSurrogate(c)
        && i + 1 < s.length()
        && Character.isLowSurrogate(s.charAt(i + 1))) {
      int cp = Character.toCodePoint(c, s.charAt(i + 1));
      buf[size++] = (byte) (0xF0 | (cp >> 18));
      buf[size++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
      buf[size++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
      buf[size++] = (byte) (0x80 | (cp & 0x3F));
      return i + 1;
    }
    buf[size++] = '?';
    return i;
  }

  /** Appends a signed decimal integer. */
  public void appendDecimal(long v) {
    if (v >= 0 && v < 10) {
      appendByte((int) ('0' + v));
      return;
    }
    byte[] tmp = scratch;
    int pos = tmp.length;
    // Negative accumulation also covers Long.MIN_VALUE.
    long rest = v < 0 ? v : -v;
    while (rest != 0) {
      tmp[--pos] = (byte) ('0' - (rest % 10));
      rest /= 10;
    }
    if (v < 0) {
      tmp[--pos] = '-';
    }
    append(tmp, pos, tmp.length - pos);
  }

  /**
   * Appends a value as the text format writes it: Go's shortest {@code %g} ({@link
   * GoFloatFormat#formatG}), {@code 0} for both zeros.
   */
  public void appendFloat(double v) {
    if (Math.abs(v) < 1e6 && v == Math.rint(v)) {
      appendDecimal((long) v);
    } else {
      append(scratch, 0, GoFloatFormat.writeG(v, scratch));
    }
  }

  /**
   * Appends a copy of {@code len} bytes already written at {@code from}, e.g. a label block that
   * repeats on every line of a metric.
   */
  void appendCopyOf(int from, int len) {
    if (from < 0 || len < 0 || from + len > size) {
      throw new IndexOutOfBoundsException("range " + from + "+" + len + " beyond " + size);
    }
    ensureRoom(len);
    System.arraycopy(buf, from, buf, size, len);
    size += len;
  }

  private void ensureRoom(int extra) {
    if (extra > buf.length - size) {
      grow(extra);
    }
  }

  private void grow(int extra) {
    long needed = (long) size + extra;
    if (needed > MAX_CAPACITY) {
      throw new OutOfMemoryError("ByteSink cannot hold " + needed + " bytes");
    }
    long doubled = Math.max((long) buf.length * 2, needed);
    buf = Arrays.copyOf(buf, (int) Math.min(doubled, MAX_CAPACITY));
  }
}
