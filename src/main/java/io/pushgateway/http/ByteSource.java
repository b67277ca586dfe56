package io.pushgateway.http;

import java.io.IOException;
import java.io.OutputStream;

/** A response body of known size that can write itself, e.g. a cached rendering of a scrape. */
public interface ByteSource {
  /** The exact number of bytes {@link #writeTo} writes. */
  long size();

  /** Writes the body; the exchange slices large writes, so one big write is fine. */
  void writeTo(OutputStream out) throws IOException;

  /** A source over a byte array (not copied: do not change it afterwards). */
  static ByteSource of(byte[] bytes) {
    return new ByteSource() {
      @Override
      public long size() {
        return bytes.length;
      }

      @Override
      public void writeTo(OutputStream out) throws IOException {
        out.write(bytes);
      }
    };
  }
}
