package io.pushgateway.benchmarks;

import io.pushgateway.exposition.ProtobufWriter;
import io.pushgateway.exposition.TextParser;
import io.pushgateway.model.MetricFamily;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The push bodies of the project's benchmarks, byte for byte the shapes that {@code bench/pgbench}
 * and {@code bench/push-bench} push: a 30-series body of 1,806 bytes and a 100,000-series body of
 * about 5.9 MB.
 */
final class Bodies {
  /** Series in {@link #small()}: counter 5, gauge 5, histogram 13, summary 7. */
  static final int SMALL_SERIES = 30;

  /** Metrics in {@link #small()}: the histogram and the summary are one metric each. */
  static final int SMALL_METRICS = 12;

  /** Series (and metrics) in {@link #big()}: 100 gauge families of 1,000 series. */
  static final int BIG_SERIES = 100_000;

  private Bodies() {}

  /** The 30-series text body (1,806 bytes). */
  static byte[] small() {
    StringBuilder b = new StringBuilder(2048);
    family(b, "bench_requests_total", "Total requests handled.", "counter");
    String[][] requests = {
      {"get", "200", "1027"},
      {"get", "404", "3"},
      {"post", "200", "412"},
      {"post", "500", "2"},
      {"put", "200", "77"}
    };
    for (String[] r : requests) {
      line(b, "bench_requests_total{method=\"" + r[0] + "\",code=\"" + r[1] + "\"} " + r[2]);
    }
    family(b, "bench_temperature_celsius", "Current temperature.", "gauge");
    for (int i = 0; i < 5; i++) {
      String sensor = String.valueOf((char) ('a' + i));
      line(b, "bench_temperature_celsius{sensor=\"" + sensor + "\"} " + (20 + i) + ".5");
    }
    family(b, "bench_request_duration_seconds", "Request duration.", "histogram");
    String[] bounds = {"0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5"};
    int cumulative = 0;
    for (int i = 0; i < bounds.length; i++) {
      cumulative += 10 * (i + 1);
      line(b, "bench_request_duration_seconds_bucket{le=\"" + bounds[i] + "\"} " + cumulative);
    }
    line(b, "bench_request_duration_seconds_bucket{le=\"+Inf\"} " + (cumulative + 3));
    line(b, "bench_request_duration_seconds_sum 123.456");
    line(b, "bench_request_duration_seconds_count " + (cumulative + 3));
    family(b, "bench_rpc_latency_seconds", "RPC latency.", "summary");
    String[][] quantiles = {
      {"0.5", "0.012"}, {"0.9", "0.034"}, {"0.95", "0.051"}, {"0.99", "0.12"}, {"0.999", "0.25"}
    };
    for (String[] q : quantiles) {
      line(b, "bench_rpc_latency_seconds{quantile=\"" + q[0] + "\"} " + q[1]);
    }
    line(b, "bench_rpc_latency_seconds_sum 98.7");
    line(b, "bench_rpc_latency_seconds_count 4321");
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The 100,000-series text body: 100 gauge families of 1,000 series each (about 5.9 MB). */
  static byte[] big() {
    StringBuilder b = new StringBuilder(6_000_000);
    int perFamily = BIG_SERIES / 100;
    for (int f = 0; f < 100; f++) {
      String name = String.format(Locale.ROOT, "bench_big_family_%03d", f);
      family(b, name, "Big push family " + f + ".", "gauge");
      for (int i = 0; i < perFamily; i++) {
        line(
            b,
            String.format(
                Locale.ROOT,
                "%s{shard=\"%03d\",idx=\"%06d\"} %d.%03d",
                name,
                f,
                i,
                1_000_000 + i * 37,
                i % 1000));
      }
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The same families as a text body, in the delimited protobuf encoding. */
  static byte[] toProtobuf(byte[] text) {
    List<MetricFamily> families = TextParser.parse(text);
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length);
    for (MetricFamily f : families) {
      out.writeBytes(ProtobufWriter.toDelimitedBytes(f));
    }
    return out.toByteArray();
  }

  private static void family(StringBuilder b, String name, String help, String type) {
    line(b, "# HELP " + name + " " + help);
    line(b, "# TYPE " + name + " " + type);
  }

  private static void line(StringBuilder b, String s) {
    b.append(s).append('\n');
  }
}
