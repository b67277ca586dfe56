package io.pushgateway.http;

import io.pushgateway.log.Log;
import io.pushgateway.storage.MetricStore;
import java.io.IOException;

/**
 * {@code GET P/-/healthy} and {@code GET P/-/ready}: {@code OK}, or 500 when the write queue is
 * full.
 */
final class HealthHandler implements Handler {
  private final MetricStore store;
  private final Log log;

  HealthHandler(MetricStore store, Log log) {
    this.store = store;
    this.log = log;
  }

  @Override
  public void handle(Exchange exchange, PathParams params) throws IOException {
    String problem = store.problem();
    if (problem == null) {
      HttpErrors.plainText(exchange, 200, "OK");
      return;
    }
    log.warn(problem);
    HttpErrors.error(exchange, 500, problem);
  }
}
