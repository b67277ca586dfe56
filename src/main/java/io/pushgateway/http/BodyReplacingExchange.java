package io.pushgateway.http;

import java.io.InputStream;

/** An exchange that reads its request body from another stream; everything else is delegated. */
final class BodyReplacingExchange extends ForwardingExchange {
  private final InputStream body;

  BodyReplacingExchange(Exchange delegate, InputStream body) {
    super(delegate);
    this.body = body;
  }

  @Override
  public InputStream requestBody() {
    return body;
  }
}
