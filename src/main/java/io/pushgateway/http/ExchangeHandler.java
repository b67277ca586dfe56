package io.pushgateway.http;

import java.io.IOException;

/** Answers any request reaching the server; {@link Dispatcher} is the main one. */
@FunctionalInterface
public interface ExchangeHandler {
  void handle(Exchange exchange) throws IOException;
}
