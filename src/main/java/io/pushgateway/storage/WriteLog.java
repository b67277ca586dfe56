package io.pushgateway.storage;

import java.io.IOException;
import java.util.List;

/**
 * Where the store makes its writes durable before acknowledging them (a persistence log). The
 * store's single writer thread calls every method, so implementations need no locking for calls
 * from the store.
 */
public interface WriteLog {
  /** A write that changed the state: the request, and whether it was accepted or rejected. */
  record Entry(WriteRequest request, boolean accepted) {}

  /**
   * Makes the entries durable, in order, before the store publishes their effect. If this throws,
   * the store discards the whole batch (its state stays as before) and answers the requests with a
   * server error.
   */
  void append(List<Entry> entries) throws IOException;

  /**
   * Checks that the log can be written again after {@link #append} failed, by writing something
   * that changes nothing; the store calls it while idle, so that its health recovers without
   * waiting for a write.
   */
  void probe() throws IOException;

  /**
   * Called after each published batch and when the writer is idle, with the current state: the
   * place for periodic work such as writing a snapshot.
   */
  void published(StoreState state);

  /** Called once when the store stops, with the final state (e.g. for a last snapshot). */
  void close(StoreState finalState) throws IOException;
}
