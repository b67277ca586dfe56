package io.pushgateway.http;

/**
 * {@link Routes} whose handlers answer {@code 299} with {@code <name> <params>}, so tests see which
 * endpoint a request reached and with which path parameters.
 */
final class RecordingRoutes {
  static final int HIT = 299;

  private RecordingRoutes() {}

  static Routes all(boolean adminApi) {
    Routes.Builder builder =
        Routes.builder()
            .healthy(named("healthy"))
            .ready(named("ready"))
            .scrape(named("scrape"))
            .push(named("push"))
            .delete(named("delete"))
            .staticFiles(named("static"))
            .ui(named("ui"))
            .pprof(named("pprof"))
            .quit(named("quit"))
            .apiStatus(named("apiStatus"))
            .apiMetrics(named("apiMetrics"))
            .apiOptions(named("apiOptions"));
    if (adminApi) {
      builder.wipe(named("wipe"));
    }
    return builder.build();
  }

  static Handler named(String name) {
    return (exchange, params) ->
        HttpErrors.plainText(exchange, HIT, name + " " + exchange.method() + " " + params);
  }
}
