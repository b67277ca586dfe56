package io.pushgateway.http;

import java.io.IOException;

/**
 * Wraps a handler so every answer it gives is counted under the handler's name, as Go does; the
 * count is taken before the answer is sent (500 if the handler fails without answering).
 */
final class CountedHandler implements Handler {
  private final String name;
  private final Handler delegate;
  private final RequestObserver observer;

  CountedHandler(String name, Handler delegate, RequestObserver observer) {
    this.name = name;
    this.delegate = delegate;
    this.observer = observer;
  }

  @Override
  public void handle(Exchange exchange, PathParams params) throws IOException {
    String method = exchange.method();
    AnswerHookExchange counted =
        new AnswerHookExchange(exchange, status -> observer.countRequest(name, method, status));
    try {
      delegate.handle(counted, params);
    } finally {
      if (!counted.answered()) {
        observer.countRequest(name, method, 500);
      }
    }
  }
}
