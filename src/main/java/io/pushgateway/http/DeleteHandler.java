package io.pushgateway.http;

import io.pushgateway.log.Log;
import io.pushgateway.model.GroupingKey;
import io.pushgateway.storage.MetricStore;
import io.pushgateway.storage.WriteRequest;
import java.io.IOException;
import java.time.Clock;

/**
 * {@code DELETE} on the push routes: removes exactly the addressed group and answers 202 (also when
 * the group does not exist). Unlike Go it answers once the delete is applied, so a scrape that
 * follows the answer no longer sees the group.
 */
final class DeleteHandler implements Handler {
  private final MetricStore store;
  private final Clock clock;
  private final Log log;

  DeleteHandler(MetricStore store, Clock clock, Log log) {
    this.store = store;
    this.clock = clock;
    this.log = log;
  }

  @Override
  public void handle(Exchange exchange, PathParams params) throws IOException {
    GroupingKey key;
    try {
      key = GroupingKeyPath.fromParams(params);
    } catch (BadRequestException e) {
      log.debug("failed to parse URL", "url", params.get("labels"), "err", HttpErrors.messageOf(e));
      HttpErrors.error(exchange, 400, HttpErrors.messageOf(e));
      return;
    }
    try {
      StoreCalls.awaitApplied(store.submit(new WriteRequest.Delete(key, clock.instant())));
    } catch (StoreCalls.StoreUnavailableException e) {
      HttpErrors.error(exchange, 503, HttpErrors.messageOf(e));
      return;
    }
    HttpErrors.empty(exchange, 202);
  }
}
