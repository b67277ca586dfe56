package io.pushgateway.http;

import io.pushgateway.webconfig.Permissions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An exchange that passes every call on to another one; subclasses override what they change.
 * {@link #withRequestBody} is not forwarded, so that a replaced body still goes through the
 * subclass.
 */
abstract class ForwardingExchange implements Exchange {
  private final Exchange delegate;

  ForwardingExchange(Exchange delegate) {
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
  public List<String> requestHeaderNames() {
    return delegate.requestHeaderNames();
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
  public void respond(int status, byte[] responseBody) throws IOException {
    delegate.respond(status, responseBody);
  }

  @Override
  public void respond(int status, ByteSource responseBody) throws IOException {
    delegate.respond(status, responseBody);
  }

  @Override
  public OutputStream respondStreaming(int status) throws IOException {
    return delegate.respondStreaming(status);
  }

  @Override
  public boolean responseStarted() {
    return delegate.responseStarted();
  }

  @Override
  public Permissions permissions() {
    return delegate.permissions();
  }
}
