package io.pushgateway.http;

import io.pushgateway.log.Log;
import java.io.IOException;

/**
 * {@code PUT}/{@code POST P/-/quit}: with {@code --web.enable-lifecycle} answers and then starts a
 * graceful shutdown; otherwise 403.
 */
final class QuitHandler implements Handler {
  private final boolean enabled;
  private final Runnable shutdown;
  private final Log log;

  QuitHandler(boolean enabled, Runnable shutdown, Log log) {
    this.enabled = enabled;
    this.shutdown = shutdown;
    this.log = log;
  }

  @Override
  public void handle(Exchange exchange, PathParams params) throws IOException {
    if (!enabled) {
      HttpErrors.plainText(exchange, 403, "Lifecycle API is not enabled.");
      return;
    }
    HttpErrors.plainText(exchange, 200, "Requesting termination... Goodbye!");
    log.warn("received termination request via web service, exiting gracefully...");
    // Shut down on another thread: this request must finish before the server stops.
    Thread.ofVirtual().name("quit").start(shutdown);
  }
}
