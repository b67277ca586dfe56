package io.pushgateway.benchmarks;

import io.pushgateway.exposition.ParseLimits;
import io.pushgateway.exposition.TextParser;
import io.pushgateway.model.GroupingKey;
import io.pushgateway.model.MetricFamily;
import io.pushgateway.storage.PushRules;
import io.pushgateway.storage.StateMachine;
import io.pushgateway.storage.StoreState;
import io.pushgateway.storage.WriteRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The 100,000-series push of pgbench's W2 (5.9 MB of text, 100 gauge families of 1,000 series), as
 * a PUT that replaces the same group holding the previous such push. {@code prepare}: the request
 * thread's work (parse the body, sanitise the series for the group). {@code apply}: the writer
 * thread's (store the families in the group and the merged view, the consistency check). {@code
 * whole}: both.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class BigPushBenchmark {
  private static final GroupingKey KEY = GroupingKey.of("job", "big", "instance", "0");

  final StateMachine machine = new StateMachine(true);
  byte[] body;

  /** A second push of the body, prepared: what the writer thread is given. */
  WriteRequest.Push put;

  /** The store after a first push of the body. */
  StoreState state;

  @Setup(Level.Trial)
  public void build() {
    body = Bodies.big();
    StateMachine.Transition t = machine.apply(StoreState.empty(Map.of()), prepare(body));
    if (!t.result().isAccepted()) {
      throw new IllegalStateException("the big push is rejected: " + t.result().error());
    }
    state = t.state();
    put = prepare(body);
    if (!machine.apply(state, put).result().isAccepted()) {
      throw new IllegalStateException("the second big push is rejected");
    }
    System.gc();
  }

  /** As the push handler does it: the parser sets the group's labels as it reads each series. */
  private static WriteRequest.Push prepare(byte[] body) {
    List<MetricFamily> families =
        TextParser.parse(
            body, 0, body.length, false, ParseLimits.NONE, PushRules.seriesLabelsOf(KEY));
    return PushRules.prepareLabelled(KEY, families, true, Stores.TIME);
  }

  @Benchmark
  public WriteRequest.Push prepare() {
    return prepare(body);
  }

  @Benchmark
  public StateMachine.Transition apply() {
    return machine.apply(state, put);
  }

  @Benchmark
  public StateMachine.Transition whole() {
    return machine.apply(state, prepare(body));
  }
}
