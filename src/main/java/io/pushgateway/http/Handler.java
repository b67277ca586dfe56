package io.pushgateway.http;

import java.io.IOException;

/** Answers one routed request; {@code params} holds the route's {@code :name}/{@code *name}. */
@FunctionalInterface
public interface Handler {
  void handle(Exchange exchange, PathParams params) throws IOException;
}
