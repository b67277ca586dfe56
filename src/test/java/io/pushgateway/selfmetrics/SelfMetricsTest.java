package io.pushgateway.selfmetrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.pushgateway.model.Labels;
import io.pushgateway.model.Metric;
import io.pushgateway.model.MetricFamily;
import io.pushgateway.model.MetricType;
import io.pushgateway.model.Quantile;
import io.pushgateway.model.Summary;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SelfMetricsTest {
  private static final BuildInfo BUILD =
      new BuildInfo("1.11.3", "abc123", "HEAD", "me@host", "20260101-00:00:00", "21.0.4");
  private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  private static MetricFamily family(List<MetricFamily> families, String name) {
    return families.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
  }

  private static Summary summary(List<MetricFamily> families, String name) {
    MetricFamily f = family(families, name);
    assertThat(f.metrics()).hasSize(1);
    assertThat(f.metrics().get(0).labels()).isEqualTo(Labels.of("method", "put"));
    return Objects.requireNonNull(f.metrics().get(0).summary());
  }

  @Test
  void predefined_hasPushgatewayFamiliesWithGoNamesTypesAndHelp() {
    Map<String, OwnFamily> predefined = SelfMetrics.withoutJvmMetrics(BUILD).predefined();

    assertThat(predefined.values())
        .containsExactly(
            new OwnFamily(
                "pushgateway_build_info",
                MetricType.GAUGE,
                "A metric with a constant '1' value labeled by version, revision, branch,"
                    + " goversion from which pushgateway was built, and the goos and goarch for"
                    + " the build.",
                true),
            new OwnFamily(
                "pushgateway_http_push_duration_seconds",
                MetricType.SUMMARY,
                "HTTP request duration for pushes to the Pushgateway.",
                false),
            new OwnFamily(
                "pushgateway_http_push_size_bytes",
                MetricType.SUMMARY,
                "HTTP request size for pushes to the Pushgateway.",
                false),
            new OwnFamily(
                "pushgateway_http_requests_total",
                MetricType.COUNTER,
                "Total HTTP requests processed by the Pushgateway, excluding scrapes.",
                false));
    assertThat(predefined.keySet())
        .containsExactly(
            "pushgateway_build_info",
            "pushgateway_http_push_duration_seconds",
            "pushgateway_http_push_size_bytes",
            "pushgateway_http_requests_total");
  }

  @Test
  void collect_freshStart_hasOnlyBuildInfoWithGoLabels() {
    List<MetricFamily> families = SelfMetrics.withoutJvmMetrics(BUILD).collect();

    assertThat(families).extracting(MetricFamily::name).containsExactly("pushgateway_build_info");
    Metric info = families.get(0).metrics().get(0);
    assertThat(info.labels().toString())
        .matches(
            "\\{branch=\"HEAD\",goarch=\"[a-z0-9]+\",goos=\"[a-z]+\",goversion=\"21.0.4\","
                + "revision=\"abc123\",tags=\"unknown\",version=\"1.11.3\"}");
    assertThat(Objects.requireNonNull(info.gauge()).value()).isEqualTo(1);
  }

  @Test
  void buildInfo_tagsComeFromTheRecord() {
    BuildInfo tagged = new BuildInfo("1", "r", "b", "u", "d", "21", "netgo");

    Metric info = SelfMetrics.withoutJvmMetrics(tagged).collect().get(0).metrics().get(0);

    assertThat(info.labels().get("tags")).isEqualTo("netgo");
  }

  @Test
  void countRequest_countsByCodeHandlerAndGoMethodName() {
    SelfMetrics metrics = SelfMetrics.withoutJvmMetrics(BUILD);

    metrics.countRequest("push", "PUT", 400);
    metrics.countRequest("push", "put", 400);
    metrics.countRequest("healthy", "GET", 0);
    metrics.countRequest("status", "PROPFIND", 405);
    metrics.countRequest("status", "Get", 200);

    MetricFamily requests = family(metrics.collect(), "pushgateway_http_requests_total");
    assertThat(requests.type()).isEqualTo(MetricType.COUNTER);
    assertThat(requests.metrics())
        .extracting(m -> m.labels() + " " + Objects.requireNonNull(m.counter()).value())
        .containsExactlyInAnyOrder(
            "{code=\"400\",handler=\"push\",method=\"put\"} 2.0",
            "{code=\"200\",handler=\"healthy\",method=\"get\"} 1.0",
            "{code=\"405\",handler=\"status\",method=\"unknown\"} 1.0",
            "{code=\"200\",handler=\"status\",method=\"unknown\"} 1.0");
  }

  @Test
  void observePush_showsInDurationAndSizeSummaries() {
    SelfMetrics metrics = SelfMetrics.withoutJvmMetrics(BUILD);

    metrics.observePush("PUT", 0.002, 156);

    List<MetricFamily> families = metrics.collect();
    Summary duration = summary(families, "pushgateway_http_push_duration_seconds");
    assertThat(duration.quantiles())
        .containsExactly(Quantile.of(0.1, 0.002), Quantile.of(0.5, 0.002), Quantile.of(0.9, 0.002));
    assertThat(duration.sampleCount()).isEqualTo(1);
    assertThat(duration.sampleSum()).isEqualTo(0.002);
    Summary size = summary(families, "pushgateway_http_push_size_bytes");
    assertThat(size.quantiles()).extracting(Quantile::value).containsOnly(156.0);
    assertThat(size.sampleSum()).isEqualTo(156);
  }

  @Test
  void collect_sortsFamiliesByName() {
    SelfMetrics metrics = new SelfMetrics(BUILD);
    metrics.countRequest("push", "POST", 200);

    List<String> names = metrics.collect().stream().map(MetricFamily::name).toList();

    assertThat(names).isSorted();
  }

  @Test
  void collect_includesJvmAndProcessFamiliesNamedAsClientJavaExposesThem() {
    SelfMetrics metrics = new SelfMetrics(BUILD);

    List<MetricFamily> families = metrics.collect();

    MetricFamily heap = family(families, "jvm_memory_used_bytes");
    assertThat(heap.type()).isEqualTo(MetricType.GAUGE);
    assertThat(heap.metrics()).extracting(Metric::labels).contains(Labels.of("area", "heap"));
    assertThat(family(families, "process_cpu_seconds_total").type()).isEqualTo(MetricType.COUNTER);
    assertThat(family(families, "jvm_runtime_info").type()).isEqualTo(MetricType.GAUGE);
    assertThat(family(families, "jvm_gc_collection_seconds").type()).isEqualTo(MetricType.SUMMARY);
    assertThat(metrics.predefined())
        .containsKeys("jvm_threads_state", "process_start_time_seconds");
  }

  @Test
  void collect_withTraffic_isAValidConsistentExposition() {
    SelfMetrics metrics = new SelfMetrics(BUILD);
    metrics.countRequest("push", "POST", 200);
    metrics.observePush("POST", 0.01, 300);

    List<MetricFamily> families = metrics.collect();

    Set<String> names = new HashSet<>();
    for (MetricFamily f : families) {
      assertThat(f.name()).matches(METRIC_NAME);
      assertThat(names.add(f.name())).as("duplicate family %s", f.name()).isTrue();
      assertThat(f.type()).isNotNull();
      if (f.type() == MetricType.COUNTER) {
        assertThat(f.name()).endsWith("_total");
      }
      assertWellFormedMetrics(f);
      assertThat(metrics.predefined().get(f.name()))
          .as("predefined %s", f.name())
          .isNotNull()
          .extracting(OwnFamily::type, OwnFamily::help)
          .containsExactly(f.type(), f.help());
    }
    assertNoSuffixCollisions(families, names);
  }

  private static void assertWellFormedMetrics(MetricFamily f) {
    assertThat(f.metrics()).isNotEmpty();
    Set<Labels> seen = new HashSet<>();
    for (Metric m : f.metrics()) {
      assertThat(m.hasValueFor(f.effectiveType())).isTrue();
      assertThat(seen.add(m.labels())).as("duplicate series in %s", f.name()).isTrue();
      assertThat(m.labels().firstDuplicateName()).isNull();
      for (int i = 0; i < m.labels().size(); i++) {
        assertThat(m.labels().name(i)).matches(LABEL_NAME).doesNotStartWith("__");
      }
    }
  }

  /** Go's registry rejects e.g. a family x_count next to a summary or histogram x. */
  private static void assertNoSuffixCollisions(List<MetricFamily> families, Set<String> names) {
    for (MetricFamily f : families) {
      if (f.type() == MetricType.SUMMARY || f.type() == MetricType.HISTOGRAM) {
        assertThat(names).doesNotContain(f.name() + "_count", f.name() + "_sum");
        assertThat(names).doesNotContain(f.name() + "_bucket");
      }
    }
  }
}
