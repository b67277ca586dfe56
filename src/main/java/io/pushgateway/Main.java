package io.pushgateway;

import io.pushgateway.config.Config;
import io.pushgateway.config.Flags;
import io.pushgateway.config.ParseOutcome;
import io.pushgateway.config.VersionInfo;
import io.pushgateway.log.Log;
import io.pushgateway.memory.HeapBudget;
import io.pushgateway.persistence.PersistenceException;
import io.pushgateway.webconfig.WebConfigException;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import sun.misc.Signal;

/** Entry point: parses the Go Pushgateway's flags and runs the gateway until it is stopped. */
public final class Main {
  private static final String PROGRAM = "pushgateway";

  private Main() {}

  public static void main(String[] args) throws InterruptedException {
    switch (Flags.parse(PROGRAM, args)) {
      case ParseOutcome.Exit exit -> {
        System.out.print(exit.stdout());
        System.err.print(exit.stderr());
        System.out.flush();
        System.exit(exit.status());
      }
      case ParseOutcome.Run run -> System.exit(run(run.config()));
    }
  }

  private static int run(Config config) throws InterruptedException {
    Log log = Log.create(System.err, config.logLevel(), config.logFormat());
    VersionInfo version = VersionInfo.current();
    log.info("starting pushgateway", "version", version.info());
    log.info("Build context", "build_context", version.buildContext());
    if (config.systemdSocket()) {
      log.error("systemd socket activation (--web.systemd-socket) is not supported");
      return 1;
    }
    if (HeapBudget.install()) {
      log.debug("old generation kept within twice its live data (serial collector)");
    }
    if (config.enableUtf8Names()) {
      log.warn("--push.enable-utf8-names is not supported yet; names must follow the legacy rules");
    }
    // Signals are handled before the server answers, so a SIGTERM right after /-/ready is graceful.
    AtomicReference<@Nullable Pushgateway> gateway = new AtomicReference<>();
    AtomicBoolean stopRequested = new AtomicBoolean();
    Runnable stop =
        () -> {
          stopRequested.set(true);
          Pushgateway g = gateway.get();
          if (g != null) {
            g.close();
          }
        };
    for (String name : new String[] {"TERM", "INT"}) {
      Signal.handle(
          new Signal(name),
          signal -> {
            log.info("received SIGINT/SIGTERM; exiting gracefully...");
            Thread.ofPlatform().start(stop);
          });
    }
    Pushgateway started;
    try {
      started = Pushgateway.start(config, version, log, stop);
    } catch (WebConfigException e) {
      // Go logs this as "HTTP server stopped" and exits with 0; a failing status lets service
      // managers see that the gateway did not start.
      if (e.key().isEmpty()) {
        log.error(
            "invalid web configuration file",
            "file",
            config.webConfigFile(),
            "err",
            e.getMessage());
      } else {
        log.error(
            "invalid web configuration file",
            "file",
            config.webConfigFile(),
            "key",
            e.key(),
            "err",
            e.getMessage());
      }
      return 1;
    } catch (PersistenceException e) {
      log.error("could not load persisted metrics", "err", e.getMessage());
      return 1;
    } catch (IOException | RuntimeException e) {
      log.error("HTTP server stopped", "err", e.getMessage());
      return 1;
    }
    gateway.set(started);
    if (stopRequested.get()) {
      started.close();
    }
    started.awaitStopped();
    return 0;
  }
}
