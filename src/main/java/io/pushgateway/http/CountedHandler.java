package io.pushgateway.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.jspecify.annotations.Nullable;

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
  private static final class StatusRecorder implements Exchange {
    private final Exchange delegate;
    private int status = 500;

    StatusRecorder(Exchange delegate) {
      this.delegate = delegate;
    }

    @Override
    public String method() {
      return delegate.method();
    }

    @Override
    public String rawPath() {
      return delegate.rawPath();
    }

    @Override
    public @Nullable String rawQuery() {
      return delegate.rawQuery();
    }

    @Override
    public @Nullable String requestHeader(String name) {
      return delegate.requestHeader(name);
    }

    @Override
    public List<String> requestHeaders(String name) {
      return delegate.requestHeaders(name);
    }

    @Override
    public InputStream requestBody() {
      return delegate.requestBody();
    }

    @Override
    public String remoteAddress() {
      return delegate.remoteAddress();
    }

    @Override
    public void setHeader(String name, String value) {
      delegate.setHeader(name, value);
    }

    @Override
    public void addHeader(String name, String value) {
      delegate.addHeader(name, value);
    }

    @Override
    public void respond(int status, byte[] body) throws IOException {
      this.status = status;
      delegate.respond(status, body);
    }

    @Override
    public void respond(int status, ByteSource body) throws IOException {
      this.status = status;
      delegate.respond(status, body);
    }

    @Override
    public OutputStream respondStreaming(int status) throws IOException {
      this.status = status;
      return delegate.respondStreaming(status);
    }

    @Override
    public boolean responseStarted() {
      return delegate.responseStarted();
    }
  }
}
