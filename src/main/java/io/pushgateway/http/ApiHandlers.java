package io.pushgateway.http;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.pushgateway.storage.MetricStore;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

/**
 * The JSON API under {@code P/api/v1/}: {@code status}, {@code metrics} and the OPTIONS answer,
 * each with Go's CORS and cache headers.
 */
final class ApiHandlers {
  private final MetricStore store;
  private final Map<String, String> flags;
  private final Map<String, String> buildInfo;
  private final Instant startTime;
  private final ZoneId zone;

  /**
   * @param flags every flag's value as shown by the status API, sorted by name
   * @param buildInfo branch, buildDate, buildUser, goVersion, revision, version
   */
  ApiHandlers(
      MetricStore store,
      Map<String, String> flags,
      Map<String, String> buildInfo,
      Instant startTime,
      ZoneId zone) {
    this.store = store;
    this.flags = flags;
    this.buildInfo = buildInfo;
    this.startTime = startTime;
    this.zone = zone;
  }

  Handler status() {
    return (exchange, params) -> {
      GoJson json = new GoJson(1024);
      json.beginObject().key("status").value("success").key("data").beginObject();
      json.key("build_information");
      stringMap(json, buildInfo);
      json.key("flags");
      stringMap(json, flags);
      json.key("start_time").value(GoTime.rfc3339Nano(startTime, zone));
      json.endObject().endObject();
      respondJson(exchange, json.toString());
    };
  }

  Handler metrics() {
    return (exchange, params) -> {
      setJsonHeaders(exchange);
      ApiMetricsJson.respond(store.state(), zone, exchange);
    };
  }

  Handler options() {
    return (exchange, params) -> {
      setCors(exchange);
      HttpErrors.empty(exchange, 200);
    };
  }

  private static void stringMap(GoJson json, Map<String, String> map) {
    json.beginObject();
    map.entrySet().stream()
        .sorted(Map.Entry.comparingByKey(io.pushgateway.model.Utf8Order.COMPARATOR))
        .forEach(e -> json.key(e.getKey()).value(e.getValue()));
    json.endObject();
  }

  private static void respondJson(Exchange exchange, String body) throws IOException {
    setJsonHeaders(exchange);
    exchange.respond(200, body.getBytes(UTF_8));
  }

  private static void setJsonHeaders(Exchange exchange) {
    setCors(exchange);
    exchange.setHeader("Content-Type", "application/json");
  }

  static void setCors(Exchange exchange) {
    exchange.setHeader(
        "Access-Control-Allow-Headers", "Accept, Authorization, Content-Type, Origin");
    exchange.setHeader("Access-Control-Allow-Methods", "GET, POST, DELETE, OPTIONS");
    exchange.setHeader("Access-Control-Allow-Origin", "*");
    exchange.setHeader("Access-Control-Expose-Headers", "Date");
    exchange.setHeader("Cache-Control", "no-cache, no-store, must-revalidate");
  }
}
