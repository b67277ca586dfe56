package io.pushgateway.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.pushgateway.log.Log;
import io.pushgateway.webconfig.WebConfigFile;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The JDK HTTP server on one or more listen addresses, one virtual thread per request, every
 * request handed to one {@link ExchangeHandler}; with a web configuration that sets up TLS, the
 * JDK's HTTPS server, its TLS settings taken from the file for every new connection ({@link #tls}).
 *
 * <p>Behaviour of the JDK server worth knowing (checked on JDK 25): it answers {@code Expect:
 * 100-continue} with {@code 100 Continue} by itself before the handler runs; it rejects request
 * URIs that {@code java.net.URI} cannot parse (bad percent escapes, but also raw {@code
 * <>{}|\^`"[]#} which Go accepts) with its own {@code 400} HTML page, and answers {@code *} and
 * other non-path targets with 404 (Go: 400, or 200 for {@code OPTIONS *}). Go's own pre-handler
 * checks that the JDK lacks (HTTP version, Host header) are made here, with Go's status codes and
 * texts (the JDK cannot send Go's custom reason phrases).
 *
 * <p>A handler that throws before answering gets a 500 ({@code Internal Server Error}); one that
 * throws after starting its answer has the connection closed, so the client sees a truncated
 * response instead of a complete-looking one. A handler that returns without answering gets Go's
 * default, an empty 200.
 */
public final class GatewayServer implements AutoCloseable {
  static {
    // Go disables Nagle's algorithm on every connection; without this, small answers to pipelined
    // or body-carrying requests can wait for a delayed ACK. Read once by the JDK server.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final List<HttpServer> servers;
  private final ExecutorService executor;

  private GatewayServer(List<HttpServer> servers, ExecutorService executor) {
    this.servers = servers;
    this.executor = executor;
  }

  /**
   * Binds every address (Go syntax, e.g. {@code :9091}, {@code 127.0.0.1:0}, {@code [::1]:9091})
   * and starts serving.
   *
   * @throws IllegalArgumentException for an unparsable address
   * @throws IOException if an address cannot be bound (nothing stays bound then)
   */
  public static GatewayServer start(List<String> listenAddresses, ExchangeHandler handler)
      throws IOException {
    return start(listenAddresses, handler, Log.discard());
  }

  /**
   * Like {@link #start(List, ExchangeHandler)}, logging failed requests to {@code log} (so they
   * follow {@code --log.level} and {@code --log.format} like every other line).
   */
  public static GatewayServer start(List<String> listenAddresses, ExchangeHandler handler, Log log)
      throws IOException {
    return start(listenAddresses, handler, log, null);
  }

  /**
   * Like {@link #start(List, ExchangeHandler, Log)}, speaking TLS as the web configuration file
   * says when {@code tls} is given (see {@link #tls}).
   */
  public static GatewayServer start(
      List<String> listenAddresses,
      ExchangeHandler handler,
      Log log,
      @Nullable HttpsConfigurator tls)
      throws IOException {
    if (listenAddresses.isEmpty()) {
      throw new IllegalArgumentException("no listen address");
    }
    List<InetSocketAddress> addresses = new ArrayList<>();
    for (String address : listenAddresses) {
      addresses.add(ListenAddress.parse(address));
    }
    ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    List<HttpServer> servers = new ArrayList<>();
    try {
      for (InetSocketAddress address : addresses) {
        HttpServer server;
        if (tls != null) {
          HttpsServer https = HttpsServer.create(address, 0);
          https.setHttpsConfigurator(tls);
          server = https;
        } else {
          server = HttpServer.create(address, 0);
        }
        server.setExecutor(executor);
        server.createContext("/", exchange -> serve(exchange, handler, log));
        servers.add(server);
      }
    } catch (IOException | RuntimeException e) {
      servers.forEach(server -> server.stop(0));
      executor.shutdownNow();
      throw e;
    }
    servers.forEach(HttpServer::start);
    return new GatewayServer(List.copyOf(servers), executor);
  }

  /**
   * The TLS side for {@link #start(List, ExchangeHandler, Log, HttpsConfigurator)}: settings and
   * certificates read from the web configuration file for every new connection.
   */
  public static HttpsConfigurator tls(WebConfigFile file, Log log) {
    return ReloadingTls.configurator(file, log);
  }

  /** The bound addresses, in the order given (with the actual port for port 0). */
  public List<InetSocketAddress> addresses() {
    return servers.stream().map(HttpServer::getAddress).toList();
  }

  /**
   * Stops accepting connections, lets in-flight requests complete for at most {@code grace}, then
   * closes everything.
   */
  public void stop(Duration grace) {
    int seconds = (int) Math.min(Integer.MAX_VALUE, Math.max(0, grace.toSeconds()));
    List<Thread> stoppers = new ArrayList<>();
    for (HttpServer server : servers) {
      stoppers.add(Thread.ofVirtual().start(() -> server.stop(seconds)));
    }
    for (Thread stopper : stoppers) {
      try {
        stopper.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    executor.shutdown();
    try {
      executor.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    executor.shutdownNow();
  }

  /** {@link #stop} with a grace period of 5 seconds. */
  @Override
  public void close() {
    stop(Duration.ofSeconds(5));
  }

  private static void serve(HttpExchange raw, ExchangeHandler handler, Log log) {
    JdkExchange exchange = new JdkExchange(raw);
    try {
      RequestLineCheck.Rejection rejection =
          RequestLineCheck.check(
              raw.getProtocol(), raw.getRequestMethod(), exchange.requestHeaders("Host"));
      if (rejection != null) {
        RequestLineCheck.send(exchange, rejection);
      } else {
        handler.handle(exchange);
      }
      if (!exchange.responseStarted()) {
        HttpErrors.empty(exchange, 200);
      }
    } catch (IOException | RuntimeException e) {
      if (exchange.responseStarted()) {
        log.debug("request failed after its response started; closing", "err", String.valueOf(e));
        // Escaping the JDK handler makes the server drop the connection without ending the body.
        throw new IllegalStateException("response aborted", e);
      }
      if (e instanceof IOException) {
        // Mostly the connection failing while the request is read: the client went away, or the
        // server closed it (--web.read-timeout). A warning per slow client would let them fill
        // the log.
        log.debug("request aborted", "method", raw.getRequestMethod(), "err", String.valueOf(e));
      } else {
        log.warn(
            "request handler failed",
            "method",
            raw.getRequestMethod(),
            "path",
            exchange.rawPath(),
            "err",
            String.valueOf(e));
      }
      answerInternalError(exchange, log);
    }
    raw.close();
  }

  private static void answerInternalError(JdkExchange exchange, Log log) {
    try {
      HttpErrors.error(exchange, 500, "Internal Server Error");
    } catch (IOException e) {
      log.debug("could not send 500", "err", String.valueOf(e));
    }
  }
}
