package io.pushgateway.http;

import io.pushgateway.log.Log;
import io.pushgateway.model.MetricFamily;
import io.pushgateway.storage.MetricStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** Builds the gateway's HTTP surface: every endpoint handler wired into the {@link Dispatcher}. */
public final class HttpApi {
  /**
   * Everything the handlers need.
   *
   * @param uiPathPrefix the prefix of the web UI's links: the external URL's path, or {@code .}
   * @param flagsForStatus flag values for the status API
   * @param buildInfo build information for the status API (Go's key names)
   */
  public record Settings(
      String routePrefix,
      String uiPathPrefix,
      String telemetryPath,
      boolean enableAdminApi,
      boolean enableLifecycle,
      boolean checkConsistency,
      PushLimits pushLimits,
      Map<String, String> flagsForStatus,
      Map<String, String> buildInfo,
      Instant startTime) {}

  private HttpApi() {}

  /** The dispatcher for all routes. */
  public static Dispatcher dispatcher(
      Settings settings,
      MetricStore store,
      Supplier<List<MetricFamily>> ownFamilies,
      RequestObserver observer,
      Runnable shutdown,
      Log log) {
    Clock clock = Clock.systemUTC();
    ZoneId zone = ZoneId.systemDefault();
    ApiHandlers api =
        new ApiHandlers(
            store, settings.flagsForStatus(), settings.buildInfo(), settings.startTime(), zone);
    StaticHandler assets = StaticHandler.load(settings.startTime());
    UiHandler ui =
        new UiHandler(
            store,
            settings.uiPathPrefix(),
            settings.enableAdminApi(),
            assets,
            new UiStatus(
                settings.flagsForStatus(), settings.buildInfo(), settings.startTime(), zone),
            clock,
            zone);
    Routes.Builder routes =
        Routes.builder()
            .healthy(counted("healthy", new HealthHandler(store, log), observer))
            .ready(counted("ready", new HealthHandler(store, log), observer))
            .scrape(PermissionGuard.read(new ScrapeHandler(store, ownFamilies, log)))
            .push(
                PermissionGuard.push(
                    counted(
                        "push",
                        new PushHandler(
                            store,
                            settings.checkConsistency(),
                            settings.pushLimits(),
                            clock,
                            log,
                            observer),
                        observer)))
            .delete(
                PermissionGuard.delete(
                    counted("delete", new DeleteHandler(store, clock, log), observer)))
            .staticFiles(PermissionGuard.read(counted("static", assets, observer)))
            .ui(PermissionGuard.read(counted("status", ui, observer)))
            .quit(PermissionGuard.admin(new QuitHandler(settings.enableLifecycle(), shutdown, log)))
            .apiStatus(PermissionGuard.read(counted("api/v1/status", api.status(), observer)))
            .apiMetrics(PermissionGuard.read(counted("api/v1/metrics", api.metrics(), observer)))
            .apiOptions(counted("api/v1/options", api.options(), observer));
    if (settings.enableAdminApi()) {
      routes.wipe(
          PermissionGuard.admin(counted("wipe", new WipeHandler(store, clock, log), observer)));
    }
    return Dispatcher.create(
        settings.routePrefix(), settings.telemetryPath(), routes.build(), HttpApi::checkGzipBody);
  }

  private static Handler counted(String name, Handler handler, RequestObserver observer) {
    return new CountedHandler(name, handler, observer);
  }

  /** Go's body decoder wrapper: a gzip body must at least start with a gzip header. */
  private static @Nullable Exchange checkGzipBody(Exchange exchange) throws IOException {
    String encoding = exchange.requestHeader("Content-Encoding");
    java.io.InputStream body = new java.io.BufferedInputStream(exchange.requestBody(), 8192);
    try {
      BodyDecoding.checkGzipHeader(encoding, body);
    } catch (BadRequestException e) {
      HttpErrors.error(exchange, 400, HttpErrors.messageOf(e));
      return null;
    }
    return exchange.withRequestBody(body);
  }
}
