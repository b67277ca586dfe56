package io.pushgateway.http;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A gateway-wide budget of memory held by requests in flight, shared by all of them: each takes
 * what it holds before allocating it and gives it back when it is done, and a request that would
 * exceed the budget is refused instead of waiting. Thread-safe and lock-free.
 */
final class ByteBudget {
  private final long capacity;
  private final AtomicLong used = new AtomicLong();

  ByteBudget(long capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1");
    }
    this.capacity = capacity;
  }

  long capacity() {
    return capacity;
  }

  /** Bytes currently taken. */
  long used() {
    return used.get();
  }

  /** A new, empty share of the budget for one request; close it to give back what it took. */
  Share open() {
    return new Share();
  }

  /** What one request has taken. Not thread-safe: one request uses it on one thread. */
  final class Share implements AutoCloseable {
    private long taken;

    /**
     * Takes {@code bytes} more.
     *
     * @throws ExhaustedException if the budget does not have that much left; nothing is taken then
     */
    void take(long bytes) {
      if (bytes <= 0) {
        return;
      }
      long now;
      do {
        now = used.get();
        if (now + bytes > capacity || now + bytes < 0) {
          throw new ExhaustedException(now, bytes);
        }
      } while (!used.compareAndSet(now, now + bytes));
      taken += bytes;
    }

    /** Gives back everything this share took. */
    @Override
    public void close() {
      used.addAndGet(-taken);
      taken = 0;
    }
  }

  /** The budget could not grant a request. */
  final class ExhaustedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long inUse;
    private final long wanted;

    ExhaustedException(long inUse, long wanted) {
      super(
          "budget of " + capacity + " bytes exhausted: " + inUse + " in use, " + wanted + " more");
      this.inUse = inUse;
      this.wanted = wanted;
    }

    /** Bytes the refused request asked for. */
    long wanted() {
      return wanted;
    }

    /** Bytes in use (the refused request's earlier share included) when it was refused. */
    long inUse() {
      return inUse;
    }
  }
}
