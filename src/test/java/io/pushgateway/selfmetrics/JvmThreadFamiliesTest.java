package io.pushgateway.selfmetrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.instrumentation.jvm.JvmThreadsMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

class JvmThreadFamiliesTest {
  private static final ThreadMXBean REAL = ManagementFactory.getThreadMXBean();

  /** The real bean, counting the deadlock searches (each one stops every thread). */
  private static ThreadMXBean counting(AtomicInteger searches) {
    return (ThreadMXBean)
        Proxy.newProxyInstance(
            ThreadMXBean.class.getClassLoader(),
            new Class<?>[] {ThreadMXBean.class},
            (proxy, method, args) -> {
              if (method.getName().startsWith("find")) {
                searches.incrementAndGet();
              }
              return method.invoke(REAL, args);
            });
  }

  @Test
  void families_areClientJavasThreadFamilies() {
    assertThat(OwnFamilyShapes.of(JvmThreadFamilies::register))
        .isEqualTo(OwnFamilyShapes.of(r -> JvmThreadsMetrics.builder().register(r)));
  }

  @Test
  void deadlockSearch_runsAtMostOncePerInterval_andOnlyOnceWithoutDeadlocks() {
    AtomicInteger searches = new AtomicInteger();
    AtomicLong now = new AtomicLong(1_000);
    PrometheusRegistry registry = new PrometheusRegistry();
    new JvmThreadFamilies(counting(searches), now::get, Duration.ofSeconds(10))
        .registerIn(registry);

    registry.scrape();
    registry.scrape();
    now.addAndGet(Duration.ofSeconds(9).toNanos());
    registry.scrape();
    assertThat(searches).hasValue(1); // no deadlock: the monitor-only search is skipped

    now.addAndGet(Duration.ofSeconds(1).toNanos());
    registry.scrape();
    assertThat(searches).hasValue(2);
  }

  @Test
  void deadlocked_countsThreadsStuckOnEachOthersLocks_onceTheCountIsDue() throws Exception {
    AtomicLong now = new AtomicLong(0);
    JvmThreadFamilies families = new JvmThreadFamilies(REAL, now::get, Duration.ofSeconds(10));
    assertThat(families.deadlocked()).isZero();

    ReentrantLock a = new ReentrantLock();
    ReentrantLock b = new ReentrantLock();
    CountDownLatch bothHoldOne = new CountDownLatch(2);
    Thread first = Thread.ofPlatform().daemon().start(() -> lockBoth(a, b, bothHoldOne));
    Thread second = Thread.ofPlatform().daemon().start(() -> lockBoth(b, a, bothHoldOne));
    try {
      bothHoldOne.await();
      while (REAL.findDeadlockedThreads() == null) {
        Thread.sleep(5);
      }
      assertThat(families.deadlocked()).as("within the interval: the old count").isZero();

      now.addAndGet(Duration.ofSeconds(10).toNanos());
      assertThat(families.deadlocked()).isEqualTo(2);
      assertThat(families.monitorDeadlocked()).as("locks, not monitors").isZero();
    } finally {
      first.interrupt();
      second.interrupt();
      first.join();
      second.join();
    }
  }

  private static void lockBoth(ReentrantLock outer, ReentrantLock inner, CountDownLatch ready) {
    outer.lock();
    try {
      ready.countDown();
      ready.await(); // both hold their first lock before either tries its second
      inner.lockInterruptibly();
      inner.unlock();
    } catch (InterruptedException e) {
      // the test's way out of the deadlock
    } finally {
      outer.unlock();
    }
  }
}
