package io.pushgateway.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time per operation, which a busy shared machine inflates far less than wall time (a thread
 * waiting for a core uses none): {@code cpu.worker.norm} is the benchmark threads' CPU (the code
 * under test), {@code cpu.process.norm} the whole fork's (adding GC, JIT and JMH itself). Use with
 * {@code -prof io.pushgateway.benchmarks.CpuTimeProfiler}; {@code benchmarks/run} adds it.
 */
public final class CpuTimeProfiler implements InternalProfiler {
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private Map<Long, Long> workersBefore = Map.of();
  private long processBefore;

  @Override
  public String getDescription() {
    return "CPU time per operation: benchmark threads and the whole process";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmark, IterationParams iteration) {
    workersBefore = workerCpu();
    processBefore = os.getProcessCpuTime();
  }

  @Override
  public List<? extends Result<?>> afterIteration(
      BenchmarkParams benchmark, IterationParams iteration, IterationResult result) {
    long process = os.getProcessCpuTime() - processBefore;
    long workers = 0;
    for (Map.Entry<Long, Long> e : workerCpu().entrySet()) {
      workers += e.getValue() - workersBefore.getOrDefault(e.getKey(), 0L);
    }
    long ops = result.getMetadata() == null ? 0 : result.getMetadata().getAllOps();
    if (ops <= 0) {
      return List.of();
    }
    return List.of(
        new ScalarResult("cpu.worker.norm", workers / 1e3 / ops, "us/op", AggregationPolicy.AVG),
        new ScalarResult("cpu.process.norm", process / 1e3 / ops, "us/op", AggregationPolicy.AVG));
  }

  /** CPU nanoseconds of every live JMH worker thread, by thread id. */
  private Map<Long, Long> workerCpu() {
    Map<Long, Long> cpu = new HashMap<>();
    for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (t != null && t.getThreadName().contains("jmh-worker")) {
        long ns = threads.getThreadCpuTime(t.getThreadId());
        if (ns >= 0) {
          cpu.put(t.getThreadId(), ns);
        }
      }
    }
    return cpu;
  }
}
