package io.pushgateway.memory;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryNotificationInfo;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import javax.management.NotificationEmitter;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the serial collector's old generation within twice what was live after its last full
 * collection, as Go's collector keeps its heap (GOGC=100). Left alone, the serial collector grows
 * the old generation up to the maximum heap before it ever collects it: a gateway whose groups are
 * pushed again and again (every push leaves its group's old series behind as garbage) would grow to
 * a quarter of the machine's memory. Here, when the old generation passes its budget, a full
 * collection is requested ({@link System#gc()}), and the budget is set anew from what survived.
 *
 * <p>Memory also goes back when pushes pause: if the old generation has not grown for a whole
 * {@link #IDLE_CHECK_MILLIS} interval (no young collection promoted anything, so the gateway is
 * idle or nearly) while it holds clearly more than the live data ({@link #idleSlack}), it is
 * collected then, and the collection gives back what is more than 30% free (MaxHeapFreeRatio). Like
 * G1's periodic collections, this trades an occasional pause at a quiet moment for a resident size
 * that follows the store rather than the last burst of pushes.
 *
 * <p>Does nothing under other collectors (they have their own policies) or when the old generation
 * cannot be found.
 */
public final class HeapBudget {
  /**
   * The least headroom above the live data, so that a small store is not collected again and again.
   */
  static final long MIN_HEADROOM_BYTES = 32L << 20;

  /** How often the old generation is looked at for an idle collection. */
  static final long IDLE_CHECK_MILLIS = 250;

  /** The least garbage worth an idle collection. */
  static final long MIN_IDLE_SLACK_BYTES = 8L << 20;

  private final MemoryPoolMXBean oldGen;
  private final Object lock = new Object();
  private boolean collectionWanted;

  /** What was live after the last full collection (at start: what the old generation held). */
  private long live;

  /** The old generation's use at the last look, to tell whether it has grown since. */
  private long usedAtLastLook = -1;

  private HeapBudget(MemoryPoolMXBean oldGen) {
    this.oldGen = oldGen;
  }

  /** Starts watching the old generation if the serial collector runs; returns whether it does. */
  public static boolean install() {
    MemoryPoolMXBean tenured = serialOldGeneration();
    if (tenured == null
        || !(ManagementFactory.getMemoryMXBean() instanceof NotificationEmitter e)) {
      return false;
    }
    HeapBudget budget = new HeapBudget(tenured);
    budget.setBudget(tenured.getUsage().getUsed());
    e.addNotificationListener(
        (notification, handback) -> {
          if (MemoryNotificationInfo.MEMORY_THRESHOLD_EXCEEDED.equals(notification.getType())) {
            budget.requestCollection();
          }
        },
        null,
        null);
    Thread.ofPlatform().name("heap-budget").daemon(true).start(budget::run);
    return true;
  }

  /** The old generation of the serial collector, or null if another collector runs. */
  private static @Nullable MemoryPoolMXBean serialOldGeneration() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP
          && pool.getName().equals("Tenured Gen")
          && pool.isUsageThresholdSupported()
          && pool.isCollectionUsageThresholdSupported()) {
        return pool;
      }
    }
    return null;
  }

  /**
   * The budget for live data of this size: twice as much, or at least the minimum headroom more.
   */
  static long budgetFor(long liveBytes) {
    return liveBytes + Math.max(liveBytes, MIN_HEADROOM_BYTES);
  }

  /** How much more than the live data an idle old generation may hold before it is collected. */
  static long idleSlack(long liveBytes) {
    return Math.max(liveBytes / 4, MIN_IDLE_SLACK_BYTES);
  }

  /**
   * Whether the old generation is over its budget now. (Not {@code isUsageThresholdExceeded()},
   * which stays true after a collection until the JVM's own check runs again at the next one.)
   */
  private boolean overBudget() {
    return oldGen.getUsage().getUsed() >= oldGen.getUsageThreshold();
  }

  private void setBudget(long liveBytes) {
    live = liveBytes;
    oldGen.setUsageThreshold(budgetFor(liveBytes));
  }

  private void requestCollection() {
    synchronized (lock) {
      collectionWanted = true;
      lock.notifyAll();
    }
  }

  /**
   * Collects when asked (outside the JVM's notification thread) or when idle with garbage to give
   * back, then resets the budget.
   */
  private void run() {
    while (true) {
      boolean asked;
      synchronized (lock) {
        if (!collectionWanted) {
          try {
            lock.wait(IDLE_CHECK_MILLIS);
          } catch (InterruptedException e) {
            return;
          }
        }
        asked = collectionWanted;
        collectionWanted = false;
      }
      long used = oldGen.getUsage().getUsed();
      boolean idle = used == usedAtLastLook;
      usedAtLastLook = used;
      // A notification may have crossed an earlier budget, before the last collection.
      if (asked ? overBudget() : idle && used > live + idleSlack(live)) {
        collect();
      }
    }
  }

  private void collect() {
    System.gc();
    MemoryUsage afterFullGc = oldGen.getCollectionUsage();
    setBudget(afterFullGc == null ? oldGen.getUsage().getUsed() : afterFullGc.getUsed());
    usedAtLastLook = oldGen.getUsage().getUsed();
    if (overBudget()) {
      // Promotions since the collection already passed the new budget: no notification would
      // come for this crossing.
      requestCollection();
    }
  }
}
