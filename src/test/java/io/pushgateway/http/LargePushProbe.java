package io.pushgateway.http;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.pushgateway.exposition.proto.Metrics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * A probe for work that grows faster than the push (bench/fuzz-long --large): pushes of each shape
 * (many labels, series, families, buckets, quantiles, grouping labels, exemplar labels, refused
 * duplicates) at N and 4N through the in-process gateway and prints the time of each and their
 * ratio; about 4 is linear, 16 quadratic. Columns: N, status, time, 4N, status, time, ratio. It
 * prints figures; it is not a test.
 */
public final class LargePushProbe {
  private static final String TEXT = "text/plain; version=0.0.4";
  private static final String PROTOBUF =
      "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily;"
          + " encoding=delimited";

  private LargePushProbe() {}

  private record Shape(
      String name, String contentType, IntFunction<String> path, IntFunction<byte[]> body) {}

  /** Runs every shape at {@code args[0]} (default 10000) and four times that. */
  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    Shape[] shapes = {
      text("labels in one text sample", i -> "m{a" + i + "=\"v\"", ",", "} 1\n"),
      text("series of one family", i -> "m{a=\"" + i + "\"} 1\n", "", ""),
      text("families", i -> "m" + i + "{a=\"1\"} 1\n", "", ""),
      text("histogram buckets", i -> "h_bucket{le=\"" + i + "\"} " + i + "\n", "", ""),
      text("summary quantiles", i -> "s{quantile=\"" + i + "\"} 1\n", "", ""),
      text("duplicate series (refused)", i -> "d{a=\"1\"} 1\n", "", ""),
      new Shape(
          "grouping labels / 10", TEXT, LargePushProbe::groupingPath, k -> "g 1\n".getBytes(UTF_8)),
      new Shape(
          "labels in one protobuf metric",
          PROTOBUF,
          k -> "/metrics/job/p",
          k -> protobufLabels(k, false)),
      new Shape(
          "duplicate label names (refused)",
          PROTOBUF,
          k -> "/metrics/job/p",
          k -> protobufLabels(k, true)),
      new Shape("exemplar labels", PROTOBUF, k -> "/metrics/job/p", LargePushProbe::exemplar),
    };
    try (PushFuzzTarget gateway = new PushFuzzTarget(true, 512L << 20)) {
      for (Shape shape : shapes) {
        run(gateway, shape, Math.max(1, n / 10)); // warm-up
        double[] small = run(gateway, shape, n);
        double[] large = run(gateway, shape, 4 * n);
        System.out.printf(
            Locale.ROOT,
            "%-34s %8d: %3.0f %9.1f ms %8d: %3.0f %9.1f ms  x%.1f%n",
            shape.name(),
            n,
            small[0],
            small[1],
            4 * n,
            large[0],
            large[1],
            large[1] / Math.max(small[1], 0.1));
      }
    }
  }

  /** The status and the milliseconds of one push. */
  private static double[] run(PushFuzzTarget gateway, Shape shape, int count) {
    byte[] body = shape.body().apply(count);
    long start = System.nanoTime();
    int status = gateway.answerAlone("PUT", shape.path().apply(count), shape.contentType(), body);
    double ms = (System.nanoTime() - start) / 1e6;
    if (status >= 500 || status < 200) {
      throw new IllegalStateException(shape.name() + ": status " + status);
    }
    return new double[] {status, ms};
  }

  private static Shape text(String name, IntFunction<String> line, String sep, String end) {
    return new Shape(
        name,
        TEXT,
        k -> "/metrics/job/t",
        k -> {
          StringBuilder sb =
              new StringBuilder(
                  name.startsWith("histogram")
                      ? "# TYPE h histogram\n"
                      : name.startsWith("summary") ? "# TYPE s summary\n" : "");
          for (int i = 0; i < k; i++) {
            String l = line.apply(i);
            sb.append(i > 0 && !sep.isEmpty() ? sep + l.substring(l.indexOf('{') + 1) : l);
          }
          return sb.append(end).toString().getBytes(UTF_8);
        });
  }

  private static String groupingPath(int count) {
    StringBuilder path = new StringBuilder("/metrics/job/g");
    for (int i = 0; i < count / 10; i++) {
      path.append("/l").append(i).append("/v");
    }
    return path.toString();
  }

  private static byte[] protobufLabels(int count, boolean sameName) {
    Metrics.Metric.Builder m =
        Metrics.Metric.newBuilder().setGauge(Metrics.Gauge.newBuilder().setValue(1));
    for (int i = count - 1; i >= 0; i--) {
      m.addLabel(Metrics.LabelPair.newBuilder().setName(sameName ? "a" : "a" + i).setValue("v"));
    }
    return delimited(
        Metrics.MetricFamily.newBuilder()
            .setName("p")
            .setType(Metrics.MetricType.GAUGE)
            .addMetric(m)
            .build());
  }

  private static byte[] exemplar(int count) {
    Metrics.Exemplar.Builder e = Metrics.Exemplar.newBuilder().setValue(1);
    for (int i = 0; i < count; i++) {
      e.addLabel(Metrics.LabelPair.newBuilder().setName("e" + i).setValue(""));
    }
    Metrics.Metric.Builder m =
        Metrics.Metric.newBuilder()
            .setCounter(Metrics.Counter.newBuilder().setValue(1).setExemplar(e));
    return delimited(
        Metrics.MetricFamily.newBuilder()
            .setName("x_total")
            .setType(Metrics.MetricType.COUNTER)
            .addMetric(m)
            .build());
  }

  private static byte[] delimited(Metrics.MetricFamily family) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      family.writeDelimitedTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
