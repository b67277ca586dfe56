package io.pushgateway.http;

import io.pushgateway.storage.WriteResult;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** Waiting for the store's answer on a request thread (a virtual thread, so blocking is cheap). */
final class StoreCalls {
  private StoreCalls() {}

  /** Thrown when the store cannot take writes any more (it is shutting down). */
  static final class StoreUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StoreUnavailableException(String message) {
      super(message);
    }
  }

  /** Waits for a write that cannot be rejected (delete, wipe); throws if it was not applied. */
  static void awaitApplied(CompletableFuture<WriteResult> future) {
    WriteResult result = await(future);
    String error = result.error();
    if (result.unavailable() && error != null) {
      throw new StoreUnavailableException(error);
    }
  }

  /** The result of a submitted write. */
  static WriteResult await(CompletableFuture<WriteResult> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreUnavailableException("interrupted while waiting for the store");
    } catch (ExecutionException e) {
      throw new StoreUnavailableException("the store is shutting down");
    }
  }
}
