package io.pushgateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.Summary;
import io.prometheus.metrics.exporter.pushgateway.Format;
import io.prometheus.metrics.exporter.pushgateway.PushGateway;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.pushgateway.exposition.proto.Metrics.Metric;
import io.pushgateway.exposition.proto.Metrics.MetricFamily;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Pushes with the official Java client (io.prometheus:prometheus-metrics-exporter-pushgateway
 * 1.5.1), in protobuf (its default) and text, and checks what a scrape shows. The expected texts
 * are what the Go Pushgateway 1.5.1 shows for the same pushes.
 */
class JavaClientTest {
  @RegisterExtension static final TestGateway gateway = new TestGateway();

  /** A counter, a gauge, a summary and a classic histogram with known values. */
  private static PrometheusRegistry allTypes() {
    PrometheusRegistry registry = new PrometheusRegistry();
    Counter requests =
        Counter.builder()
            .name("jc_requests")
            .help("Requests.")
            .labelNames("code")
            .register(registry);
    requests.labelValues("200").inc(10);
    requests.labelValues("500").inc(2);
    Gauge.builder().name("jc_temperature").help("Temperature.").register(registry).set(21.5);
    Summary latency =
        Summary.builder()
            .name("jc_latency_seconds")
            .help("Latency.")
            .quantile(0.5, 0.01)
            .quantile(0.9, 0.01)
            .register(registry);
    for (double v : new double[] {0.1, 0.2, 0.7, 0.3}) {
      latency.observe(v);
    }
    Histogram sizes =
        Histogram.builder()
            .name("jc_size_bytes")
            .help("Sizes.")
            .classicUpperBounds(10, 100, 1000)
            .classicOnly()
            .register(registry);
    for (double v : new double[] {5, 50, 500, 5000}) {
      sizes.observe(v);
    }
    return registry;
  }

  private static PushGateway.Builder client(String job, PrometheusRegistry registry) {
    return PushGateway.builder().address("127.0.0.1:" + gateway.port()).job(job).registry(registry);
  }

  private static String allTypesScrape(String labels) {
    return """
        # HELP jc_latency_seconds Latency.
        # TYPE jc_latency_seconds summary
        jc_latency_seconds{LABELS,quantile="0.5"} 0.2
        jc_latency_seconds{LABELS,quantile="0.9"} 0.7
        jc_latency_seconds_sum{LABELS} 1.3
        jc_latency_seconds_count{LABELS} 4
        # HELP jc_requests_total Requests.
        # TYPE jc_requests_total counter
        jc_requests_total{code="200",LABELS} 10
        jc_requests_total{code="500",LABELS} 2
        # HELP jc_size_bytes Sizes.
        # TYPE jc_size_bytes histogram
        jc_size_bytes_bucket{LABELS,le="10"} 1
        jc_size_bytes_bucket{LABELS,le="100"} 2
        jc_size_bytes_bucket{LABELS,le="1000"} 3
        jc_size_bytes_bucket{LABELS,le="+Inf"} 4
        jc_size_bytes_sum{LABELS} 5555
        jc_size_bytes_count{LABELS} 4
        # HELP jc_temperature Temperature.
        # TYPE jc_temperature gauge
        jc_temperature{LABELS} 21.5
        """
        .replace("LABELS", labels);
  }

  @Test
  void push_protobuf() throws IOException {
    client("jc_protobuf", allTypes()).build().push();

    assertThat(gateway.pushed("jc_protobuf"))
        .isEqualTo(allTypesScrape("instance=\"\",job=\"jc_protobuf\""));
    assertThat(gateway.pushedWithTimes("jc_protobuf"))
        .contains("push_time_seconds{instance=\"\",job=\"jc_protobuf\"} <time>\n");
  }

  @Test
  void push_text() throws IOException {
    client("jc_text", allTypes()).format(Format.PROMETHEUS_TEXT).build().push();

    assertThat(gateway.pushed("jc_text"))
        .isEqualTo(allTypesScrape("instance=\"\",job=\"jc_text\""));
  }

  @Test
  void pushAdd_replacesOnlyThePushedFamilies_pushReplacesTheGroup() throws IOException {
    client("jc_add", allTypes()).groupingKey("instance", "x").build().push();
    PrometheusRegistry hotter = new PrometheusRegistry();
    Gauge.builder().name("jc_temperature").help("Temperature.").register(hotter).set(99);

    client("jc_add", hotter).groupingKey("instance", "x").build().pushAdd();

    assertThat(gateway.pushed("jc_add"))
        .isEqualTo(
            allTypesScrape("instance=\"x\",job=\"jc_add\"")
                .replace(
                    "jc_temperature{instance=\"x\",job=\"jc_add\"} 21.5",
                    "jc_temperature{instance=\"x\",job=\"jc_add\"} 99"));

    client("jc_add", hotter).groupingKey("instance", "x").build().push();

    assertThat(gateway.pushed("jc_add"))
        .isEqualTo(
            """
            # HELP jc_temperature Temperature.
            # TYPE jc_temperature gauge
            jc_temperature{instance="x",job="jc_add"} 99
            """);
  }

  @Test
  void delete_removesTheGroup() throws IOException {
    PushGateway client = client("jc_delete", allTypes()).groupingKey("instance", "x").build();
    client.push();
    client("jc_delete", allTypes()).build().push();

    client.delete();

    assertThat(gateway.pushedWithTimes("jc_delete"))
        .doesNotContain("instance=\"x\"")
        .contains("jc_temperature{instance=\"\",job=\"jc_delete\"} 21.5\n");
  }

  @Test
  void groupingKey_withSlashAndEmptyValues_isBase64EncodedByTheClient() throws IOException {
    PushGateway client =
        client("jc/group", allTypes())
            .groupingKey("path", "/var/tmp")
            .groupingKey("empty", "")
            .groupingKey("instance", "x")
            .build();

    client.push();

    assertThat(gateway.pushed("jc/group"))
        .isEqualTo(allTypesScrape("empty=\"\",instance=\"x\",job=\"jc/group\",path=\"/var/tmp\""));
    assertThat(gateway.get("/api/v1/metrics").text())
        .contains(
            "\"labels\":{\"empty\":\"\",\"instance\":\"x\",\"job\":\"jc/group\",\"path\":\"/var/tmp\"},"
                + "\"last_push_successful\":true,");

    client.delete();
    assertThat(gateway.pushedWithTimes("jc/group")).isEmpty();
  }

  @Test
  void nativeHistogram_protobuf() throws IOException {
    PrometheusRegistry registry = new PrometheusRegistry();
    Histogram histogram =
        Histogram.builder()
            .name("jc_native_seconds")
            .help("Native.")
            .nativeOnly()
            .register(registry);
    for (double v : new double[] {0.5, 1, 2, 3, -1, 0}) {
      histogram.observe(v);
    }

    client("jc_native", registry).build().push();

    // The text format has no native buckets: only +Inf, sum and count (as in Go).
    assertThat(gateway.pushed("jc_native"))
        .isEqualTo(
            """
            # HELP jc_native_seconds Native.
            # TYPE jc_native_seconds histogram
            jc_native_seconds_bucket{instance="",job="jc_native",le="+Inf"} 6
            jc_native_seconds_sum{instance="",job="jc_native"} 5.5
            jc_native_seconds_count{instance="",job="jc_native"} 6
            """);
    List<MetricFamily> scraped =
        Protobuf.onlyJobs(
            Protobuf.parseDelimited(
                gateway.get("/metrics", "Accept: " + Protobuf.CONTENT_TYPE).body()),
            "jc_native");
    // Schema 5: 0.5, 1, 2 and 3 fall into buckets -32, 0, 32 and 51; -1 into negative bucket 0.
    assertThat(Protobuf.print(withoutPushTimes(scraped)))
        .isEqualTo(
            """
            name: "jc_native_seconds"
            help: "Native."
            type: HISTOGRAM
            metric {
              label {
                name: "instance"
                value: ""
              }
              label {
                name: "job"
                value: "jc_native"
              }
              histogram {
                sample_count: 6
                sample_sum: 5.5
                schema: 5
                zero_threshold: 2.938735877055719E-39
                zero_count: 1
                negative_span {
                  offset: 0
                  length: 1
                }
                negative_delta: 1
                positive_span {
                  offset: -32
                  length: 1
                }
                positive_span {
                  offset: 31
                  length: 1
                }
                positive_span {
                  offset: 31
                  length: 1
                }
                positive_span {
                  offset: 18
                  length: 1
                }
                positive_delta: 1
                positive_delta: 0
                positive_delta: 0
                positive_delta: 0
              }
            }
            """);
  }

  @Test
  void nativeHistogram_text() throws IOException {
    PrometheusRegistry registry = new PrometheusRegistry();
    Histogram histogram =
        Histogram.builder()
            .name("jc_native_seconds")
            .help("Native.")
            .nativeOnly()
            .register(registry);
    for (double v : new double[] {0.5, 1, 2, 3, -1, 0}) {
      histogram.observe(v);
    }

    client("jc_native_text", registry).format(Format.PROMETHEUS_TEXT).build().push();

    assertThat(gateway.pushed("jc_native_text"))
        .isEqualTo(
            """
            # HELP jc_native_seconds Native.
            # TYPE jc_native_seconds histogram
            jc_native_seconds_bucket{instance="",job="jc_native_text",le="+Inf"} 6
            jc_native_seconds_sum{instance="",job="jc_native_text"} 5.5
            jc_native_seconds_count{instance="",job="jc_native_text"} 6
            """);
  }

  @Test
  void createdTimestamps_arePassedOnInProtobufButNeverShownAsText() throws IOException {
    Instant before = Instant.now().minusSeconds(1);
    PrometheusRegistry registry = new PrometheusRegistry();
    Counter.builder().name("jc_created").help("Created.").register(registry).inc();

    client("jc_created", registry).build().push();

    assertThat(gateway.pushed("jc_created"))
        .isEqualTo(
            """
            # HELP jc_created_total Created.
            # TYPE jc_created_total counter
            jc_created_total{instance="",job="jc_created"} 1
            """);
    assertThat(gateway.scrape()).doesNotContain("_created{").doesNotContain("jc_created_created");
    Metric metric =
        Protobuf.onlyJobs(
                Protobuf.parseDelimited(
                    gateway.get("/metrics", "Accept: " + Protobuf.CONTENT_TYPE).body()),
                "jc_created")
            .stream()
            .filter(f -> f.getName().equals("jc_created_total"))
            .findFirst()
            .orElseThrow()
            .getMetric(0);
    assertThat(metric.getCounter().hasCreatedTimestamp()).isTrue();
    assertThat(metric.getCounter().getCreatedTimestamp().getSeconds())
        .isBetween(before.getEpochSecond(), Instant.now().getEpochSecond());
  }

  @Test
  void rejectedPush_isAnIOExceptionWithTheGatewaysReason() throws IOException {
    PrometheusRegistry counter = new PrometheusRegistry();
    Counter.builder().name("jc_clash").help("Clash.").register(counter).inc();
    client("jc_clash_a", counter).build().push();
    PrometheusRegistry gauge = new PrometheusRegistry();
    Gauge.builder().name("jc_clash_total").help("Clash.").register(gauge).set(1);

    assertThatThrownBy(() -> client("jc_clash_b", gauge).build().push())
        .isInstanceOf(IOException.class)
        .hasMessageContaining("400")
        .hasMessageContaining(
            "pushed metrics are invalid or inconsistent with existing metrics: collected metric"
                + " \"jc_clash_total\"");
    assertThat(gateway.pushedWithTimes("jc_clash_b"))
        .contains("push_failure_time_seconds{instance=\"\",job=\"jc_clash_b\"} <time>\n")
        .contains("push_time_seconds{instance=\"\",job=\"jc_clash_b\"} 0\n");
  }

  private static List<MetricFamily> withoutPushTimes(List<MetricFamily> families) {
    return families.stream().filter(f -> !f.getName().startsWith("push_")).toList();
  }
}
