package io.pushgateway.benchmarks;

import io.pushgateway.exposition.ByteSink;
import io.pushgateway.exposition.TextWriter;
import io.pushgateway.storage.MergedFamily;
import io.pushgateway.storage.StateMachine;
import io.pushgateway.storage.StoreState;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
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
 * Rendering a scrape of a store of {@code groups} groups (30 series each plus the two push time
 * gauges) in the text format, as the scrape renderer does when none of its per-family cache is
 * valid (under push load every push touches all six families, so every scrape is such a render):
 * one {@link ByteSink} per merged family, {@link TextWriter#writeFamily}, one array per family.
 * {@code textGzip} also compresses the pieces as a scrape with {@code Accept-Encoding: gzip} does.
 * The gateway's own families (a few kB) are left out.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class RenderBenchmark {
  /** The scrape handler's gzip buffer. */
  private static final int GZIP_BUFFER = 64 * 1024;

  @Param({"1000", "10000"})
  public int groups;

  StoreState state;

  @Setup(Level.Trial)
  public void build() {
    state = Stores.withGroups(new StateMachine(true), groups);
    long bytes = 0;
    for (byte[] piece : render(state)) {
      bytes += piece.length;
    }
    System.out.printf(
        "%n%d groups, %d families, %d metrics: %.2f MB of text%n",
        groups, state.familyCount(), state.seriesCount(), bytes / 1e6);
  }

  /** The output rate: bytes rendered, reported per second of the iteration. */
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  @State(Scope.Thread)
  public static class Rate {
    public double mbPerSecond;

    @Setup(Level.Iteration)
    public void reset() {
      mbPerSecond = 0;
    }
  }

  @Benchmark
  public List<byte[]> text(Rate rate) {
    List<byte[]> pieces = render(state);
    for (byte[] piece : pieces) {
      rate.mbPerSecond += piece.length / 1e6;
    }
    return pieces;
  }

  @Benchmark
  public long textGzip() throws IOException {
    CountingSink counter = new CountingSink();
    try (OutputStream out = new GZIPOutputStream(counter, GZIP_BUFFER)) {
      for (byte[] piece : render(state)) {
        out.write(piece);
      }
    }
    return counter.count;
  }

  static List<byte[]> render(StoreState state) {
    List<byte[]> pieces = new ArrayList<>(state.familyCount());
    for (MergedFamily f : state.families()) {
      if (f.metricCount() == 0) {
        continue;
      }
      ByteSink sink = new ByteSink(256);
      TextWriter.writeFamily(sink, f.name(), f.help(), f.effectiveType(), f.metrics());
      pieces.add(sink.toByteArray());
    }
    return pieces;
  }

  /** Counts what is written and drops it (stands in for the socket). */
  private static final class CountingSink extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }
}
