package io.pushgateway.http;

import io.pushgateway.log.Log;
import io.pushgateway.storage.MetricStore;
import io.pushgateway.storage.WriteRequest;
import java.io.IOException;
import java.time.Clock;

/**
 * {@code PUT P/api/v1/admin/wipe} (admin API only): deletes every group existing when the request
 * is applied and answers 202 without CORS headers.
 */
final class WipeHandler implements Handler {
  private final MetricStore store;
  private final Clock clock;
  private final Log log;

  WipeHandler(MetricStore store, Clock clock, Log log) {
    this.store = store;
    this.clock = clock;
    this.log = log;
  }

  @Override
  public void handle(Exchange exchange, PathParams params) throws IOException {
    log.debug("start wiping metric store");
    try {
      StoreCalls.awaitApplied(store.submit(new WriteRequest.Wipe(clock.instant())));
    } catch (StoreCalls.StoreUnavailableException e) {
      HttpErrors.error(exchange, 503, HttpErrors.messageOf(e));
      return;
    }
    HttpErrors.empty(exchange, 202);
  }
}
