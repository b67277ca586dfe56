package io.pushgateway.http;

import java.io.IOException;
import java.io.OutputStream;

/** Wraps a handler so every answer it gives is counted under the handler's name, as Go does. */
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
    StatusRecorder recorder = new StatusRecorder(exchange);
    try {
      delegate.handle(recorder, params);
    } finally {
      observer.countRequest(name, exchange.method(), recorder.status);
    }
  }

  /** Remembers the status the handler answered with (500 if it throws before answering). */
  private static final class StatusRecorder extends ForwardingExchange {
    private int status = 500;

    StatusRecorder(Exchange delegate) {
      super(delegate);
    }

    @Override
    public void respond(int status, byte[] body) throws IOException {
      this.status = status;
      super.respond(status, body);
    }

    @Override
    public void respond(int status, ByteSource body) throws IOException {
      this.status = status;
      super.respond(status, body);
    }

    @Override
    public OutputStream respondStreaming(int status) throws IOException {
      this.status = status;
      return super.respondStreaming(status);
    }
  }
}
