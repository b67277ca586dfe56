package io.pushgateway.http;

import io.pushgateway.log.Log;
import io.pushgateway.webconfig.BasicAuth;
import io.pushgateway.webconfig.Permissions;
import io.pushgateway.webconfig.TokenBucket;
import io.pushgateway.webconfig.WebConfig;
import io.pushgateway.webconfig.WebConfigException;
import io.pushgateway.webconfig.WebConfigFile;
import java.io.IOException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * exporter-toolkit's web handler in front of everything (spec §16): for every request it reads the
 * web configuration file again (500 if it has become invalid), applies the rate limit (429), adds
 * the configured headers, and with {@code basic_auth_users} demands valid credentials (401 with
 * {@code WWW-Authenticate: Basic}). The request then goes on with the user's {@link Permissions},
 * which the handlers' guards check. Requests refused here reach no handler, so they are not counted
 * in {@code pushgateway_http_requests_total}, as in Go.
 */
public final class WebSecurityFilter implements ExchangeHandler {
  private final WebConfigFile file;
  private final ExchangeHandler next;
  private final Log log;
  private final BasicAuth basicAuth = new BasicAuth();
  private final @Nullable TokenBucket rateLimit;

  /**
   * A filter reading {@code file}, in front of {@code next}; the rate limit is the start-up one.
   */
  public WebSecurityFilter(WebConfigFile file, ExchangeHandler next, Log log) {
    this.file = file;
    this.next = next;
    this.log = log;
    WebConfig startup = file.startupConfig();
    this.rateLimit = startup.rateLimit().enabled() ? new TokenBucket(startup.rateLimit()) : null;
  }

  @Override
  public void handle(Exchange exchange) throws IOException {
    WebConfig config;
    try {
      config = file.current();
    } catch (WebConfigException e) {
      log.error("Unable to parse configuration", "err", e.getMessage());
      HttpErrors.error(exchange, 500, "Internal Server Error");
      return;
    }
    if (rateLimit != null && !rateLimit.allow()) {
      HttpErrors.error(exchange, 429, "Too Many Requests");
      return;
    }
    for (Map.Entry<String, String> header : config.headers().entrySet()) {
      // Go writes a newline in a header value as a space.
      exchange.setHeader(header.getKey(), header.getValue().replace('\r', ' ').replace('\n', ' '));
    }
    if (config.users().isEmpty()) {
      next.handle(exchange);
      return;
    }
    String user = basicAuth.authenticate(config.users(), exchange.requestHeader("Authorization"));
    if (user == null) {
      exchange.setHeader("WWW-Authenticate", "Basic");
      HttpErrors.error(exchange, 401, "Unauthorized");
      return;
    }
    Permissions permissions = config.permissionsOf(user);
    next.handle(new PermittedExchange(exchange, permissions));
  }

  /** An exchange that carries the authenticated user's permissions. */
  private static final class PermittedExchange extends ForwardingExchange {
    private final Permissions permissions;

    PermittedExchange(Exchange delegate, Permissions permissions) {
      super(delegate);
      this.permissions = permissions;
    }

    @Override
    public Permissions permissions() {
      return permissions;
    }
  }
}
