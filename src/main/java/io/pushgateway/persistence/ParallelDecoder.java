package io.pushgateway.persistence;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;

/**
 * Decodes the records of a file on all processors while handing them out in file order: the file is
 * read on the caller's thread, chunks of records are decoded in the background, a bounded number of
 * chunks ahead. Decoding (protobuf and the metric families in it) is most of the work of a
 * start-up, so this is what makes a restart with many groups fast.
 */
final class ParallelDecoder implements AutoCloseable {
  private static final int CHUNK = 128;

  /** A record as decoded, with where it starts. */
  record Item(long offset, RecordCodec.Decoded decoded) {}

  /** A record that could not be decoded, and why. */
  record Undecodable(long offset, String reason) {}

  private final RecordReader reader;
  private final ExecutorService pool;
  private final int window;

  /** Each decoding thread's canonical strings. */
  private final ThreadLocal<RecordCodec.Strings> strings =
      ThreadLocal.withInitial(RecordCodec.Strings::new);

  private final ArrayDeque<Future<List<Object>>> chunks = new ArrayDeque<>();
  private Iterator<Object> current = List.of().iterator();
  private RecordReader.@Nullable End end;

  ParallelDecoder(RecordReader reader) {
    this.reader = reader;
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    this.window = 2 * threads;
    this.pool =
        Executors.newFixedThreadPool(
            threads,
            r -> Thread.ofPlatform().name("persistence-decoder").daemon(true).unstarted(r));
  }

  /**
   * The next record in file order: an {@link Item}, an {@link Undecodable} or, after the last one,
   * how the file ended ({@link RecordReader.End}).
   */
  Object next() throws IOException {
    while (!current.hasNext()) {
      fill();
      Future<List<Object>> chunk = chunks.poll();
      if (chunk == null) {
        return Objects.requireNonNull(end, "end of file");
      }
      current = await(chunk).iterator();
    }
    return current.next();
  }

  /** Reads and submits chunks until the window is full or the file has ended. */
  private void fill() throws IOException {
    while (end == null && chunks.size() < window) {
      List<RecordReader.Entry> entries = new ArrayList<>(CHUNK);
      while (end == null && entries.size() < CHUNK) {
        Object next = reader.next();
        if (next instanceof RecordReader.Entry entry) {
          entries.add(entry);
        } else {
          end = (RecordReader.End) next;
        }
      }
      if (!entries.isEmpty()) {
        chunks.add(pool.submit(() -> decode(entries)));
      }
    }
  }

  private List<Object> decode(List<RecordReader.Entry> entries) {
    RecordCodec.Strings own = strings.get();
    List<Object> out = new ArrayList<>(entries.size());
    for (RecordReader.Entry e : entries) {
      try {
        out.add(new Item(e.offset(), RecordCodec.decode(e.payload(), own)));
      } catch (IllegalArgumentException ex) {
        out.add(new Undecodable(e.offset(), String.valueOf(ex.getMessage())));
      }
    }
    return out;
  }

  private static List<Object> await(Future<List<Object>> chunk) throws IOException {
    try {
      return chunk.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while reading the persistence file");
    } catch (ExecutionException e) {
      throw new IOException("decoding the persistence file failed", e.getCause());
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
