package io.pushgateway.storage;

import io.pushgateway.model.GroupingKey;
import java.time.Instant;
import java.util.List;

/**
 * A change to the store. Requests are applied strictly in submission order by the one writer; each
 * carries its receive time, so applying the same sequence to the same state always gives the same
 * result (which a durable log and replication rely on).
 */
public sealed interface WriteRequest {

  /** When the request was received; push and failure times are taken from it. */
  Instant time();

  /**
   * Stores pushed families in a group. {@code replace} (PUT) drops the group's other families;
   * otherwise (POST) only families with the pushed names are replaced. The families are already
   * sanitised for the group (see {@link PushRules#prepare}).
   */
  record Push(
      GroupingKey key,
      List<StoredFamily> families,
      boolean replace,
      boolean hasTimestamps,
      Instant time)
      implements WriteRequest {
    public Push {
      families = List.copyOf(families);
    }
  }

  /** Removes exactly one group (a no-op if it does not exist). */
  record Delete(GroupingKey key, Instant time) implements WriteRequest {}

  /** Removes every group that exists when the request is applied. */
  record Wipe(Instant time) implements WriteRequest {}

  /**
   * Sets a group to exactly these families (already sanitised, with their own push times), or
   * removes it when there are none; no checks, no time gauges added. Used to restore persisted
   * groups.
   */
  record Restore(GroupingKey key, List<StoredFamily> families, Instant time)
      implements WriteRequest {
    public Restore {
      families = List.copyOf(families);
    }
  }
}
