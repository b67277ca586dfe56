package io.pushgateway.webconfig;

import io.pushgateway.gocompat.GoQuote;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads the file's YAML into a {@link WebConfig} as the toolkit's {@code getConfig} does: strict
 * YAML decoding with its defaults, then the header check. What the toolkit checks only at start-up
 * (password hashes, TLS files) is left to {@link WebConfigCheck}.
 */
final class WebConfigParser {
  private static final Set<String> CONFIG_FIELDS =
      Set.of(
          "tls_server_config",
          "http_server_config",
          "rate_limit",
          "basic_auth_users",
          PermissionsParser.KEY);
  private static final Set<String> TLS_FIELDS =
      Set.of(
          "cert",
          "key",
          "client_ca",
          "cert_file",
          "key_file",
          "client_auth_type",
          "client_ca_file",
          "cipher_suites",
          "curve_preferences",
          "min_version",
          "max_version",
          "prefer_server_cipher_suites",
          "client_allowed_sans");
  private static final Set<String> HTTP_FIELDS = Set.of("http2", "headers");
  private static final Set<String> RATE_LIMIT_FIELDS = Set.of("burst", "interval");

  /** The headers the toolkit lets a file set, with their allowed values (none: any value). */
  private static final Map<String, List<String>> ALLOWED_HEADERS =
      Map.of(
          "Strict-Transport-Security", List.of(),
          "X-Content-Type-Options", List.of("nosniff"),
          "X-Frame-Options", List.of("deny", "sameorigin"),
          "X-XSS-Protection", List.of(),
          "Content-Security-Policy", List.of());

  private final GoYaml yaml = new GoYaml();
  private final Path directory;

  private WebConfigParser(Path directory) {
    this.directory = directory;
  }

  /**
   * Parses the file's content; relative file names in it are taken relative to {@code directory}
   * (the file's own), as the toolkit does.
   *
   * @throws WebConfigException worded as the toolkit's YAML decoder and header check word it
   */
  static WebConfig parse(byte[] content, Path directory) throws WebConfigException {
    return new WebConfigParser(directory).config(GoYaml.parse(content));
  }

  private WebConfig config(@Nullable Node root) throws WebConfigException {
    TlsServerConfig tls = TlsServerConfig.DEFAULTS;
    boolean http2 = true;
    Map<String, String> headers = Map.of();
    Map<String, String> users = Map.of();
    RateLimit rateLimit = RateLimit.NONE;
    Node permissionsNode = null;
    Map<String, Node> fields =
        root == null ? Map.of() : yaml.struct(root, "web.Config", CONFIG_FIELDS);
    if (fields == null) {
      // A null document zeroes the struct in Go: no HTTP/2, no server cipher preference.
      http2 = false;
      tls = zeroTls();
      fields = Map.of();
    }
    for (Map.Entry<String, Node> field : fields.entrySet()) {
      Node value = field.getValue();
      switch (field.getKey()) {
        case "tls_server_config" -> tls = tls(value);
        case "http_server_config" -> {
          Map<String, Node> http = yaml.struct(value, "web.HTTPConfig", HTTP_FIELDS);
          http2 = http != null;
          headers = Map.of();
          if (http != null) {
            Node h2 = http.get("http2");
            http2 = h2 == null || yaml.bool(h2, true);
            Node h = http.get("headers");
            Map<String, String> parsed = h == null ? null : yaml.stringMap(h, "map[string]string");
            headers = parsed == null ? Map.of() : parsed;
          }
        }
        case "rate_limit" -> rateLimit = rateLimit(value);
        case "basic_auth_users" -> {
          Map<String, String> parsed = yaml.stringMap(value, "map[string]config.Secret");
          users = parsed == null ? Map.of() : parsed;
        }
        default -> permissionsNode = value;
      }
    }
    UserPermissions permissions =
        permissionsNode == null ? null : new PermissionsParser(yaml).parse(permissionsNode, users);
    yaml.throwIfErrors();
    checkHeaders(headers);
    return new WebConfig(tls, http2, headers, users, rateLimit, permissions);
  }

  private TlsServerConfig tls(Node node) throws WebConfigException {
    Map<String, Node> fields = yaml.struct(node, "web.TLSConfig", TLS_FIELDS);
    if (fields == null) {
      return zeroTls();
    }
    TlsServerConfig d = TlsServerConfig.DEFAULTS;
    String cert = d.cert();
    String key = d.key();
    String clientCa = d.clientCa();
    String certFile = d.certFile();
    String keyFile = d.keyFile();
    String clientAuthType = d.clientAuthType();
    String clientCaFile = d.clientCaFile();
    List<String> cipherSuites = d.cipherSuites();
    List<String> curves = d.curvePreferences();
    TlsVersion minVersion = d.minVersion();
    TlsVersion maxVersion = d.maxVersion();
    boolean preferServer = d.preferServerCipherSuites();
    List<String> sans = d.clientAllowedSans();
    for (Map.Entry<String, Node> field : fields.entrySet()) {
      Node value = field.getValue();
      switch (field.getKey()) {
        case "cert" -> cert = yaml.string(value);
        case "key" -> key = yaml.string(value);
        case "client_ca" -> clientCa = yaml.string(value);
        case "cert_file" -> certFile = inDirectory(yaml.string(value));
        case "key_file" -> keyFile = inDirectory(yaml.string(value));
        case "client_auth_type" -> clientAuthType = yaml.string(value);
        case "client_ca_file" -> clientCaFile = inDirectory(yaml.string(value));
        case "cipher_suites" ->
            cipherSuites =
                names(
                    value,
                    "[]web.Cipher",
                    GoTlsNames::isCipherSuite,
                    "cipher",
                    "tls_server_config.cipher_suites");
        case "curve_preferences" ->
            curves =
                names(
                    value,
                    "[]web.Curve",
                    GoTlsNames.CURVES::containsKey,
                    "curve",
                    "tls_server_config.curve_preferences");
        case "min_version" -> minVersion = version(value, minVersion);
        case "max_version" -> maxVersion = version(value, maxVersion);
        case "prefer_server_cipher_suites" -> preferServer = yaml.bool(value, preferServer);
        default -> sans = yaml.stringList(value, "[]string");
      }
    }
    return new TlsServerConfig(
        cert,
        key,
        clientCa,
        certFile,
        keyFile,
        clientAuthType,
        clientCaFile,
        cipherSuites,
        curves,
        minVersion,
        maxVersion,
        preferServer,
        sans);
  }

  /** Go's zero {@code TLSConfig} (a null {@code tls_server_config}). */
  private static TlsServerConfig zeroTls() {
    TlsServerConfig d = TlsServerConfig.DEFAULTS;
    return new TlsServerConfig(
        "", "", "", "", "", "", "", List.of(), List.of(), null, null, false, d.clientAllowedSans());
  }

  /**
   * A list decoded element by element by one of the toolkit's unmarshalers ({@code Cipher}, {@code
   * Curve}): an unknown name stops the decoding at once with {@code unknown <what>: <name>}.
   */
  private List<String> names(
      Node node, String goType, Predicate<String> known, String what, String key)
      throws WebConfigException {
    List<Node> items = yaml.sequence(node, goType);
    List<String> names = new ArrayList<>();
    for (Node item : items == null ? List.<Node>of() : items) {
      String name = yaml.customString(item);
      if (name != null) {
        if (!known.test(name)) {
          throw new WebConfigException("unknown " + what + ": " + name, key);
        }
        names.add(name);
      }
    }
    return names;
  }

  private @Nullable TlsVersion version(Node node, @Nullable TlsVersion current)
      throws WebConfigException {
    if (GoYaml.isNull(node)) {
      return null;
    }
    String name = yaml.customString(node);
    if (name == null) {
      return current;
    }
    TlsVersion version = TlsVersion.ofGoName(name);
    if (version == null) {
      throw new WebConfigException("unknown TLS version: " + name, "tls_server_config");
    }
    return version;
  }

  private RateLimit rateLimit(Node node) {
    Map<String, Node> fields = yaml.struct(node, "web.RateLimiterConfig", RATE_LIMIT_FIELDS);
    if (fields == null) {
      return RateLimit.NONE;
    }
    Node interval = fields.get("interval");
    Node burst = fields.get("burst");
    return new RateLimit(
        interval == null ? RateLimit.NONE.interval() : yaml.duration(interval),
        burst == null ? 0 : yaml.integer(burst));
  }

  /** The toolkit's {@code JoinDir}: relative paths are joined with the file's directory. */
  private String inDirectory(String file) {
    if (file.isEmpty() || Path.of(file).isAbsolute()) {
      return file;
    }
    return directory.resolve(file).normalize().toString();
  }

  /** The toolkit's {@code validateHeaderConfig}, in file order. */
  private static void checkHeaders(Map<String, String> headers) throws WebConfigException {
    for (Map.Entry<String, String> header : headers.entrySet()) {
      List<String> allowed = ALLOWED_HEADERS.get(header.getKey());
      String where = "http_server_config.headers." + header.getKey();
      if (allowed == null) {
        throw new WebConfigException(
            "HTTP header " + GoQuote.quote(header.getKey()) + " can not be configured", where);
      }
      if (!allowed.isEmpty() && !allowed.contains(header.getValue())) {
        StringBuilder expected = new StringBuilder("[");
        for (String value : allowed) {
          expected.append(expected.length() > 1 ? " " : "").append(GoQuote.quote(value));
        }
        throw new WebConfigException(
            "invalid value for "
                + header.getKey()
                + ". Expected one of: "
                + expected.append(']')
                + ", but got: "
                + GoQuote.quote(header.getValue()),
            where);
      }
    }
  }
}
