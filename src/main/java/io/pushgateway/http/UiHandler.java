package io.pushgateway.http;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.pushgateway.storage.MetricStore;
import java.io.IOException;
import java.time.Clock;
import java.time.ZoneId;

/**
 * {@code GET P/} and {@code GET P/status}: the web UI's page, and the UI's own data requests on the
 * same routes, told apart by a {@code view} query parameter that the Go gateway ignores (so Go
 * clients see the page either way):
 *
 * <ul>
 *   <li>{@code view=groups}: a page of groups, see {@link UiGroupList.Request};
 *   <li>{@code view=group&id=...}: one group's families and series, see {@link
 *       UiGroupDetail.Request};
 *   <li>{@code view=status}: flags, build, runtime and store figures.
 * </ul>
 *
 * These answers are internal to the page (compact JSON, no compatibility promise).
 */
final class UiHandler implements Handler {
  private final MetricStore store;
  private final String html;
  private final UiStatus status;
  private final Clock clock;
  private final ZoneId zone;

  /**
   * @param prefix the link prefix of the page ({@code Config.uiPathPrefix()})
   */
  UiHandler(
      MetricStore store,
      String prefix,
      boolean adminApi,
      StaticHandler assets,
      UiStatus status,
      Clock clock,
      ZoneId zone) {
    this.store = store;
    this.html = UiPage.render(prefix, adminApi, assets);
    this.status = status;
    this.clock = clock;
    this.zone = zone;
  }

  @Override
  public void handle(Exchange exchange, PathParams params) throws IOException {
    UiQuery query = UiQuery.parse(exchange.rawQuery());
    switch (query.get("view", "")) {
      case "groups" ->
          json(
              exchange,
              UiGroupList.render(store.state(), UiGroupList.Request.from(query), clock.instant()));
      case "group" ->
          json(
              exchange,
              UiGroupDetail.render(store.state(), UiGroupDetail.Request.from(query), zone));
      case "status" -> json(exchange, status.render(store.state(), clock.instant()));
      default -> {
        exchange.setHeader("Content-Type", "text/html; charset=utf-8");
        exchange.respond(200, html.getBytes(UTF_8));
      }
    }
  }

  private static void json(Exchange exchange, String body) throws IOException {
    exchange.setHeader("Content-Type", "application/json");
    exchange.setHeader("Cache-Control", "no-cache, no-store, must-revalidate");
    exchange.respond(200, body.getBytes(UTF_8));
  }

  /** HTML-escapes text as Go's html/template does for text nodes and attribute values. */
  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&#34;");
        case '\'' -> sb.append("&#39;");
        case '+' -> sb.append("&#43;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
