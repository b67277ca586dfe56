package io.pushgateway.http;

import io.pushgateway.exposition.ParseException;
import io.pushgateway.exposition.ProtobufParser;
import io.pushgateway.exposition.TextParser;
import io.pushgateway.log.Log;
import io.pushgateway.model.GroupingKey;
import io.pushgateway.model.MetricFamily;
import io.pushgateway.storage.MetricStore;
import io.pushgateway.storage.PushRules;
import io.pushgateway.storage.WriteRequest;
import io.pushgateway.storage.WriteResult;
import java.io.IOException;
import java.time.Clock;
import java.util.List;

/**
 * {@code PUT} (replace the group) and {@code POST} (replace the pushed families) on the push
 * routes: grouping key from the URL, body decoded and parsed, then one write request to the store.
 * Answers 200 (202 without the consistency check) or 400 with the reason; URL and body errors never
 * touch the store.
 */
final class PushHandler implements Handler {
  static final String INCONSISTENT =
      "pushed metrics are invalid or inconsistent with existing metrics";

  private final MetricStore store;
  private final boolean checkConsistency;
  private final long maxBodyBytes;
  private final Clock clock;
  private final Log log;
  private final RequestObserver observer;

  PushHandler(
      MetricStore store,
      boolean checkConsistency,
      long maxBodyBytes,
      Clock clock,
      Log log,
      RequestObserver observer) {
    this.store = store;
    this.checkConsistency = checkConsistency;
    this.maxBodyBytes = maxBodyBytes;
    this.clock = clock;
    this.log = log;
    this.observer = observer;
  }

  @Override
  public void handle(Exchange exchange, PathParams params) throws IOException {
    long start = System.nanoTime();
    String method = exchange.method();
    long size = approximateRequestSize(exchange);
    push(
        new AnswerHookExchange(
            exchange,
            status -> observer.observePush(method, (System.nanoTime() - start) / 1e9, size)),
        params);
  }

  private void push(Exchange exchange, PathParams params) throws IOException {
    GroupingKey key;
    List<MetricFamily> families;
    try {
      key = GroupingKeyPath.fromParams(params);
    } catch (BadRequestException e) {
      log.debug("failed to parse URL", "url", params.get("labels"), "err", HttpErrors.messageOf(e));
      HttpErrors.error(exchange, 400, HttpErrors.messageOf(e));
      return;
    }
    try {
      byte[] body =
          BodyDecoding.readBody(
              exchange.requestBody(), exchange.requestHeader("Content-Encoding"), maxBodyBytes);
      families =
          PushFormat.fromContentType(exchange.requestHeader("Content-Type")) == PushFormat.PROTOBUF
              ? ProtobufParser.parse(body)
              : TextParser.parse(body);
    } catch (BadRequestException | ParseException e) {
      log.debug(
          "failed to parse text",
          "source",
          exchange.remoteAddress(),
          "err",
          HttpErrors.messageOf(e));
      HttpErrors.error(exchange, 400, HttpErrors.messageOf(e));
      return;
    } catch (BodyTooLargeException e) {
      HttpErrors.error(exchange, 413, HttpErrors.messageOf(e));
      return;
    }
    boolean replace = exchange.method().equals("PUT");
    WriteRequest.Push request = PushRules.prepare(key, families, replace, clock.instant());
    WriteResult result;
    try {
      result = StoreCalls.await(store.submit(request));
    } catch (StoreCalls.StoreUnavailableException e) {
      HttpErrors.error(exchange, 503, HttpErrors.messageOf(e));
      return;
    }
    String error = result.error();
    if (result.unavailable()) {
      HttpErrors.error(exchange, 503, error == null ? "store unavailable" : error);
      return;
    }
    if (!checkConsistency) {
      HttpErrors.empty(exchange, 202);
      return;
    }
    if (error == null) {
      HttpErrors.empty(exchange, 200);
      return;
    }
    log.error(
        INCONSISTENT,
        "method",
        exchange.method(),
        "source",
        exchange.remoteAddress(),
        "err",
        error);
    HttpErrors.error(exchange, 400, INCONSISTENT + ": " + error);
  }

  /**
   * Go's computeApproximateRequestSize: URL, method, protocol, every header name and value except
   * Host (Go keeps it apart), the host, and the declared body length.
   */
  private static long approximateRequestSize(Exchange exchange) {
    String query = exchange.rawQuery();
    long size = exchange.rawPath().length() + (query == null ? 0 : query.length() + 1);
    size += exchange.method().length() + "HTTP/1.1".length();
    for (String name : exchange.requestHeaderNames()) {
      boolean host = name.equalsIgnoreCase("Host");
      size += host ? 0 : name.length();
      for (String value : exchange.requestHeaders(name)) {
        size += value.length();
      }
    }
    String contentLength = exchange.requestHeader("Content-Length");
    if (contentLength != null) {
      try {
        size += Long.parseLong(contentLength.trim());
      } catch (NumberFormatException e) {
        // An unparsable length counts as unknown, as in Go.
      }
    }
    return size;
  }
}
