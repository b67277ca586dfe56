package io.pushgateway.selfmetrics;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * The JVM thread families of client_java's {@code JvmThreadsMetrics} (the same names, help, types
 * and values), except that the deadlock counts come from a search made at most once per {@link
 * #DEADLOCK_SEARCH_INTERVAL} instead of on every scrape.
 *
 * <p>Why: each deadlock search is a safepoint operation that stops every Java thread: 0.48 ms per
 * scrape on an idle gateway, 19 ms beside four busy threads (docs/benchmarks.md). A deadlock never
 * resolves itself, so a count at most ten seconds old loses nothing. Thread states need no
 * safepoint: {@link ThreadMXBean#getThreadInfo(long[])} without stack traces reads each thread's
 * state as it runs.
 */
final class JvmThreadFamilies {
  /** How old the deadlock counts may be. */
  static final Duration DEADLOCK_SEARCH_INTERVAL = Duration.ofSeconds(10);

  private final ThreadMXBean threads;
  private final LongSupplier nanoClock;
  private final long intervalNanos;

  // Guarded by this.
  private boolean searched;
  private long searchedAt;
  private int deadlocked;
  private int monitorDeadlocked;

  JvmThreadFamilies(ThreadMXBean threads, LongSupplier nanoClock, Duration interval) {
    this.threads = threads;
    this.nanoClock = nanoClock;
    this.intervalNanos = interval.toNanos();
  }

  /** Registers the families for this JVM's threads. */
  static void register(PrometheusRegistry registry) {
    new JvmThreadFamilies(
            ManagementFactory.getThreadMXBean(), System::nanoTime, DEADLOCK_SEARCH_INTERVAL)
        .registerIn(registry);
  }

  void registerIn(PrometheusRegistry registry) {
    gauge(
        registry, "jvm_threads_current", "Current thread count of a JVM", threads::getThreadCount);
    gauge(
        registry,
        "jvm_threads_daemon",
        "Daemon thread count of a JVM",
        threads::getDaemonThreadCount);
    gauge(registry, "jvm_threads_peak", "Peak thread count of a JVM", threads::getPeakThreadCount);
    CounterWithCallback.builder()
        .name("jvm_threads_started_total")
        .help("Started thread count of a JVM")
        .callback(callback -> callback.call(threads.getTotalStartedThreadCount()))
        .register(registry);
    gauge(
        registry,
        "jvm_threads_deadlocked",
        "Cycles of JVM-threads that are in deadlock waiting to acquire object monitors or ownable"
            + " synchronizers",
        this::deadlocked);
    gauge(
        registry,
        "jvm_threads_deadlocked_monitor",
        "Cycles of JVM-threads that are in deadlock waiting to acquire object monitors",
        this::monitorDeadlocked);
    GaugeWithCallback.builder()
        .name("jvm_threads_state")
        .help("Current count of threads by state")
        .labelNames("state")
        .callback(
            callback -> {
              int[] counts = stateCounts();
              for (Thread.State state : Thread.State.values()) {
                callback.call(counts[state.ordinal()], state.name());
              }
              callback.call(0, "UNKNOWN"); // client_java's count of invalid thread ids
            })
        .register(registry);
  }

  private static void gauge(
      PrometheusRegistry registry, String name, String help, IntSupplier value) {
    GaugeWithCallback.builder()
        .name(name)
        .help(help)
        .callback(callback -> callback.call(value.getAsInt()))
        .register(registry);
  }

  /** Threads deadlocked on monitors or ownable synchronizers, as of the last search. */
  synchronized int deadlocked() {
    searchIfDue();
    return deadlocked;
  }

  /** Threads deadlocked on monitors, as of the last search. */
  synchronized int monitorDeadlocked() {
    searchIfDue();
    return monitorDeadlocked;
  }

  private void searchIfDue() {
    long now = nanoClock.getAsLong();
    if (searched && now - searchedAt < intervalNanos) {
      return;
    }
    long[] all = threads.findDeadlockedThreads();
    deadlocked = all == null ? 0 : all.length;
    // Monitor deadlocks are a subset of all deadlocks: without any, the second search is skipped.
    long[] monitor = all == null ? null : threads.findMonitorDeadlockedThreads();
    monitorDeadlocked = monitor == null ? 0 : monitor.length;
    searched = true;
    searchedAt = now;
  }

  private int[] stateCounts() {
    int[] counts = new int[Thread.State.values().length];
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null) { // the thread ended meanwhile
        counts[info.getThreadState().ordinal()]++;
      }
    }
    return counts;
  }
}
