package io.pushgateway.storage;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The store: write requests go through one bounded FIFO queue to a single writer thread that
 * applies them in order with the {@link StateMachine} and publishes each resulting immutable {@link
 * StoreState}. Readers call {@link #state()} (a volatile read) and never block the writer.
 *
 * <p>A request's future completes after the state containing its effect is published, so a client
 * that got its answer and then scrapes sees its write. Submitting blocks while the queue is full.
 */
public final class MetricStore implements AutoCloseable {
  /** The queue capacity of the Go Pushgateway; a full queue makes the health checks fail. */
  public static final int DEFAULT_QUEUE_CAPACITY = 1000;

  private static final int MAX_BATCH = 256;

  private record Pending(WriteRequest request, CompletableFuture<WriteResult> result) {}

  private static final Pending STOP =
      new Pending(new WriteRequest.Wipe(Instant.EPOCH), new CompletableFuture<>());

  /** How often an idle writer gives the log a chance to do periodic work. */
  private static final long IDLE_TICK_MILLIS = 1000;

  private final StateMachine machine;
  private final @Nullable WriteLog log;
  private final BlockingQueue<Pending> queue;
  private final Thread writer;
  private volatile StoreState state;
  private volatile @Nullable String logProblem;
  private volatile boolean closed;

  /** Starts a store with the initial state and its writer thread, keeping writes in memory only. */
  public MetricStore(StoreState initial, StateMachine machine, int queueCapacity) {
    this(initial, machine, queueCapacity, null);
  }

  /**
   * Starts a store whose writes are made durable in {@code log} before they are acknowledged (null:
   * memory only).
   */
  public MetricStore(
      StoreState initial, StateMachine machine, int queueCapacity, @Nullable WriteLog log) {
    this.machine = machine;
    this.log = log;
    this.state = initial;
    this.queue = new ArrayBlockingQueue<>(queueCapacity);
    this.writer = Thread.ofPlatform().name("store-writer").daemon(false).start(this::run);
  }

  /** The latest published state. */
  public StoreState state() {
    return state;
  }

  /**
   * Queues a request; the future completes with its result once it is applied and visible. Blocks
   * while the queue is full. After {@link #close()} the future fails.
   */
  public CompletableFuture<WriteResult> submit(WriteRequest request) {
    CompletableFuture<WriteResult> result = new CompletableFuture<>();
    if (closed) {
      result.completeExceptionally(new IllegalStateException("the store is shut down"));
      return result;
    }
    try {
      queue.put(new Pending(request, result));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      result.completeExceptionally(e);
    }
    return result;
  }

  /** Healthy unless the write queue is full (Go's rule) or the log cannot be written. */
  public boolean healthy() {
    return problem() == null;
  }

  /** What keeps the store from taking writes now, or null if nothing does. */
  public @Nullable String problem() {
    String logFailure = logProblem;
    if (logFailure != null) {
      return logFailure;
    }
    return queue.remainingCapacity() == 0 ? "write queue is full" : null;
  }

  private void run() {
    List<Pending> batch = new ArrayList<>(MAX_BATCH);
    List<WriteResult> results = new ArrayList<>(MAX_BATCH);
    while (true) {
      Pending first;
      try {
        first = queue.poll(IDLE_TICK_MILLIS, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        continue; // only close() stops the writer, through the STOP marker
      }
      if (first == null) {
        if (log != null) {
          if (logProblem != null) {
            probeLog(log);
          }
          log.published(state);
        }
        continue;
      }
      batch.add(first);
      queue.drainTo(batch, MAX_BATCH - 1);
      boolean stop = applyBatch(batch, results);
      batch.clear();
      results.clear();
      if (stop) {
        return;
      }
    }
  }

  private void probeLog(WriteLog writeLog) {
    try {
      writeLog.probe();
      logProblem = null;
    } catch (IOException | RuntimeException e) {
      logProblem = logFailure(e);
    }
  }

  private static String logFailure(Exception e) {
    return "persistence failed, the write was not applied: " + e.getMessage();
  }

  /**
   * Applies a batch, makes its changes durable in one log append (group commit), publishes the
   * final state once, then completes the futures. If the log cannot be written, the batch is
   * discarded: the state stays as it was and every request in it is answered as unavailable.
   */
  private boolean applyBatch(List<Pending> batch, List<WriteResult> results) {
    StoreState s = state;
    List<WriteLog.Entry> entries = new ArrayList<>();
    boolean stop = false;
    for (Pending p : batch) {
      if (p == STOP) {
        stop = true;
        results.add(WriteResult.accepted());
        continue;
      }
      try {
        StateMachine.Transition t = machine.apply(s, p.request());
        if (t.state() != s) {
          entries.add(new WriteLog.Entry(p.request(), t.result().isAccepted()));
        }
        s = t.state();
        results.add(t.result());
      } catch (RuntimeException e) {
        // A bug must not kill the writer: fail this request, keep the state.
        results.add(WriteResult.rejected("internal error: " + e));
      }
    }
    if (log != null && !entries.isEmpty()) {
      try {
        log.append(entries);
        logProblem = null;
      } catch (IOException | RuntimeException e) {
        String problem = logFailure(e);
        logProblem = problem;
        s = state;
        results.replaceAll(r -> WriteResult.unavailable(problem));
      }
    }
    state = s;
    for (int i = 0; i < batch.size(); i++) {
      batch.get(i).result().complete(results.get(i));
    }
    if (log != null) {
      log.published(s);
    }
    return stop;
  }

  /**
   * Stops accepting requests, applies everything already queued, and stops the writer (waiting at
   * most 30 seconds).
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      queue.put(STOP);
      writer.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (log != null && !writer.isAlive()) {
      try {
        log.close(state);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(
            "could not write the final snapshot: " + e.getMessage(), e);
      }
    }
  }
}
