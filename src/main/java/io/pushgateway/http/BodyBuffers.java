package io.pushgateway.http;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Large request-body buffers kept for the next large push. A body of several megabytes outlives the
 * young generation while it is parsed, so each one used to become old-generation garbage and bring
 * the next full collection closer (a 6 MB push left 14 MB of such garbage; reused, it leaves none).
 * Small bodies die young and are not kept. Thread-safe.
 */
final class BodyBuffers {
  /** The smallest buffer worth keeping. */
  static final int MIN_KEPT = 1 << 20;

  private final long maxKeptBytes;
  private final List<byte[]> free = new ArrayList<>();
  private long keptBytes;

  /** A pool that keeps at most {@code maxKeptBytes} of idle buffers. */
  BodyBuffers(long maxKeptBytes) {
    this.maxKeptBytes = maxKeptBytes;
  }

  /** The smallest idle buffer of at least {@code length} bytes, taken out of the pool, or null. */
  synchronized byte @Nullable [] take(long length) {
    int best = -1;
    for (int i = 0; i < free.size(); i++) {
      int size = free.get(i).length;
      if (size >= length && (best < 0 || size < free.get(best).length)) {
        best = i;
      }
    }
    if (best < 0) {
      return null;
    }
    byte[] buffer = free.remove(best);
    keptBytes -= buffer.length;
    return buffer;
  }

  /** Keeps a buffer that is no longer used, if it is large and the pool has room for it. */
  synchronized void give(byte[] buffer) {
    if (buffer.length >= MIN_KEPT && keptBytes + buffer.length <= maxKeptBytes) {
      free.add(buffer);
      keptBytes += buffer.length;
    }
  }

  /** Bytes held by idle buffers. */
  synchronized long keptBytes() {
    return keptBytes;
  }
}
