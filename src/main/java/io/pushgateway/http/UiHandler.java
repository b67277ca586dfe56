package io.pushgateway.http;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.pushgateway.model.Labels;
import io.pushgateway.storage.Group;
import io.pushgateway.storage.MetricStore;
import io.pushgateway.storage.StoredFamily;
import java.io.IOException;

/**
 * {@code GET P/} and {@code GET P/status}: a plain HTML overview of the groups and their families.
 * (A minimal page; the full operator UI is a separate piece of work.)
 */
final class UiHandler implements Handler {
  private final MetricStore store;

  UiHandler(MetricStore store) {
    this.store = store;
  }

  @Override
  public void handle(Exchange exchange, PathParams params) throws IOException {
    StringBuilder html = new StringBuilder(4096);
    html.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">")
        .append("<title>Prometheus Pushgateway</title></head><body>\n")
        .append("<h1>Pushgateway</h1>\n<ul>\n");
    for (Group g : store.state().groups()) {
      html.append("<li>");
      labels(html, g.key().labels());
      if (!g.lastPushSuccessful()) {
        html.append(" <strong>Last push failed!</strong>");
      }
      html.append("<ul>");
      for (StoredFamily f : g.families()) {
        html.append("<li>")
            .append(escape(f.name()))
            .append(" (")
            .append(f.family().effectiveType())
            .append(", ")
            .append(f.family().metrics().size())
            .append(" series)</li>");
      }
      html.append("</ul></li>\n");
    }
    html.append("</ul>\n</body></html>\n");
    exchange.setHeader("Content-Type", "text/html; charset=utf-8");
    exchange.respond(200, html.toString().getBytes(UTF_8));
  }

  private static void labels(StringBuilder html, Labels labels) {
    for (int i = 0; i < labels.size(); i++) {
      html.append(i == 0 ? "" : ", ")
          .append(escape(labels.name(i)))
          .append("=\"")
          .append(escape(labels.value(i)))
          .append('"');
    }
  }

  /** HTML-escapes text as Go's html/template does for text nodes. */
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
