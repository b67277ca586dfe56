package io.pushgateway.benchmarks;

import io.pushgateway.exposition.TextParser;
import io.pushgateway.model.MetricFamily;
import io.pushgateway.storage.PushRules;
import io.pushgateway.storage.StateMachine;
import io.pushgateway.storage.StoreState;
import io.pushgateway.storage.WriteRequest;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The store's side of a push. {@code apply}: what the single writer thread does for a 30-series PUT
 * that replaces one of {@code groups} existing groups (merge into the per-name families and the
 * consistency check), always applied to the same base state, so the store size stays constant. This
 * should barely grow with the number of groups. {@code parseAndPrepare}: the part of a push that
 * runs on the request thread before it is queued (parse the body, sanitise it for the group).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PushApplyBenchmark {

  /** A store of {@code groups} groups and one prepared PUT per group. */
  @State(Scope.Benchmark)
  public static class Store {
    @Param({"1000", "10000"})
    public int groups;

    final StateMachine machine = new StateMachine(true);
    StoreState state;
    WriteRequest.Push[] puts;

    @Setup(Level.Trial)
    public void build() {
      state = Stores.withGroups(machine, groups);
      byte[] body = Bodies.small();
      puts = new WriteRequest.Push[groups];
      for (int i = 0; i < groups; i++) {
        puts[i] = Stores.put(i, body);
      }
      for (int i = 0; i < groups; i += Math.max(1, groups / 100)) {
        if (!machine.apply(state, puts[i]).result().isAccepted()) {
          throw new IllegalStateException("the benchmark's push " + i + " is rejected");
        }
      }
    }
  }

  /** Which group the next push goes to; walks all groups like the wrk load does. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;

    int next(int groups) {
      int i = next;
      next = i + 1 == groups ? 0 : i + 1;
      return i;
    }
  }

  /** The 30-series body. */
  @State(Scope.Benchmark)
  public static class Body {
    final byte[] text = Bodies.small();
  }

  @Benchmark
  public StateMachine.Transition apply(Store store, Cursor cursor) {
    return store.machine.apply(store.state, store.puts[cursor.next(store.groups)]);
  }

  @Benchmark
  public WriteRequest.Push parseAndPrepare(Body body, Cursor cursor) {
    List<MetricFamily> families = TextParser.parse(body.text);
    return PushRules.prepare(Stores.key(cursor.next(1000)), families, true, Stores.TIME);
  }
}
