package io.pushgateway.selfmetrics;

import com.sun.management.HotSpotDiagnosticMXBean;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Summary;
import io.prometheus.metrics.instrumentation.jvm.JvmBufferPoolMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmClassLoadingMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmCompilationMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmGarbageCollectorMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmMemoryMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmMemoryPoolAllocationMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmNativeMemoryMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmRuntimeInfoMetric;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.pushgateway.gocompat.GoPlatform;
import io.pushgateway.model.MetricFamily;
import io.pushgateway.model.Utf8Order;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The gateway's own metrics: {@code pushgateway_build_info}, the HTTP instrumentation and the JVM
 * and process metrics that stand in for Go's {@code go_*} and {@code process_*} families. Kept in a
 * private client_java registry and handed to the scrape as model families. Thread-safe.
 */
public final class SelfMetrics {
  static final String BUILD_INFO = "pushgateway_build_info";
  static final String REQUESTS = "pushgateway_http_requests_total";
  static final String PUSH_DURATION = "pushgateway_http_push_duration_seconds";
  static final String PUSH_SIZE = "pushgateway_http_push_size_bytes";
  static final String REFUSALS = "pushgateway_push_refusals_total";

  static final String BUILD_INFO_HELP =
      "A metric with a constant '1' value labeled by version, revision, branch, goversion from"
          + " which pushgateway was built, and the goos and goarch for the build.";
  static final String REQUESTS_HELP =
      "Total HTTP requests processed by the Pushgateway, excluding scrapes.";
  static final String PUSH_DURATION_HELP = "HTTP request duration for pushes to the Pushgateway.";
  static final String PUSH_SIZE_HELP = "HTTP request size for pushes to the Pushgateway.";
  static final String REFUSALS_HELP =
      "Pushes refused because they exceeded a limit, by the limit's flag (an extension of this"
          + " Pushgateway).";

  /** Go's default summary window: 10 minutes in 5 age buckets. */
  private static final long MAX_AGE_SECONDS = 600;

  private static final int AGE_BUCKETS = 5;

  private static final Comparator<MetricFamily> BY_NAME =
      Comparator.comparing(MetricFamily::name, Utf8Order.COMPARATOR);

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final Counter requests;
  private final Summary pushDuration;
  private final Summary pushSize;
  private final @Nullable Counter refusals;
  private final Map<String, OwnFamily> predefined;

  /** Own metrics including the JVM and process metrics. */
  public SelfMetrics(BuildInfo buildInfo) {
    this(buildInfo, List.of(), true);
  }

  /**
   * Own metrics including the JVM and process metrics, and {@code pushgateway_push_refusals_total}
   * with a series at 0 for each of {@code limits} from the start (so the family exists, with its
   * type and help, before the first refusal, as the consistency check and scrapers expect).
   */
  public SelfMetrics(BuildInfo buildInfo, List<String> limits) {
    this(buildInfo, limits, true);
  }

  private SelfMetrics(BuildInfo buildInfo, List<String> limits, boolean jvmMetrics) {
    registerBuildInfo(buildInfo);
    requests =
        Counter.builder()
            .name(REQUESTS)
            .help(REQUESTS_HELP)
            .labelNames("code", "handler", "method")
            .withoutExemplars()
            .register(registry);
    pushDuration = pushSummary(PUSH_DURATION, PUSH_DURATION_HELP);
    pushSize = pushSummary(PUSH_SIZE, PUSH_SIZE_HELP);
    refusals = limits.isEmpty() ? null : refusalCounter(limits);
    if (jvmMetrics) {
      registerJvmMetrics(registry);
    }
    predefined = snapshotFamilies();
  }

  /**
   * The Go Pushgateway's own {@code go_*} and {@code process_*} families (name, type, help), which
   * this gateway does not expose but checks pushed families against exactly as Go does, so a push
   * that Go refuses (say {@code go_goroutines} as a counter) is refused here too.
   */
  public static Map<String, OwnFamily> goRuntimeFamilies() {
    return GoRuntimeFamilies.ALL;
  }

  /**
   * Own metrics without the JVM and process metrics: for tests that create many instances (each JVM
   * registration keeps listeners on the garbage collectors for good).
   */
  public static SelfMetrics withoutJvmMetrics(BuildInfo buildInfo) {
    return new SelfMetrics(buildInfo, List.of(), false);
  }

  /** Like {@link #withoutJvmMetrics(BuildInfo)}, with the refusal counter for {@code limits}. */
  public static SelfMetrics withoutJvmMetrics(BuildInfo buildInfo, List<String> limits) {
    return new SelfMetrics(buildInfo, limits, false);
  }

  private Counter refusalCounter(List<String> limits) {
    Counter counter =
        Counter.builder()
            .name(REFUSALS)
            .help(REFUSALS_HELP)
            .labelNames("limit")
            .withoutExemplars()
            .register(registry);
    for (String limit : limits) {
      counter.labelValues(limit); // creates the series at 0
    }
    return counter;
  }

  private void registerBuildInfo(BuildInfo info) {
    Gauge.builder()
        .name(BUILD_INFO)
        .help(BUILD_INFO_HELP)
        .labelNames("branch", "goarch", "goos", "goversion", "revision", "tags", "version")
        .register(registry)
        .labelValues(
            info.branch(),
            GoPlatform.goarch(System.getProperty("os.arch", "")),
            GoPlatform.goos(System.getProperty("os.name", "")),
            info.javaVersion(),
            info.revision(),
            info.tags(),
            info.version())
        .set(1);
  }

  private Summary pushSummary(String name, String help) {
    return Summary.builder()
        .name(name)
        .help(help)
        .labelNames("method")
        .quantile(0.1, 0.01)
        .quantile(0.5, 0.05)
        .quantile(0.9, 0.01)
        .maxAgeSeconds(MAX_AGE_SECONDS)
        .numberOfAgeBuckets(AGE_BUCKETS)
        .withoutExemplars()
        .register(registry);
  }

  /**
   * What {@code JvmMetrics.builder().register(registry)} registers, but the native memory metrics
   * only when native memory tracking is on: they have no series otherwise, yet finding that out
   * starts the platform MBean server, a quarter of the gateway's start-up time. The thread and
   * process families are our own, with client_java's names and values, because client_java's cost
   * most of a scrape's time (see {@link JvmThreadFamilies} and {@link ProcessFamilies}).
   */
  private static void registerJvmMetrics(PrometheusRegistry registry) {
    JvmThreadFamilies.register(registry);
    JvmBufferPoolMetrics.builder().register(registry);
    JvmClassLoadingMetrics.builder().register(registry);
    JvmCompilationMetrics.builder().register(registry);
    JvmGarbageCollectorMetrics.builder().register(registry);
    JvmMemoryPoolAllocationMetrics.builder().register(registry);
    JvmMemoryMetrics.builder().register(registry);
    if (nativeMemoryTracking()) {
      JvmNativeMemoryMetrics.builder().register(registry);
    }
    JvmRuntimeInfoMetric.builder().register(registry);
    ProcessFamilies.register(registry);
  }

  private static boolean nativeMemoryTracking() {
    HotSpotDiagnosticMXBean hotSpot =
        ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
    try {
      return hotSpot == null
          || !hotSpot.getVMOption("NativeMemoryTracking").getValue().equals("off");
    } catch (IllegalArgumentException e) {
      return true; // not a HotSpot option here: let the library find out
    }
  }

  /**
   * Counts one HTTP request that is not a scrape.
   *
   * @param handler the handler label, e.g. {@code push}, {@code api/v1/status}
   * @param method the request method as received; non-standard methods count as {@code unknown}
   * @param status the response status; 0 (nothing written) counts as 200
   */
  public void countRequest(String handler, String method, int status) {
    requests.labelValues(GoLabelValues.code(status), handler, GoLabelValues.method(method)).inc();
  }

  /** Counts one push refused for {@code limit} (a limit flag's name, e.g. push.max-body-bytes). */
  public void countRefusal(String limit) {
    Counter counter = refusals;
    if (counter != null) {
      counter.labelValues(limit).inc();
    }
  }

  /** Observes one request that reached the push handler: its duration and approximate size. */
  public void observePush(String method, double seconds, long sizeBytes) {
    String label = GoLabelValues.method(method);
    pushDuration.labelValues(label).observe(seconds);
    pushSize.labelValues(label).observe(sizeBytes);
  }

  /**
   * The current own families with at least one series, sorted by name (Go byte order), named and
   * labelled as client_java's text exposition names them.
   */
  public List<MetricFamily> collect() {
    List<MetricFamily> families = new ArrayList<>();
    for (MetricSnapshot snapshot : registry.scrape()) {
      MetricFamily family = SnapshotConverter.convert(snapshot);
      if (family != null && !family.metrics().isEmpty()) {
        families.add(family);
      }
    }
    families.sort(BY_NAME);
    return families;
  }

  /**
   * Name, type and help of every registered own family as of startup (construction), keyed and
   * sorted by name, including families that had no series yet.
   */
  public Map<String, OwnFamily> predefined() {
    return predefined;
  }

  private Map<String, OwnFamily> snapshotFamilies() {
    List<MetricFamily> families = new ArrayList<>();
    for (MetricSnapshot snapshot : registry.scrape()) {
      MetricFamily family = SnapshotConverter.convert(snapshot);
      if (family != null) {
        families.add(family);
      }
    }
    families.sort(BY_NAME);
    Map<String, OwnFamily> byName = new LinkedHashMap<>();
    for (MetricFamily f : families) {
      OwnFamily own = new OwnFamily(f.name(), f.effectiveType(), f.help(), !f.metrics().isEmpty());
      byName.put(f.name(), own);
    }
    return Collections.unmodifiableMap(byName);
  }
}
