package io.pushgateway.benchmarks;

import io.pushgateway.exposition.ProtobufParser;
import io.pushgateway.exposition.TextParser;
import io.pushgateway.model.MetricFamily;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * Parsing a push body: the text parser and the protobuf parser, on the 30-series body ({@code
 * small}, 1,806 bytes of text) and on the 100,000-series body ({@code big}, 5.9 MB of text), the
 * protobuf body being the same families in the delimited encoding. The score is bodies per second;
 * the {@code mbPerSecond} counter is the input rate in MB (10^6 bytes) per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ParserBenchmark {

  /** The bodies, built once per parameter. */
  @State(Scope.Benchmark)
  public static class Input {
    @Param({"small", "big"})
    public String body;

    byte[] text;
    byte[] protobuf;

    @Setup(Level.Trial)
    public void build() {
      text = body.equals("big") ? Bodies.big() : Bodies.small();
      protobuf = Bodies.toProtobuf(text);
      int metrics = body.equals("big") ? Bodies.BIG_SERIES : Bodies.SMALL_METRICS;
      checkMetrics(TextParser.parse(text), metrics);
      checkMetrics(ProtobufParser.parse(protobuf), metrics);
    }
  }

  /** The input rate: bytes parsed, reported per second of the iteration. */
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  @State(Scope.Thread)
  public static class Rate {
    public double mbPerSecond;

    @Setup(Level.Iteration)
    public void reset() {
      mbPerSecond = 0;
    }

    void add(byte[] body) {
      mbPerSecond += body.length / 1e6;
    }
  }

  @Benchmark
  public List<MetricFamily> text(Input in, Rate rate) {
    rate.add(in.text);
    return TextParser.parse(in.text);
  }

  @Benchmark
  public List<MetricFamily> protobuf(Input in, Rate rate) {
    rate.add(in.protobuf);
    return ProtobufParser.parse(in.protobuf);
  }

  /** Counts metrics (a histogram or a summary is one), so that a broken parse fails the setup. */
  private static void checkMetrics(List<MetricFamily> families, int expected) {
    int metrics = 0;
    for (MetricFamily f : families) {
      metrics += f.metrics().size();
    }
    if (metrics != expected) {
      throw new IllegalStateException("parsed " + metrics + " metrics, expected " + expected);
    }
  }
}
