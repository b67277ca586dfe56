package io.pushgateway.config;

import io.pushgateway.gocompat.GoQuote;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Every flag of the Go Pushgateway at HEAD (1.11.3, Linux build), in kingpin's registration order:
 * kingpin's own help flags first, then the Pushgateway's, then {@code --version}. Kingpin's hidden
 * shell-completion flags are not offered.
 */
enum FlagSpec {
  HELP(
      "help",
      Kind.BOOL,
      null,
      "Show context-sensitive help (also try --help-long and --help-man)."),
  HELP_LONG("help-long", Kind.BOOL, null, "Generate long help."),
  HELP_MAN("help-man", Kind.BOOL, null, "Generate a man page."),
  WEB_SYSTEMD_SOCKET(
      "web.systemd-socket",
      Kind.BOOL,
      null,
      "Use systemd socket activation listeners instead of port listeners (Linux only)."),
  WEB_LISTEN_ADDRESS(
      "web.listen-address",
      Kind.STRINGS,
      ":9091",
      "Addresses on which to expose metrics and web interface. Repeatable for multiple addresses."
          + " Examples: `:9100` or `[::1]:9100` for http, `vsock://:9100` for vsock"),
  WEB_CONFIG_FILE(
      "web.config.file",
      Kind.STRING,
      "",
      "Path to configuration file that can enable TLS or authentication. See:"
          + " https://github.com/prometheus/exporter-toolkit/blob/master/docs/web-configuration.md"),
  WEB_TELEMETRY_PATH(
      "web.telemetry-path", Kind.STRING, "/metrics", "Path under which to expose metrics."),
  WEB_EXTERNAL_URL(
      "web.external-url",
      Kind.URL,
      "",
      "The URL under which the Pushgateway is externally reachable."),
  WEB_ROUTE_PREFIX(
      "web.route-prefix",
      Kind.STRING,
      "",
      "Prefix for the internal routes of web endpoints. Defaults to the path of"
          + " --web.external-url."),
  WEB_ENABLE_LIFECYCLE(
      "web.enable-lifecycle", Kind.BOOL, "false", "Enable shutdown via HTTP request."),
  WEB_ENABLE_ADMIN_API(
      "web.enable-admin-api",
      Kind.BOOL,
      "false",
      "Enable API endpoints for admin control actions."),
  PERSISTENCE_FILE(
      "persistence.file",
      Kind.STRING,
      "",
      "File to persist metrics. If empty, metrics are only kept in memory."),
  PERSISTENCE_INTERVAL(
      "persistence.interval",
      Kind.DURATION,
      "5m",
      "The minimum interval at which to write out the persistence file."),
  PERSISTENCE_FSYNC(
      "persistence.fsync",
      Kind.BOOL,
      "false",
      "Also fsync the persistence file before acknowledging a write, so acknowledged writes"
          + " survive a power loss and not only a crash of the process. Slower."),
  PERSISTENCE_MOVE_DAMAGED_ASIDE(
      "persistence.move-damaged-aside",
      Kind.BOOL,
      "false",
      "If the persistence file is damaged, move it aside (to FILE.damaged-TIME) and start with"
          + " the metrics read before the damage, instead of refusing to start."),
  PUSH_DISABLE_CONSISTENCY_CHECK(
      "push.disable-consistency-check",
      Kind.BOOL,
      "false",
      "Do not check consistency of pushed metrics. DANGEROUS."),
  PUSH_ENABLE_UTF8_NAMES(
      "push.enable-utf8-names",
      Kind.BOOL,
      "false",
      "Allow UTF-8 characters in metric and label names."),
  PUSH_MAX_BODY_BYTES(
      "push.max-body-bytes",
      Kind.COUNT,
      "16777216",
      "Largest push body in bytes, both as sent and after decompression (413 beyond). 0: no limit."),
  PUSH_MAX_BYTES_IN_FLIGHT(
      "push.max-bytes-in-flight",
      Kind.COUNT,
      "134217728",
      "Memory in bytes that all pushes in flight may hold together (bodies and parsed series, until stored); a push beyond it gets 429. 0: no limit."),
  PUSH_MAX_SERIES_PER_PUSH(
      "push.max-series-per-push",
      Kind.COUNT,
      "100000",
      "Most series in one push (413 beyond). 0: no limit."),
  PUSH_MAX_LABELS_PER_SERIES(
      "push.max-labels-per-series",
      Kind.COUNT,
      "64",
      "Most labels on one pushed series (413 beyond). 0: no limit."),
  PUSH_MAX_LABEL_NAME_LENGTH(
      "push.max-label-name-length",
      Kind.COUNT,
      "1024",
      "Longest metric or label name in bytes (413 beyond). 0: no limit."),
  PUSH_MAX_LABEL_VALUE_LENGTH(
      "push.max-label-value-length",
      Kind.COUNT,
      "4096",
      "Longest label value in bytes (413 beyond). 0: no limit."),
  STORE_MAX_SERIES_PER_GROUP(
      "store.max-series-per-group",
      Kind.COUNT,
      "100000",
      "Most series one group may hold (413 beyond). 0: no limit."),
  STORE_MAX_GROUPS(
      "store.max-groups",
      Kind.COUNT,
      "100000",
      "Most groups in the store; a push adding one more gets 429. 0: no limit."),
  STORE_MAX_SERIES(
      "store.max-series",
      Kind.COUNT,
      "1000000",
      "Most series in the store; a push adding more gets 429. 0: no limit."),
  WEB_MAX_CONNECTIONS(
      "web.max-connections",
      Kind.COUNT,
      "1024",
      "Most open HTTP connections; further ones are closed at once. 0: no limit."),
  WEB_MAX_IDLE_CONNECTIONS(
      "web.max-idle-connections", Kind.COUNT, "200", "Most idle keep-alive connections kept open."),
  WEB_MAX_REQUEST_HEADER_BYTES(
      "web.max-request-header-bytes",
      Kind.COUNT,
      "16384",
      "Largest request line and header section in bytes; a larger request is dropped. 0: no limit."),
  WEB_READ_TIMEOUT(
      "web.read-timeout",
      Kind.DURATION,
      "1m",
      "Longest time to read a request, headers and body (whole seconds); the connection is closed after it. 0: no limit."),
  WEB_WRITE_TIMEOUT(
      "web.write-timeout",
      Kind.DURATION,
      "2m",
      "Longest time from the end of a request to the end of its answer (whole seconds). 0: no limit."),
  WEB_IDLE_TIMEOUT(
      "web.idle-timeout",
      Kind.DURATION,
      "30s",
      "How long an idle keep-alive connection is kept open (whole seconds)."),
  LOG_LEVEL(
      "log.level",
      Kind.LOG_LEVEL,
      "info",
      "Only log messages with the given severity or above. One of: [debug, info, warn, error]"),
  LOG_FORMAT(
      "log.format",
      Kind.LOG_FORMAT,
      "logfmt",
      "Output format of log messages. One of: [logfmt, json]"),
  VERSION("version", Kind.BOOL, null, "Show application version.");

  /** How a flag's text becomes a value, and how kingpin shows its default. */
  enum Kind {
    BOOL,
    STRING,
    STRINGS,
    DURATION,
    /** A non-negative whole number; 0 means "no limit" for the limit flags. */
    COUNT,
    URL,
    LOG_LEVEL,
    LOG_FORMAT
  }

  private final String flagName;
  private final Kind kind;
  private final @Nullable String defaultValue;
  private final String help;

  FlagSpec(String flagName, Kind kind, @Nullable String defaultValue, String help) {
    this.flagName = flagName;
    this.kind = kind;
    this.defaultValue = defaultValue;
    this.help = help;
  }

  String flagName() {
    return flagName;
  }

  Kind kind() {
    return kind;
  }

  @Nullable String defaultValue() {
    return defaultValue;
  }

  String help() {
    return help;
  }

  boolean isBool() {
    return kind == Kind.BOOL;
  }

  /** Whether the flag may be given more than once, each time adding a value. */
  boolean isCumulative() {
    return kind == Kind.STRINGS;
  }

  /** Kingpin's own flags, which the status page leaves out. */
  boolean isBoilerplate() {
    return this == HELP || this == HELP_LONG || this == HELP_MAN || this == VERSION;
  }

  /**
   * Flags of this gateway that the Go Pushgateway does not have. The status API leaves them out, so
   * that it shows exactly the Go gateway's flags.
   */
  boolean isExtension() {
    return this == PERSISTENCE_FSYNC || this == PERSISTENCE_MOVE_DAMAGED_ASIDE || isGuardrail();
  }

  /** The limit flags of this gateway (all extensions), which {@link Guardrails} holds. */
  boolean isGuardrail() {
    return flagName.startsWith("push.max-")
        || flagName.startsWith("store.max-")
        || flagName.startsWith("web.max-")
        || flagName.endsWith("-timeout");
  }

  /**
   * Kingpin's hidden flags, left out of the help text. (Extensions are listed after the Go
   * gateway's flags, so that the Go part of {@code --help} stays exactly the Go gateway's text.)
   */
  boolean isHidden() {
    return this == HELP_LONG || this == HELP_MAN;
  }

  /** The single-letter alias, or 0. */
  char shortName() {
    return this == HELP ? 'h' : 0;
  }

  /** Kingpin's placeholder after {@code =} in the help: the default, quoted for strings. */
  String placeholder() {
    if (defaultValue == null) {
      return flagName.toUpperCase(Locale.ROOT);
    }
    return kind == Kind.STRING ? GoQuote.quote(defaultValue) : defaultValue;
  }

  static @Nullable FlagSpec byName(String name) {
    for (FlagSpec spec : values()) {
      if (spec.flagName.equals(name)) {
        return spec;
      }
    }
    return null;
  }

  static @Nullable FlagSpec byShortName(String name) {
    return name.equals("h") ? HELP : null;
  }
}
