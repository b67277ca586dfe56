package io.pushgateway.http;

import io.pushgateway.log.Log;
import io.pushgateway.model.MetricFamily;
import io.pushgateway.storage.MetricStore;
import io.pushgateway.storage.StoreState;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code GET <telemetry path>}: the gateway's own metrics and every pushed family, in the text
 * format or protobuf as the {@code Accept} header asks, gzip-compressed when {@code
 * Accept-Encoding} allows. An inconsistent store (only possible with the consistency check off)
 * answers 500 with the reasons, as Go does.
 */
final class ScrapeHandler implements Handler {
  private final MetricStore store;
  private final Supplier<List<MetricFamily>> ownFamilies;
  private final ScrapeRenderer renderer = new ScrapeRenderer();
  private final Log log;

  ScrapeHandler(MetricStore store, Supplier<List<MetricFamily>> ownFamilies, Log log) {
    this.store = store;
    this.ownFamilies = ownFamilies;
    this.log = log;
  }

  @Override
  public void handle(Exchange exchange, PathParams params) throws IOException {
    StoreState state = store.state();
    if (!state.isConsistent()) {
      String problems = state.describeProblems();
      log.error("error gathering metrics: " + problems);
      HttpErrors.error(
          exchange, 500, "An error has occurred while serving metrics:\n\n" + problems);
      return;
    }
    ScrapeFormat format = ScrapeFormat.negotiate(exchange.requestHeader("Accept"));
    ScrapeBody body =
        renderer.render(
            state,
            ownFamilies.get(),
            format == ScrapeFormat.TEXT
                ? ScrapeRenderer.Format.TEXT
                : ScrapeRenderer.Format.PROTOBUF);
    body = ProtobufTextBodies.convert(body, format);
    exchange.setHeader("Content-Type", format.contentType());
    if (ScrapeFormat.acceptsGzip(exchange.requestHeader("Accept-Encoding"))) {
      exchange.setHeader("Content-Encoding", "gzip");
      exchange.respond(200, body.gzip());
      return;
    }
    exchange.respond(200, body.plain());
  }
}
