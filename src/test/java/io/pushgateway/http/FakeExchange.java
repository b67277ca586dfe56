package io.pushgateway.http;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An in-memory {@link Exchange} for tests: build a request, run a handler, read what it answered
 * (status, headers, body). Reusable by every handler test in this package.
 */
final class FakeExchange implements Exchange {
  private final String method;
  private final String rawPath;
  private final @Nullable String rawQuery;
  private final Map<String, List<String>> requestHeaders = new LinkedHashMap<>();
  private InputStream requestBody = InputStream.nullInputStream();
  private String remoteAddress = "127.0.0.1:40000";

  private final Map<String, List<String>> responseHeaders = new LinkedHashMap<>();
  private final ByteArrayOutputStream responseBody = new ByteArrayOutputStream();
  private int status = -1;
  private boolean streamed;

  private FakeExchange(String method, String rawPath, @Nullable String rawQuery) {
    this.method = method;
    this.rawPath = rawPath;
    this.rawQuery = rawQuery;
  }

  /** A request for {@code target} as sent on the request line: raw path, then {@code ?query}. */
  static FakeExchange request(String method, String target) {
    int q = target.indexOf('?');
    return q < 0
        ? new FakeExchange(method, target, null)
        : new FakeExchange(method, target.substring(0, q), target.substring(q + 1));
  }

  FakeExchange header(String name, String value) {
    requestHeaders.computeIfAbsent(key(name), k -> new ArrayList<>()).add(value);
    return this;
  }

  FakeExchange body(byte[] body) {
    this.requestBody = new ByteArrayInputStream(body);
    return this;
  }

  FakeExchange body(String body) {
    return body(body.getBytes(UTF_8));
  }

  FakeExchange remote(String address) {
    this.remoteAddress = address;
    return this;
  }

  // ---- what the code under test answered

  /** The status sent, or -1 if none was. */
  int status() {
    return status;
  }

  /** The first value of a response header (case-insensitive), or null. */
  @Nullable String responseHeader(String name) {
    List<String> values = responseHeaders.get(key(name));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** All response headers, names lower-cased. */
  Map<String, List<String>> responseHeaders() {
    return responseHeaders;
  }

  byte[] bodyBytes() {
    return responseBody.toByteArray();
  }

  String bodyText() {
    return responseBody.toString(UTF_8);
  }

  /** Whether the answer was chunked ({@link #respondStreaming}). */
  boolean streamed() {
    return streamed;
  }

  // ---- Exchange

  @Override
  public String method() {
    return method;
  }

  @Override
  public String rawPath() {
    return rawPath;
  }

  @Override
  public @Nullable String rawQuery() {
    return rawQuery;
  }

  @Override
  public @Nullable String requestHeader(String name) {
    List<String> values = requestHeaders.get(key(name));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  @Override
  public List<String> requestHeaderNames() {
    return List.copyOf(requestHeaders.keySet());
  }

  @Override
  public List<String> requestHeaders(String name) {
    return List.copyOf(requestHeaders.getOrDefault(key(name), List.of()));
  }

  @Override
  public InputStream requestBody() {
    return requestBody;
  }

  @Override
  public String remoteAddress() {
    return remoteAddress;
  }

  @Override
  public void setHeader(String name, String value) {
    checkNotStarted();
    List<String> values = new ArrayList<>();
    values.add(value);
    responseHeaders.put(key(name), values);
  }

  @Override
  public void addHeader(String name, String value) {
    checkNotStarted();
    responseHeaders.computeIfAbsent(key(name), k -> new ArrayList<>()).add(value);
  }

  @Override
  public void respond(int status, byte[] body) throws IOException {
    start(status);
    responseBody.write(body);
  }

  @Override
  public void respond(int status, ByteSource body) throws IOException {
    start(status);
    body.writeTo(responseBody);
  }

  @Override
  public OutputStream respondStreaming(int status) {
    start(status);
    streamed = true;
    return responseBody;
  }

  @Override
  public boolean responseStarted() {
    return status >= 0;
  }

  private void start(int status) {
    checkNotStarted();
    this.status = status;
  }

  private void checkNotStarted() {
    if (status >= 0) {
      throw new IllegalStateException("response already sent");
    }
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
