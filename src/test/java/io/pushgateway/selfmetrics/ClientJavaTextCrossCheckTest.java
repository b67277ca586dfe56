package io.pushgateway.selfmetrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.core.metrics.StateSet;
import io.prometheus.metrics.core.metrics.Summary;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import io.pushgateway.model.MetricFamily;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Converts one registry scrape both ways, with client_java's own Prometheus text writer and with
 * {@link SnapshotConverter}, and checks that both expose the same families and samples.
 */
class ClientJavaTextCrossCheckTest {

  @Test
  void convert_exposesSameFamiliesAndSamplesAsClientJavaTextWriter() throws IOException {
    MetricSnapshots snapshots = registryWithEveryKind().scrape();
    List<MetricFamily> families = new ArrayList<>();
    for (MetricSnapshot s : snapshots) {
      MetricFamily f = SnapshotConverter.convert(s);
      if (f != null && !f.metrics().isEmpty()) {
        families.add(f);
      }
    }
    String text = clientJavaText(snapshots);

    assertThat(Samples.of(families)).isEqualTo(Samples.parse(text));
    assertThat(metadataLines(families)).isEqualTo(metadataLines(text));
  }

  private static PrometheusRegistry registryWithEveryKind() {
    PrometheusRegistry registry = new PrometheusRegistry();
    JvmMetrics.builder().register(registry);
    Counter.builder().name("x_requests_total").help("with suffix").register(registry).inc(3);
    Counter.builder()
        .name("x_events")
        .help("without suffix")
        .labelNames("kind")
        .register(registry)
        .labelValues("a")
        .inc();
    Gauge.builder().name("x_temperature").help("a \\ and\na newline").register(registry).set(-1.5);
    Summary summary =
        Summary.builder().name("x_latency_seconds").quantile(0.5, 0.05).register(registry);
    summary.observe(0.25);
    Histogram classic = Histogram.builder().name("x_size").labelNames("m").register(registry);
    classic.labelValues("get").observe(0.3);
    classic.labelValues("get").observe(7);
    Histogram nativeOnly = Histogram.builder().name("x_native").nativeOnly().register(registry);
    nativeOnly.observe(-2);
    nativeOnly.observe(0);
    nativeOnly.observe(3);
    Info.builder().name("x_version_info").labelNames("v").register(registry).addLabelValues("1");
    StateSet.builder().name("x_mode").states("on", "off").register(registry).setTrue("on");
    registry.register(
        () ->
            UnknownSnapshot.builder()
                .name("x_unknown")
                .dataPoint(UnknownSnapshot.UnknownDataPointSnapshot.builder().value(42).build())
                .build());
    return registry;
  }

  private static String clientJavaText(MetricSnapshots snapshots) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.create().write(out, snapshots, EscapingScheme.UNDERSCORE_ESCAPING);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static Set<String> metadataLines(List<MetricFamily> families) {
    Set<String> lines = new TreeSet<>();
    for (MetricFamily f : families) {
      lines.add("# TYPE " + f.name() + " " + f.effectiveType().textName());
      if (f.help() != null) {
        String help = f.help().replace("\\", "\\\\").replace("\n", "\\n");
        lines.add("# HELP " + f.name() + " " + help);
      }
    }
    return lines;
  }

  private static Set<String> metadataLines(String text) {
    Set<String> lines = new TreeSet<>();
    for (String line : text.split("\n")) {
      if (line.startsWith("# ")) {
        lines.add(line);
      }
    }
    return lines;
  }
}
