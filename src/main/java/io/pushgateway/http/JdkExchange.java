package io.pushgateway.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@link Exchange} over the JDK's {@code com.sun.net.httpserver.HttpExchange}.
 *
 * <p>JDK specifics handled here: {@code sendResponseHeaders(status, -1)} means "no body" (sent as
 * {@code Content-Length: 0}) and {@code 0} means chunked; HEAD answers get no body from the JDK, so
 * their Content-Length is set by hand, as Go announces it; and bodies are written in slices of at
 * most 64 KiB, because the JDK copies each {@code write} into a new heap buffer of that size. The
 * JDK adds {@code Date} itself and never adds a Content-Type.
 */
final class JdkExchange implements Exchange {
  static final int MAX_WRITE = 64 * 1024;

  private final HttpExchange exchange;
  private boolean started;

  JdkExchange(HttpExchange exchange) {
    this.exchange = exchange;
  }

  @Override
  public String method() {
    return exchange.getRequestMethod();
  }

  @Override
  public String rawPath() {
    URI uri = exchange.getRequestURI();
    String ssp = uri.getRawSchemeSpecificPart();
    if (uri.getScheme() == null && ssp != null && ssp.startsWith("//")) {
      // java.net.URI reads a request target like //a/b as authority "a" and path "/b"; the
      // request line meant the path //a/b (which the mux then redirects, as Go does).
      String target = ssp;
      int query = target.indexOf('?');
      return query < 0 ? target : target.substring(0, query);
    }
    String path = uri.getRawPath();
    return path == null ? "" : path;
  }

  @Override
  public @Nullable String rawQuery() {
    URI uri = exchange.getRequestURI();
    return uri.getRawQuery();
  }

  @Override
  public @Nullable String requestHeader(String name) {
    return exchange.getRequestHeaders().getFirst(name);
  }

  @Override
  public List<String> requestHeaderNames() {
    return List.copyOf(exchange.getRequestHeaders().keySet());
  }

  @Override
  public List<String> requestHeaders(String name) {
    List<String> values = exchange.getRequestHeaders().get(name);
    return values == null ? List.of() : List.copyOf(values);
  }

  @Override
  public InputStream requestBody() {
    return exchange.getRequestBody();
  }

  @Override
  public String remoteAddress() {
    return goHostPort(exchange.getRemoteAddress());
  }

  @Override
  public void setHeader(String name, String value) {
    exchange.getResponseHeaders().set(name, value);
  }

  @Override
  public void addHeader(String name, String value) {
    exchange.getResponseHeaders().add(name, value);
  }

  @Override
  public void respond(int status, byte[] body) throws IOException {
    respond(status, ByteSource.of(body));
  }

  @Override
  public void respond(int status, ByteSource body) throws IOException {
    markStarted();
    long size = body.size();
    if (isHead()) {
      if (size > 0) {
        setHeader("Content-Length", Long.toString(size));
      }
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, size == 0 ? -1 : size);
    if (size > 0) {
      try (OutputStream out = new SlicingOutputStream(exchange.getResponseBody())) {
        body.writeTo(out);
      }
    }
  }

  @Override
  public OutputStream respondStreaming(int status) throws IOException {
    markStarted();
    if (isHead()) {
      exchange.sendResponseHeaders(status, -1);
      return OutputStream.nullOutputStream();
    }
    exchange.sendResponseHeaders(status, 0);
    return new SlicingOutputStream(exchange.getResponseBody());
  }

  @Override
  public boolean responseStarted() {
    return started;
  }

  private void markStarted() {
    if (started) {
      throw new IllegalStateException("response already sent");
    }
    started = true;
  }

  private boolean isHead() {
    return exchange.getRequestMethod().equals("HEAD");
  }

  /** Go's {@code RemoteAddr}: {@code host:port}, IPv6 compressed and in brackets. */
  static String goHostPort(@Nullable InetSocketAddress address) {
    if (address == null) {
      return "";
    }
    InetAddress ip = address.getAddress();
    if (ip == null) {
      return address.getHostString() + ":" + address.getPort();
    }
    String host = GoIp.format(ip);
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.getPort();
  }

  /** Splits large writes so the JDK never allocates more than 64 KiB per write. */
  private static final class SlicingOutputStream extends FilterOutputStream {
    SlicingOutputStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      for (int done = 0; done < len; done += MAX_WRITE) {
        out.write(b, off + done, Math.min(MAX_WRITE, len - done));
      }
    }
  }
}
