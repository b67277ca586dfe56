package io.pushgateway.e2e;

import com.google.protobuf.TextFormat;
import io.pushgateway.exposition.proto.Metrics.LabelPair;
import io.pushgateway.exposition.proto.Metrics.Metric;
import io.pushgateway.exposition.proto.Metrics.MetricFamily;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Length-delimited {@code io.prometheus.client.MetricFamily} messages, written and read with the
 * generated classes; families are given and shown in protobuf text format so that tests read like
 * the data they push.
 */
final class Protobuf {
  /** The Content-Type of a delimited protobuf push, and the Accept header asking for one. */
  static final String CONTENT_TYPE =
      "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily;"
          + " encoding=delimited";

  private Protobuf() {}

  /** One family from its text format, e.g. {@code name: "x" type: GAUGE metric { ... }}. */
  static MetricFamily family(String textFormat) {
    MetricFamily.Builder family = MetricFamily.newBuilder();
    try {
      TextFormat.merge(textFormat, family);
    } catch (TextFormat.ParseException e) {
      throw new IllegalArgumentException(e);
    }
    return family.build();
  }

  /** The families, each in text format, as a delimited body. */
  static byte[] delimited(String... textFormatFamilies) {
    return delimited(Arrays.stream(textFormatFamilies).map(Protobuf::family).toList());
  }

  static byte[] delimited(List<MetricFamily> families) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      for (MetricFamily family : families) {
        family.writeDelimitedTo(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Every family of a delimited body (a protobuf scrape). */
  static List<MetricFamily> parseDelimited(byte[] body) {
    List<MetricFamily> families = new ArrayList<>();
    try (InputStream in = new ByteArrayInputStream(body)) {
      MetricFamily family;
      while ((family = MetricFamily.parseDelimitedFrom(in)) != null) {
        families.add(family);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return families;
  }

  /** The families restricted to the metrics with one of the given {@code job} labels. */
  static List<MetricFamily> onlyJobs(List<MetricFamily> families, String... jobs) {
    Set<String> wanted = new HashSet<>(Arrays.asList(jobs));
    List<MetricFamily> kept = new ArrayList<>();
    for (MetricFamily family : families) {
      List<Metric> metrics =
          family.getMetricList().stream().filter(m -> wanted.contains(job(m))).toList();
      if (!metrics.isEmpty()) {
        kept.add(family.toBuilder().clearMetric().addAllMetric(metrics).build());
      }
    }
    return kept;
  }

  private static String job(Metric metric) {
    return metric.getLabelList().stream()
        .filter(l -> l.getName().equals("job"))
        .map(LabelPair::getValue)
        .findFirst()
        .orElse("");
  }

  /** The families in text format, one after the other. */
  static String print(List<MetricFamily> families) {
    StringBuilder out = new StringBuilder();
    for (MetricFamily family : families) {
      out.append(TextFormat.printer().printToString(family));
    }
    return out.toString();
  }
}
