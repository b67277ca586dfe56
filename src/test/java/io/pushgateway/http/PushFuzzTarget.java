package io.pushgateway.http;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import io.pushgateway.exposition.ParseException;
import io.pushgateway.exposition.ParseLimits;
import io.pushgateway.exposition.ProtobufParser;
import io.pushgateway.exposition.TextParser;
import io.pushgateway.log.Log;
import io.pushgateway.model.MetricFamily;
import io.pushgateway.storage.MetricStore;
import io.pushgateway.storage.StateMachine;
import io.pushgateway.storage.StoreState;
import io.pushgateway.storage.WriteRequest;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The push path end to end: the gateway's real dispatcher and handlers over an in-memory store, fed
 * requests with arbitrary method, path, headers and body (no sockets). Shared by the property tests
 * and {@code bench/fuzz-long}.
 *
 * <p>Input: up to {@value #MAX_REQUESTS} requests separated by a line {@code ~~~}, each written
 * like HTTP/1.1 without the version: {@code METHOD TARGET}, header lines {@code Name: value}, an
 * empty line, the body. The store is wiped before each input and holds one base group, so pushes
 * also meet existing families.
 *
 * <p>Invariants: every request is answered, never with 5xx and never by an exception; a request
 * answered with anything but 2xx leaves the store as it was; after every request the scrape parses
 * as text and as protobuf and the JSON API answers well-formed JSON; every family of an accepted
 * push appears in the scrape.
 */
public final class PushFuzzTarget implements AutoCloseable {
  static final int MAX_REQUESTS = 4;
  private static final String LEGACY_NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
  private static final byte[] SEPARATOR = "\n~~~\n".getBytes(ISO_8859_1);
  private static final String PROTOBUF =
      "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily;"
          + " encoding=delimited";
  private static final String BASE_GROUP =
      "# TYPE m gauge\nm{a=\"1\"} 1\n# TYPE c_total counter\nc_total 3\n"
          + "# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_bucket{le=\"+Inf\"} 2\nh_sum 3\nh_count 2\n"
          + "# TYPE s summary\ns{quantile=\"0.5\"} 1\ns_sum 2\ns_count 3\nu 1\n";

  private final MetricStore store;
  private final Dispatcher dispatcher;

  /**
   * False once a push stored a protobuf family whose name breaks the metric name rules but has no
   * space or control character (say {@code a.b}): the gateway exposes it as Go 1.5.1 does, so the
   * scrape is no longer expected to parse until the next input wipes the store.
   */
  private boolean scrapeMustParse;

  /** A gateway with the admin API on, the consistency check as given and a 1 MiB body limit. */
  public PushFuzzTarget(boolean checkConsistency) {
    this(checkConsistency, HttpFuzzTargets.LIMIT);
  }

  /** A gateway with the admin API on, the consistency check and the body limit as given. */
  public PushFuzzTarget(boolean checkConsistency, long maxBodyBytes) {
    store =
        new MetricStore(StoreState.empty(Map.of()), new StateMachine(checkConsistency), 1000, null);
    HttpApi.Settings settings =
        new HttpApi.Settings(
            "",
            ".",
            "/metrics",
            true,
            true,
            checkConsistency,
            new PushLimits(maxBodyBytes, Long.MAX_VALUE, ParseLimits.NONE),
            Map.of(),
            Map.of(),
            Instant.EPOCH);
    dispatcher =
        HttpApi.dispatcher(
            settings, store, List::of, RequestObserver.NONE, () -> {}, Log.discard());
  }

  /** Runs one input (see the class comment). */
  public void run(byte[] input) {
    store.submit(new WriteRequest.Wipe(Instant.EPOCH)).join();
    scrapeMustParse = true;
    FakeExchange base = FakeExchange.request("PUT", "/metrics/job/base").body(BASE_GROUP);
    handle(base);
    HttpFuzzTargets.check(base.status() == 200, "base push failed: " + base.bodyText());
    List<byte[]> requests = split(input);
    for (byte[] request : requests.subList(0, Math.min(MAX_REQUESTS, requests.size()))) {
      runRequest(request);
    }
  }

  /** Wipes the store, then sends one request without checks; returns the status. */
  int answerAlone(String method, String target, String contentType, byte[] body) {
    store.submit(new WriteRequest.Wipe(Instant.EPOCH)).join();
    FakeExchange exchange =
        FakeExchange.request(method, target).header("Content-Type", contentType).body(body);
    handle(exchange);
    return exchange.status();
  }

  private void runRequest(byte[] request) {
    String before = scrapeText();
    FakeExchange exchange = parseRequest(request);
    handle(exchange);
    int status = exchange.status();
    String summary = exchange.method() + " " + exchange.rawPath() + " -> " + status;
    HttpFuzzTargets.check(status >= 100, "no answer: " + summary);
    HttpFuzzTargets.check(status < 500, "server error: " + summary + " " + exchange.bodyText());
    List<MetricFamily> pushed = status < 300 && isPush(exchange) ? pushed(request, exchange) : null;
    if (pushed != null && !pushed.stream().allMatch(f -> f.name().matches(LEGACY_NAME))) {
      scrapeMustParse = false;
    }
    String after = scrapeText();
    if (status >= 300) {
      // A push the store refuses still records the failure time (spec 5.3); nothing else changes.
      boolean storeRefused = exchange.bodyText().startsWith(PushHandler.INCONSISTENT);
      HttpFuzzTargets.check(
          storeRefused
              ? withoutPushTimes(before).equals(withoutPushTimes(after))
              : before.equals(after),
          "refused request changed the store: "
              + summary
              + "\nbefore:\n"
              + before
              + "after:\n"
              + after);
    } else if (pushed != null && scrapeMustParse) {
      checkPushedFamiliesScraped(pushed, after);
    }
    checkProtobufScrape();
    checkJsonApi();
  }

  private static String withoutPushTimes(String scrape) {
    StringBuilder kept = new StringBuilder();
    for (String line : scrape.split("\n", -1)) {
      if (!line.contains("push_time_seconds") && !line.contains("push_failure_time_seconds")) {
        kept.append(line).append('\n');
      }
    }
    return kept.toString();
  }

  private void handle(FakeExchange exchange) {
    try {
      dispatcher.handle(exchange);
    } catch (IOException | RuntimeException e) {
      throw new AssertionError(
          "exception from " + exchange.method() + " " + exchange.rawPath() + ": " + e, e);
    }
  }

  private static boolean isPush(FakeExchange exchange) {
    String method = exchange.method();
    return (method.equals("PUT") || method.equals("POST"))
        && exchange.rawPath().startsWith("/metrics/job");
  }

  private String scrapeText() {
    FakeExchange scrape = FakeExchange.request("GET", "/metrics");
    handle(scrape);
    HttpFuzzTargets.check(scrape.status() == 200, "scrape failed: " + scrape.status());
    byte[] body = scrape.bodyBytes();
    try {
      if (scrapeMustParse) {
        TextParser.parse(body);
      }
    } catch (ParseException e) {
      throw new AssertionError(
          "the scrape does not parse: " + e.getMessage() + "\n" + new String(body, UTF_8), e);
    }
    return new String(body, UTF_8);
  }

  private void checkProtobufScrape() {
    FakeExchange scrape =
        FakeExchange.request("GET", "/metrics").header("Accept", PROTOBUF + ";q=1");
    handle(scrape);
    HttpFuzzTargets.check(scrape.status() == 200, "protobuf scrape failed: " + scrape.status());
    try {
      ProtobufParser.parse(scrape.bodyBytes());
    } catch (ParseException e) {
      throw new AssertionError("the protobuf scrape does not parse: " + e.getMessage(), e);
    }
  }

  private void checkJsonApi() {
    FakeExchange api = FakeExchange.request("GET", "/api/v1/metrics");
    handle(api);
    HttpFuzzTargets.check(api.status() == 200, "JSON API failed: " + api.status());
    String json = api.bodyText();
    HttpFuzzTargets.check(JsonSyntax.isValid(json), "JSON API answer is not JSON: " + json);
  }

  /** The families of an accepted push, decoded and parsed a second time. */
  private static List<MetricFamily> pushed(byte[] request, FakeExchange exchange) {
    try {
      byte[] body =
          BodyDecoding.readBody(
              new java.io.ByteArrayInputStream(bodyOf(request)),
              exchange.requestHeader("Content-Encoding"),
              HttpFuzzTargets.LIMIT);
      return PushFormat.fromContentType(exchange.requestHeader("Content-Type"))
              == PushFormat.PROTOBUF
          ? ProtobufParser.parse(body)
          : TextParser.parse(body);
    } catch (IOException | RuntimeException e) {
      throw new AssertionError("an accepted push body does not decode a second time: " + e, e);
    }
  }

  /** Every family of an accepted push shows up in the scrape with its type. */
  private static void checkPushedFamiliesScraped(List<MetricFamily> pushed, String scrape) {
    List<MetricFamily> scraped = TextParser.parse(scrape.getBytes(UTF_8));
    for (MetricFamily f : pushed) {
      if (f.metrics().isEmpty()) {
        continue;
      }
      boolean found =
          scraped.stream().anyMatch(s -> s.name().equals(f.name()) && s.type() == textType(f));
      HttpFuzzTargets.check(found, "accepted family " + f.name() + " missing from the scrape");
    }
  }

  /** The type a family is scraped with: gauge histograms are exposed as histograms. */
  private static io.pushgateway.model.MetricType textType(MetricFamily f) {
    io.pushgateway.model.MetricType t = f.effectiveType();
    return t == io.pushgateway.model.MetricType.GAUGE_HISTOGRAM
        ? io.pushgateway.model.MetricType.HISTOGRAM
        : t;
  }

  /** Parses {@code METHOD TARGET\nName: value\n...\n\nbody} leniently. */
  static FakeExchange parseRequest(byte[] request) {
    int headerEnd = indexOf(request, "\n\n".getBytes(ISO_8859_1), 0);
    String head = new String(request, 0, headerEnd < 0 ? request.length : headerEnd, ISO_8859_1);
    String[] lines = head.split("\n", -1);
    String first = lines[0];
    int space = first.indexOf(' ');
    String method = space < 0 ? first : first.substring(0, space);
    String target = space < 0 ? "/" : requestTarget(first.substring(space + 1));
    FakeExchange exchange = FakeExchange.request(method.isEmpty() ? "GET" : method, target);
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        exchange.header(lines[i].substring(0, colon), lines[i].substring(colon + 1).strip());
      }
    }
    return exchange.body(bodyOf(request));
  }

  private static byte[] bodyOf(byte[] request) {
    int headerEnd = indexOf(request, "\n\n".getBytes(ISO_8859_1), 0);
    return headerEnd < 0 ? new byte[0] : Arrays.copyOfRange(request, headerEnd + 2, request.length);
  }

  /** What a real server could hand on: no spaces or control characters in the request target. */
  private static String requestTarget(String raw) {
    StringBuilder sb = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c > ' ' && c != 0x7F) {
        sb.append(c);
      }
    }
    return sb.isEmpty() ? "/" : sb.toString();
  }

  static List<byte[]> split(byte[] input) {
    List<byte[]> parts = new ArrayList<>();
    int start = 0;
    while (true) {
      int at = indexOf(input, SEPARATOR, start);
      if (at < 0) {
        parts.add(Arrays.copyOfRange(input, start, input.length));
        return parts;
      }
      parts.add(Arrays.copyOfRange(input, start, at));
      start = at + SEPARATOR.length;
    }
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = from; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  @Override
  public void close() {
    store.close();
  }
}
