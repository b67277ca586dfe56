package io.pushgateway.config;

import io.pushgateway.gocompat.GoUrl;
import io.pushgateway.log.Level;
import io.pushgateway.log.LogFormat;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Every setting of the command line, typed and final.
 *
 * @param listenAddresses {@code --web.listen-address}, in the order given (default {@code :9091})
 * @param systemdSocket {@code --web.systemd-socket}; accepted for compatibility, but socket
 *     activation is not implemented: the launcher should refuse to start when it is set
 * @param webConfigFile {@code --web.config.file}, empty for none
 * @param telemetryPath {@code --web.telemetry-path}, as given (not yet joined with the prefix)
 * @param externalUrl {@code --web.external-url} in Go's canonical form, empty when not set
 * @param routePrefix the normalised route prefix (§2.3): empty or {@code /x} without a trailing
 *     slash, from {@code --web.route-prefix} or else the path of the external URL
 * @param externalPathPrefix the same normalisation applied to the external URL's path alone; the UI
 *     prefixes its links with it (see {@link #uiPathPrefix()})
 * @param enableLifecycle {@code --web.enable-lifecycle}
 * @param enableAdminApi {@code --web.enable-admin-api}
 * @param persistenceFile {@code --persistence.file}, empty to keep metrics only in memory
 * @param persistenceInterval {@code --persistence.interval}
 * @param disableConsistencyCheck {@code --push.disable-consistency-check}
 * @param enableUtf8Names {@code --push.enable-utf8-names}
 * @param logLevel {@code --log.level}
 * @param logFormat {@code --log.format}
 * @param persistenceFsync {@code --persistence.fsync} (an extension of this gateway)
 * @param persistenceMoveDamagedAside {@code --persistence.move-damaged-aside} (an extension)
 * @param guardrails the limit flags (extensions)
 */
public record Config(
    List<String> listenAddresses,
    boolean systemdSocket,
    String webConfigFile,
    String telemetryPath,
    String externalUrl,
    String routePrefix,
    String externalPathPrefix,
    boolean enableLifecycle,
    boolean enableAdminApi,
    String persistenceFile,
    Duration persistenceInterval,
    boolean disableConsistencyCheck,
    boolean enableUtf8Names,
    Level logLevel,
    LogFormat logFormat,
    boolean persistenceFsync,
    boolean persistenceMoveDamagedAside,
    Guardrails guardrails) {

  public Config {
    listenAddresses = List.copyOf(listenAddresses);
  }

  /** The configuration of a command line without arguments. */
  public static Config defaults() {
    return from(new FlagValues().withDefaults());
  }

  static Config from(FlagValues values) {
    GoUrl externalUrl = values.url(FlagSpec.WEB_EXTERNAL_URL);
    return new Config(
        values.strings(FlagSpec.WEB_LISTEN_ADDRESS),
        values.bool(FlagSpec.WEB_SYSTEMD_SOCKET),
        values.string(FlagSpec.WEB_CONFIG_FILE),
        values.string(FlagSpec.WEB_TELEMETRY_PATH),
        externalUrl.toString(),
        routePrefix(values.string(FlagSpec.WEB_ROUTE_PREFIX), externalUrl.path()),
        routePrefix("", externalUrl.path()),
        values.bool(FlagSpec.WEB_ENABLE_LIFECYCLE),
        values.bool(FlagSpec.WEB_ENABLE_ADMIN_API),
        values.string(FlagSpec.PERSISTENCE_FILE),
        values.duration(FlagSpec.PERSISTENCE_INTERVAL),
        values.bool(FlagSpec.PUSH_DISABLE_CONSISTENCY_CHECK),
        values.bool(FlagSpec.PUSH_ENABLE_UTF8_NAMES),
        values.level(FlagSpec.LOG_LEVEL),
        values.format(FlagSpec.LOG_FORMAT),
        values.bool(FlagSpec.PERSISTENCE_FSYNC),
        values.bool(FlagSpec.PERSISTENCE_MOVE_DAMAGED_ASIDE),
        Guardrails.from(values));
  }

  /**
   * The Go Pushgateway's route prefix rule (HEAD): the prefix, or else the external URL's path;
   * {@code /} means none; otherwise it gets a leading slash and loses one trailing slash.
   */
  static String routePrefix(String prefix, String externalUrlPath) {
    String p = prefix.isEmpty() ? externalUrlPath : prefix;
    if (p.equals("/")) {
      return "";
    }
    if (!p.startsWith("/")) {
      p = "/" + p;
    }
    return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }

  /**
   * The external URL as a {@link URI}, or null when none is set or Java cannot represent Go's form
   * of it (Go accepts a few characters, such as {@code [} in a path, that {@link URI} rejects).
   */
  public @Nullable URI externalUri() {
    if (externalUrl.isEmpty()) {
      return null;
    }
    try {
      return new URI(externalUrl);
    } catch (URISyntaxException e) {
      return null;
    }
  }

  /** The prefix of the UI's links: {@link #externalPathPrefix()}, or {@code .} when empty. */
  public String uiPathPrefix() {
    return externalPathPrefix.isEmpty() ? "." : externalPathPrefix;
  }

  /**
   * Every flag (without kingpin's help and version flags) with its value as the status page and
   * {@code /api/v1/status} show it, sorted by name: booleans {@code true}/{@code false}, durations
   * in Go's form ({@code 5m0s}), listen addresses comma-joined, the normalised route prefix.
   */
  public Map<String, String> flagValuesForStatus() {
    TreeMap<String, String> flags = new TreeMap<>();
    for (FlagSpec flag : FlagSpec.values()) {
      if (!flag.isBoilerplate() && !flag.isExtension()) {
        flags.put(flag.flagName(), displayValue(flag));
      }
    }
    return Collections.unmodifiableSortedMap(flags);
  }

  /** Like {@link #flagValuesForStatus()}, plus this gateway's own extension flags. */
  public Map<String, String> allFlagValues() {
    TreeMap<String, String> flags = new TreeMap<>();
    for (FlagSpec flag : FlagSpec.values()) {
      if (!flag.isBoilerplate()) {
        flags.put(flag.flagName(), displayValue(flag));
      }
    }
    return Collections.unmodifiableSortedMap(flags);
  }

  private String displayValue(FlagSpec flag) {
    return switch (flag) {
      case WEB_SYSTEMD_SOCKET -> String.valueOf(systemdSocket);
      case WEB_LISTEN_ADDRESS -> String.join(",", listenAddresses);
      case WEB_CONFIG_FILE -> webConfigFile;
      case WEB_TELEMETRY_PATH -> telemetryPath;
      case WEB_EXTERNAL_URL -> externalUrl;
      case WEB_ROUTE_PREFIX -> routePrefix;
      case WEB_ENABLE_LIFECYCLE -> String.valueOf(enableLifecycle);
      case WEB_ENABLE_ADMIN_API -> String.valueOf(enableAdminApi);
      case PERSISTENCE_FILE -> persistenceFile;
      case PERSISTENCE_INTERVAL -> GoDuration.format(persistenceInterval);
      case PUSH_DISABLE_CONSISTENCY_CHECK -> String.valueOf(disableConsistencyCheck);
      case PUSH_ENABLE_UTF8_NAMES -> String.valueOf(enableUtf8Names);
      case LOG_LEVEL -> logLevel.goName();
      case LOG_FORMAT -> logFormat.goName();
      case PERSISTENCE_FSYNC -> String.valueOf(persistenceFsync);
      case PERSISTENCE_MOVE_DAMAGED_ASIDE -> String.valueOf(persistenceMoveDamagedAside);
      case PUSH_MAX_BODY_BYTES,
          PUSH_MAX_BYTES_IN_FLIGHT,
          PUSH_MAX_SERIES_PER_PUSH,
          PUSH_MAX_LABELS_PER_SERIES,
          PUSH_MAX_LABEL_NAME_LENGTH,
          PUSH_MAX_LABEL_VALUE_LENGTH,
          STORE_MAX_SERIES_PER_GROUP,
          STORE_MAX_GROUPS,
          STORE_MAX_SERIES,
          WEB_MAX_CONNECTIONS,
          WEB_MAX_IDLE_CONNECTIONS,
          WEB_MAX_REQUEST_HEADER_BYTES,
          WEB_READ_TIMEOUT,
          WEB_WRITE_TIMEOUT,
          WEB_IDLE_TIMEOUT ->
          guardrails.display(flag);
      case HELP, HELP_LONG, HELP_MAN, VERSION -> throw new IllegalArgumentException(flag.name());
    };
  }
}
