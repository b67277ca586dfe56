package io.pushgateway.http;

import org.jspecify.annotations.Nullable;

/**
 * The endpoint handlers the {@link Dispatcher} mounts; a null handler leaves its route unregistered
 * (so the router answers 404/405 there), except {@code pprof}, see below.
 *
 * @param healthy {@code GET P/-/healthy}
 * @param ready {@code GET P/-/ready}
 * @param scrape {@code GET path.Join(P, telemetryPath)}
 * @param push {@code PUT} and {@code POST} on the four push routes (params {@code job}, {@code
 *     labels}; {@link PathParams#jobBase64()} for {@code job@base64}; the method tells PUT/POST)
 * @param delete {@code DELETE} on the same four routes
 * @param staticFiles {@code GET P/static/*filepath}
 * @param ui {@code GET P/} and {@code GET P/status}
 * @param pprof {@code GET P/debug/pprof/*pprof}; the route is always registered (it shapes the
 *     router's redirects), and answers 404 when this is null
 * @param quit {@code PUT} and {@code POST P/-/quit} (the lifecycle handler decides 200 or 403)
 * @param apiStatus {@code GET P/api/v1/status}
 * @param apiMetrics {@code GET P/api/v1/metrics}
 * @param apiOptions {@code OPTIONS P/api/v1/*path}
 * @param wipe {@code PUT P/api/v1/admin/wipe}; null unless the admin API is enabled
 */
public record Routes(
    @Nullable Handler healthy,
    @Nullable Handler ready,
    @Nullable Handler scrape,
    @Nullable Handler push,
    @Nullable Handler delete,
    @Nullable Handler staticFiles,
    @Nullable Handler ui,
    @Nullable Handler pprof,
    @Nullable Handler quit,
    @Nullable Handler apiStatus,
    @Nullable Handler apiMetrics,
    @Nullable Handler apiOptions,
    @Nullable Handler wipe) {

  /** A builder with every handler unset. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link Routes}; each setter names the route it fills. */
  public static final class Builder {
    private @Nullable Handler healthy;
    private @Nullable Handler ready;
    private @Nullable Handler scrape;
    private @Nullable Handler push;
    private @Nullable Handler delete;
    private @Nullable Handler staticFiles;
    private @Nullable Handler ui;
    private @Nullable Handler pprof;
    private @Nullable Handler quit;
    private @Nullable Handler apiStatus;
    private @Nullable Handler apiMetrics;
    private @Nullable Handler apiOptions;
    private @Nullable Handler wipe;

    private Builder() {}

    public Builder healthy(Handler handler) {
      this.healthy = handler;
      return this;
    }

    public Builder ready(Handler handler) {
      this.ready = handler;
      return this;
    }

    public Builder scrape(Handler handler) {
      this.scrape = handler;
      return this;
    }

    public Builder push(Handler handler) {
      this.push = handler;
      return this;
    }

    public Builder delete(Handler handler) {
      this.delete = handler;
      return this;
    }

    public Builder staticFiles(Handler handler) {
      this.staticFiles = handler;
      return this;
    }

    public Builder ui(Handler handler) {
      this.ui = handler;
      return this;
    }

    public Builder pprof(Handler handler) {
      this.pprof = handler;
      return this;
    }

    public Builder quit(Handler handler) {
      this.quit = handler;
      return this;
    }

    public Builder apiStatus(Handler handler) {
      this.apiStatus = handler;
      return this;
    }

    public Builder apiMetrics(Handler handler) {
      this.apiMetrics = handler;
      return this;
    }

    public Builder apiOptions(Handler handler) {
      this.apiOptions = handler;
      return this;
    }

    public Builder wipe(@Nullable Handler handler) {
      this.wipe = handler;
      return this;
    }

    public Routes build() {
      return new Routes(
          healthy,
          ready,
          scrape,
          push,
          delete,
          staticFiles,
          ui,
          pprof,
          quit,
          apiStatus,
          apiMetrics,
          apiOptions,
          wipe);
    }
  }
}
