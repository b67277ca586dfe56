package io.pushgateway.http;

import io.pushgateway.exposition.ParseException;
import io.pushgateway.exposition.ProtobufParser;
import io.pushgateway.exposition.PushLimitException;
import io.pushgateway.exposition.TextParser;
import io.pushgateway.log.Log;
import io.pushgateway.model.GroupingKey;
import io.pushgateway.model.MetricFamily;
import io.pushgateway.storage.Limits;
import io.pushgateway.storage.MetricStore;
import io.pushgateway.storage.PushRules;
import io.pushgateway.storage.WriteRequest;
import io.pushgateway.storage.WriteResult;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code PUT} (replace the group) and {@code POST} (replace the pushed families) on the push
 * routes: grouping key from the URL, body decoded and parsed, then one write request to the store.
 * Answers 200 (202 without the consistency check) or 400 with the reason; URL and body errors never
 * touch the store.
 *
 * <p>Limits: a body or push over a {@link PushLimits} limit, or a group over its series limit, is
 * answered with 413; a push the gateway cannot take now (store full, too much push data in flight)
 * with 429. The answer names the limit's flag and value, the refusal is counted by limit, and the
 * store is left exactly as it was.
 */
final class PushHandler implements Handler {
  static final String INCONSISTENT =
      "pushed metrics are invalid or inconsistent with existing metrics";

  /**
   * What the budget of push data in flight counts for each parsed series (model objects, labels and
   * the copy the grouping labels make), on top of the body's bytes; see README, "Limits".
   */
  static final long ESTIMATED_BYTES_PER_PARSED_SERIES = 400;

  private final MetricStore store;
  private final boolean checkConsistency;
  private final PushLimits limits;
  private final ByteBudget inFlight;
  private final BodyBuffers bodyBuffers;
  private final Clock clock;
  private final Log log;
  private final RequestObserver observer;
  private final LogThrottle refusalWarnings = new LogThrottle(10, TimeUnit.SECONDS);

  PushHandler(
      MetricStore store,
      boolean checkConsistency,
      PushLimits limits,
      Clock clock,
      Log log,
      RequestObserver observer) {
    this.store = store;
    this.checkConsistency = checkConsistency;
    this.limits = limits;
    this.inFlight = new ByteBudget(limits.maxBytesInFlight());
    // Idle buffers worth one largest body: a gateway that gets large pushes keeps that much.
    this.bodyBuffers = new BodyBuffers(limits.maxBodyBytes());
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
    long declared = declaredLength(exchange);
    if (declared > limits.maxBodyBytes()) {
      refuse(
          exchange,
          PushLimits.BODY_BYTES,
          413,
          "push refused: request body of "
              + declared
              + " bytes (Content-Length), limit --"
              + PushLimits.BODY_BYTES
              + "="
              + limits.maxBodyBytes());
      return;
    }
    // Everything this push holds counts against the budget of push data in flight until the store
    // has applied it: the body as it arrives, decompressed, and its parsed series.
    try (ByteBudget.Share memory = inFlight.open()) {
      try {
        BodyDecoding.Body body =
            BodyDecoding.readBody(
                exchange.requestBody(),
                exchange.requestHeader("Content-Encoding"),
                limits.maxBodyBytes(),
                declared,
                memory::take,
                bodyBuffers);
        try {
          families = parse(exchange, key, body);
        } finally {
          bodyBuffers.give(body.bytes()); // the parsed families hold no part of it
        }
        memory.take(ESTIMATED_BYTES_PER_PARSED_SERIES * seriesCount(families));
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
        refuse(exchange, PushLimits.BODY_BYTES, 413, HttpErrors.messageOf(e));
        return;
      } catch (PushLimitException e) {
        refuse(exchange, e.limit().flagName(), 413, HttpErrors.messageOf(e));
        return;
      } catch (ByteBudget.ExhaustedException e) {
        refuse(
            exchange,
            PushLimits.BYTES_IN_FLIGHT,
            429,
            "push refused: pushes in flight hold "
                + e.inUse()
                + " bytes (this one's share included) and this one needs "
                + e.wanted()
                + " more, limit --"
                + PushLimits.BYTES_IN_FLIGHT
                + "="
                + inFlight.capacity());
        return;
      }
      storeAndAnswer(exchange, key, families);
    }
  }

  private List<MetricFamily> parse(Exchange exchange, GroupingKey key, BodyDecoding.Body body) {
    return PushFormat.fromContentType(exchange.requestHeader("Content-Type")) == PushFormat.PROTOBUF
        ? ProtobufParser.parse(
            body.bytes(), 0, body.length(), limits.parse(), PushRules.seriesLabelsOf(key))
        : TextParser.parse(
            body.bytes(), 0, body.length(), false, limits.parse(), PushRules.seriesLabelsOf(key));
  }

  private void storeAndAnswer(Exchange exchange, GroupingKey key, List<MetricFamily> families)
      throws IOException {
    boolean replace = exchange.method().equals("PUT");
    WriteRequest.Push request = PushRules.prepareLabelled(key, families, replace, clock.instant());
    WriteResult result;
    try {
      result = StoreCalls.await(store.submit(request));
    } catch (StoreCalls.StoreUnavailableException e) {
      HttpErrors.error(exchange, 503, HttpErrors.messageOf(e));
      return;
    }
    String error = result.error();
    Limits.Refusal refusal = result.refusal();
    if (refusal != null) {
      refuse(exchange, refusal.limit(), refusal.storeFull() ? 429 : 413, refusal.message());
      return;
    }
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
   * Answers a push refused for a limit, and counts the refusal. The first refusal per limit in 10
   * seconds is logged as a warning, the others at debug level (the counter has them all).
   */
  private void refuse(Exchange exchange, String limit, int status, String message)
      throws IOException {
    observer.countRefusal(limit);
    Object[] fields = {
      "limit", limit, "source", exchange.remoteAddress(), "path", exchange.rawPath(), "err", message
    };
    if (refusalWarnings.allow(limit)) {
      log.warn("push refused (more for this limit within 10s are logged at debug level)", fields);
    } else {
      log.debug("push refused", fields);
    }
    HttpErrors.error(exchange, status, message);
  }

  private static long seriesCount(List<MetricFamily> families) {
    long series = 0;
    for (MetricFamily f : families) {
      series += f.metrics().size();
    }
    return series;
  }

  /** The request's Content-Length, or -1 when it has none (chunked) or it is not a number. */
  private static long declaredLength(Exchange exchange) {
    String contentLength = exchange.requestHeader("Content-Length");
    if (contentLength == null) {
      return -1;
    }
    try {
      return Long.parseLong(contentLength.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
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
