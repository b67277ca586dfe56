package io.pushgateway;

import com.sun.net.httpserver.HttpsConfigurator;
import io.pushgateway.config.Config;
import io.pushgateway.config.GoDuration;
import io.pushgateway.config.Guardrails;
import io.pushgateway.config.VersionInfo;
import io.pushgateway.exposition.ParseLimits;
import io.pushgateway.http.ExchangeHandler;
import io.pushgateway.http.GatewayServer;
import io.pushgateway.http.HttpApi;
import io.pushgateway.http.PushLimits;
import io.pushgateway.http.RequestObserver;
import io.pushgateway.http.ServerLimits;
import io.pushgateway.http.WebSecurityFilter;
import io.pushgateway.log.Log;
import io.pushgateway.persistence.DurableLog;
import io.pushgateway.persistence.PersistenceException;
import io.pushgateway.selfmetrics.BuildInfo;
import io.pushgateway.selfmetrics.SelfMetrics;
import io.pushgateway.storage.Limits;
import io.pushgateway.storage.MetricStore;
import io.pushgateway.storage.OwnFamily;
import io.pushgateway.storage.StateMachine;
import io.pushgateway.storage.StoreState;
import io.pushgateway.webconfig.RateLimit;
import io.pushgateway.webconfig.WebConfigException;
import io.pushgateway.webconfig.WebConfigFile;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/**
 * The running gateway: own metrics, the store and the HTTP server, started together and stopped
 * gracefully (in-flight requests finish, then every queued write is applied).
 */
public final class Pushgateway implements AutoCloseable {
  private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);

  private final Log log;
  private final MetricStore store;
  private final GatewayServer server;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean closing;

  private Pushgateway(Log log, MetricStore store, GatewayServer server) {
    this.log = log;
    this.store = store;
    this.server = server;
  }

  /**
   * Starts a gateway; {@code onQuit} runs when {@code /-/quit} asks the process to stop.
   *
   * @throws PersistenceException if the persistence file is damaged or cannot be used (see its
   *     message)
   * @throws WebConfigException if the web configuration file is invalid (checked before anything
   *     else, so the store is not touched)
   */
  public static Pushgateway start(Config config, VersionInfo version, Log log, Runnable onQuit)
      throws IOException, PersistenceException, WebConfigException {
    Instant startTime = Instant.now();
    WebConfigFile webConfig =
        config.webConfigFile().isEmpty() ? null : WebConfigFile.open(config.webConfigFile());
    // Setting up the own metrics (the JVM instrumentation) takes a while; a restore from the
    // persistence file reads and decodes the file meanwhile and needs them only at the end.
    CompletableFuture<SelfMetrics> selfMetricsSetup =
        CompletableFuture.supplyAsync(
            () -> new SelfMetrics(buildInfo(version), Guardrails.pushLimitNames()),
            Thread.ofPlatform().name("self-metrics-setup").daemon(true)::start);
    Supplier<StoreState> empty = () -> StoreState.empty(ownFamilies(selfMetricsSetup.join()));
    Guardrails guardrails = config.guardrails();
    StateMachine machine =
        new StateMachine(
            !config.disableConsistencyCheck(),
            new Limits(
                guardrails.maxSeriesPerGroup(), guardrails.maxGroups(), guardrails.maxSeries()));
    StoreState initial;
    DurableLog durableLog = null;
    if (!config.persistenceFile().isEmpty()) {
      DurableLog.Opened opened =
          DurableLog.open(
              new DurableLog.Options(
                  Path.of(config.persistenceFile()),
                  config.persistenceFsync(),
                  config.persistenceInterval(),
                  config.persistenceMoveDamagedAside()),
              empty,
              machine,
              log);
      initial = opened.state();
      durableLog = opened.log();
    } else {
      initial = empty.get();
    }
    SelfMetrics selfMetrics = selfMetricsSetup.join();
    MetricStore store =
        new MetricStore(initial, machine, MetricStore.DEFAULT_QUEUE_CAPACITY, durableLog);
    HttpApi.Settings settings =
        new HttpApi.Settings(
            config.routePrefix(),
            config.uiPathPrefix(),
            config.telemetryPath(),
            config.enableAdminApi(),
            config.enableLifecycle(),
            !config.disableConsistencyCheck(),
            pushLimits(guardrails),
            config.flagValuesForStatus(),
            statusBuildInfo(version),
            startTime);
    RequestObserver observer =
        new RequestObserver() {
          @Override
          public void countRequest(String handler, String method, int status) {
            selfMetrics.countRequest(handler, method, status);
          }

          @Override
          public void observePush(String method, double seconds, long sizeBytes) {
            selfMetrics.observePush(method, seconds, sizeBytes);
          }

          @Override
          public void countRefusal(String limit) {
            selfMetrics.countRefusal(limit);
          }
        };
    serverLimits(guardrails).apply();
    ExchangeHandler handler =
        HttpApi.dispatcher(settings, store, selfMetrics::collect, observer, onQuit, log);
    HttpsConfigurator tls =
        webConfig != null && webConfig.startupConfig().tls().enabled()
            ? GatewayServer.tls(webConfig, log)
            : null;
    GatewayServer server;
    try {
      server =
          GatewayServer.start(
              config.listenAddresses(),
              webConfig == null ? handler : new WebSecurityFilter(webConfig, handler, log),
              log,
              tls);
    } catch (IOException | RuntimeException e) {
      store.close();
      throw e;
    }
    for (InetSocketAddress address : server.addresses()) {
      String hostPort = hostPort(address);
      log.info("Listening on", "address", hostPort);
      if (webConfig != null && webConfig.startupConfig().rateLimit().enabled()) {
        RateLimit limit = webConfig.startupConfig().rateLimit();
        log.info(
            "Rate Limiter is enabled.",
            "burst",
            limit.burst(),
            "interval",
            GoDuration.format(limit.interval()));
      }
      // This server speaks HTTP/1.1 only, whatever http_server_config.http2 says.
      log.info(
          tls != null ? "TLS is enabled." : "TLS is disabled.",
          "http2",
          false,
          "address",
          hostPort);
    }
    return new Pushgateway(log, store, server);
  }

  private static PushLimits pushLimits(Guardrails g) {
    return new PushLimits(
        g.maxBodyBytes(),
        g.maxBytesInFlight(),
        new ParseLimits(
            intLimit(g.maxSeriesPerPush()),
            intLimit(g.maxLabelsPerSeries()),
            intLimit(g.maxLabelNameLength()),
            intLimit(g.maxLabelValueLength())));
  }

  private static ServerLimits serverLimits(Guardrails g) {
    return new ServerLimits(
        g.maxConnections(),
        g.maxIdleConnections(),
        g.maxRequestHeaderBytes(),
        g.readTimeout(),
        g.writeTimeout(),
        g.idleTimeout());
  }

  private static int intLimit(long limit) {
    return (int) Math.min(limit, Integer.MAX_VALUE);
  }

  /** The gateway's own families as the store checks pushes against them. */
  private static Map<String, OwnFamily> ownFamilies(SelfMetrics selfMetrics) {
    Map<String, OwnFamily> own = new LinkedHashMap<>();
    selfMetrics.predefined().forEach((name, f) -> own.put(name, storageView(f)));
    SelfMetrics.goRuntimeFamilies().forEach((name, f) -> own.putIfAbsent(name, storageView(f)));
    return own;
  }

  private static OwnFamily storageView(io.pushgateway.selfmetrics.OwnFamily f) {
    return new OwnFamily(f.name(), f.type(), f.help(), f.presentAtStartup());
  }

  /** {@code 127.0.0.1:9091} or {@code [::1]:9091}, as Go prints listen addresses. */
  private static String hostPort(InetSocketAddress address) {
    String host = address.getHostString();
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
  }

  private static BuildInfo buildInfo(VersionInfo v) {
    return new BuildInfo(
        v.version(),
        v.revision(),
        v.branch(),
        v.buildUser(),
        v.buildDate(),
        v.javaVersion(),
        v.tags());
  }

  /** The status API's build information, with Go's key names. */
  private static Map<String, String> statusBuildInfo(VersionInfo v) {
    return Map.of(
        "branch", v.branch(),
        "buildDate", v.buildDate(),
        "buildUser", v.buildUser(),
        "goVersion", v.javaVersion(),
        "revision", v.revision(),
        "version", v.version());
  }

  /** The addresses the server listens on (useful with port 0). */
  public List<InetSocketAddress> addresses() {
    return server.addresses();
  }

  /** Blocks until {@link #close()} has finished. */
  public void awaitStopped() throws InterruptedException {
    stopped.await();
  }

  /** Stops the server gracefully, then the store, which applies every queued write first. */
  @Override
  public void close() {
    synchronized (this) {
      if (closing) {
        return;
      }
      closing = true;
    }
    server.stop(SHUTDOWN_GRACE);
    log.info("HTTP server stopped");
    try {
      store.close();
    } catch (RuntimeException e) {
      // The persistence log still holds every acknowledged write; the process must exit anyway.
      log.error("problem shutting down metric storage", "err", e.getMessage());
    } finally {
      stopped.countDown();
    }
  }
}
