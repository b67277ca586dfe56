package io.pushgateway.webconfig;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The YAML of exporter-toolkit's web configuration, read with its defaults and error texts (taken
 * from the Go Pushgateway 1.5.1 and the toolkit's sources).
 */
class WebConfigParserTest {
  private static WebConfig parse(String yaml) throws WebConfigException {
    return WebConfigParser.parse(yaml.getBytes(UTF_8), Path.of("/etc/pg"));
  }

  private static String error(String yaml) {
    try {
      parse(yaml);
    } catch (WebConfigException e) {
      return e.getMessage();
    }
    throw new AssertionError("accepted: " + yaml);
  }

  @Test
  void emptyFileMeansNoTlsNoAuthAndTheToolkitDefaults() throws Exception {
    for (String yaml : new String[] {"", "# only a comment\n", "---\n"}) {
      WebConfig c = parse(yaml);
      assertThat(c.tls().enabled()).isFalse();
      assertThat(c.users()).isEmpty();
      assertThat(c.headers()).isEmpty();
      assertThat(c.rateLimit().enabled()).isFalse();
      assertThat(c.permissions()).isNull();
    }
    WebConfig c = parse("basic_auth_users:\n");
    assertThat(c.http2()).isTrue();
    assertThat(c.tls().minVersion()).isEqualTo(TlsVersion.TLS12);
    assertThat(c.tls().maxVersion()).isEqualTo(TlsVersion.TLS13);
    assertThat(c.tls().preferServerCipherSuites()).isTrue();
    assertThat(c.tls().clientAllowedSans()).isNull();
  }

  @Test
  void readsEveryKey() throws Exception {
    WebConfig c =
        parse(
            """
            tls_server_config:
              cert_file: server.crt
              key_file: /abs/server.key
              client_ca_file: ../ca/clients.pem
              client_auth_type: RequireAndVerifyClientCert
              client_allowed_sans: [one, "two"]
              min_version: TLS13
              max_version: TLS13
              cipher_suites:
                - TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256
                - TLS_AES_128_GCM_SHA256
              prefer_server_cipher_suites: no
              curve_preferences: [X25519, CurveP256]
            http_server_config:
              http2: false
              headers:
                X-Frame-Options: deny
                Strict-Transport-Security: max-age=31536000; includeSubDomains
                X-Content-Type-Options: nosniff
                X-XSS-Protection: 1
                Content-Security-Policy: "default-src 'self'"
            basic_auth_users:
              alice: $2y$10$qRTBuFoULoYNA7AQ/F3ck.trZBPyjV64.oA4ZsSBCIWvXuvQlQTuu
              123: $2y$10$2UXri9cIDdgeKjBo4Rlpx.U3ZLDV8X1IxKmsfOvhcM5oXQt/mLmXq
            rate_limit:
              interval: 1s
              burst: 5
            """);
    TlsServerConfig tls = c.tls();
    assertThat(tls.enabled()).isTrue();
    // Relative names are joined with the file's directory, as the toolkit's JoinDir does.
    assertThat(tls.certFile()).isEqualTo("/etc/pg/server.crt");
    assertThat(tls.keyFile()).isEqualTo("/abs/server.key");
    assertThat(tls.clientCaFile()).isEqualTo("/etc/ca/clients.pem");
    assertThat(tls.clientAuthType()).isEqualTo("RequireAndVerifyClientCert");
    assertThat(tls.clientAllowedSans()).containsExactly("one", "two");
    assertThat(tls.minVersion()).isEqualTo(TlsVersion.TLS13);
    assertThat(tls.cipherSuites())
        .containsExactly("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_AES_128_GCM_SHA256");
    assertThat(tls.tls12CipherSuites()).containsExactly("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
    assertThat(tls.preferServerCipherSuites()).isFalse();
    assertThat(tls.namedGroups()).containsExactly("x25519", "secp256r1");
    assertThat(c.http2()).isFalse();
    assertThat(c.headers())
        .containsEntry("X-XSS-Protection", "1")
        .containsEntry("Content-Security-Policy", "default-src 'self'");
    assertThat(c.headers().keySet()).first().isEqualTo("X-Frame-Options");
    // A numeric user name is a string, as yaml.v2 reads it.
    assertThat(c.users()).containsOnlyKeys("alice", "123");
    assertThat(c.rateLimit()).isEqualTo(new RateLimit(Duration.ofSeconds(1), 5));
  }

  @Test
  void inlineCertificateAndKeyEnableTls() throws Exception {
    WebConfig c = parse("tls_server_config:\n  cert: |\n    x\n  key: |\n    y\n");
    assertThat(c.tls().enabled()).isTrue();
    assertThat(c.tls().cert()).isEqualTo("x\n");
    assertThat(c.tls().key()).isEqualTo("y\n");
  }

  @Test
  void unknownAndRepeatedFieldsAreReportedTogetherWithTheirLines() {
    assertThat(error("tls_server_config:\n  cert_filse: \"server.crt\"\n"))
        .isEqualTo(
            "yaml: unmarshal errors:\n  line 2: field cert_filse not found in type web.TLSConfig");
    assertThat(error("foo: 1\nbar: 2\n"))
        .isEqualTo(
            "yaml: unmarshal errors:\n"
                + "  line 1: field foo not found in type web.Config\n"
                + "  line 2: field bar not found in type web.Config");
    assertThat(error("http_server_config:\n  http2: true\nhttp_server_config:\n  http2: true\n"))
        .isEqualTo(
            "yaml: unmarshal errors:\n"
                + "  line 3: field http_server_config already set in type web.Config");
    assertThat(error("basic_auth_users:\n  a: x\n  a: y\n"))
        .isEqualTo("yaml: unmarshal errors:\n  line 3: key \"a\" already set in map");
  }

  @Test
  void typeErrorsNameTheYamlTagAndTheGoType() {
    assertThat(error("http_server_config:\n  http2: maybe\n"))
        .isEqualTo("yaml: unmarshal errors:\n  line 2: cannot unmarshal !!str `maybe` into bool");
    assertThat(error("http_server_config:\n  http2: 1\n"))
        .isEqualTo("yaml: unmarshal errors:\n  line 2: cannot unmarshal !!int `1` into bool");
    assertThat(error("hWkNKCp3fvIx3jKnsaBI\nTuEjdwNS8A2vYdFbiKqr\n"))
        .isEqualTo(
            "yaml: unmarshal errors:\n  line 1: cannot unmarshal !!str `hWkNKCp...` into web.Config");
    assertThat(error("- a\n- b\n"))
        .isEqualTo("yaml: unmarshal errors:\n  line 1: cannot unmarshal !!seq into web.Config");
    assertThat(error("basic_auth_users: foo\n"))
        .isEqualTo(
            "yaml: unmarshal errors:\n"
                + "  line 1: cannot unmarshal !!str `foo` into map[string]config.Secret");
    assertThat(
            error(
                "tls_server_config:\n  cert_file: a\n  key_file: b\n"
                    + "  cipher_suites: TLS_AES_128_GCM_SHA256\n"))
        .isEqualTo(
            "yaml: unmarshal errors:\n"
                + "  line 4: cannot unmarshal !!str `TLS_AES...` into []web.Cipher");
    assertThat(error("rate_limit:\n  interval: soon\n"))
        .isEqualTo(
            "yaml: unmarshal errors:\n  line 2: cannot unmarshal !!str `soon` into time.Duration");
  }

  @Test
  void yamlOneOneBooleansAndQuotedStrings() throws Exception {
    assertThat(parse("http_server_config:\n  http2: off\n").http2()).isFalse();
    assertThat(parse("http_server_config:\n  http2: Yes\n").http2()).isTrue();
    // A null value zeroes the field, as in Go.
    assertThat(parse("http_server_config:\n  http2:\n").http2()).isFalse();
    assertThat(error("http_server_config:\n  http2: \"true\"\n"))
        .isEqualTo("yaml: unmarshal errors:\n  line 2: cannot unmarshal !!str `true` into bool");
  }

  @Test
  void syntaxErrorsGiveTheLine() {
    assertThat(error("basic_auth_users:\n\tfoo: bar\n"))
        .isEqualTo("yaml: line 2: found character that cannot start any token");
    assertThat(error("foo: [\n")).startsWith("yaml: line ");
  }

  @Test
  void unknownCipherCurveOrVersionStopsAtOnce() {
    assertThat(error("tls_server_config:\n  cipher_suites: [TLS_FOO]\nbogus: 1\n"))
        .isEqualTo("unknown cipher: TLS_FOO");
    assertThat(error("tls_server_config:\n  curve_preferences: [P256]\n"))
        .isEqualTo("unknown curve: P256");
    assertThat(error("tls_server_config:\n  min_version: TLS14\n"))
        .isEqualTo("unknown TLS version: TLS14");
    // Go 1.19's insecure suites are not in tls.CipherSuites().
    assertThat(error("tls_server_config:\n  cipher_suites: [TLS_RSA_WITH_3DES_EDE_CBC_SHA]\n"))
        .isEqualTo("unknown cipher: TLS_RSA_WITH_3DES_EDE_CBC_SHA");
  }

  @Test
  void onlyTheToolkitsHeadersWithTheirValuesAreAllowed() {
    assertThat(error("http_server_config:\n  headers:\n    X-Custom: a\n"))
        .isEqualTo("HTTP header \"X-Custom\" can not be configured");
    assertThat(error("http_server_config:\n  headers:\n    x-frame-options: deny\n"))
        .isEqualTo("HTTP header \"x-frame-options\" can not be configured");
    assertThat(error("http_server_config:\n  headers:\n    X-Frame-Options: allow\n"))
        .isEqualTo(
            "invalid value for X-Frame-Options. Expected one of: [\"deny\" \"sameorigin\"],"
                + " but got: \"allow\"");
    assertThat(error("http_server_config:\n  headers:\n    X-Content-Type-Options: foo\n"))
        .isEqualTo(
            "invalid value for X-Content-Type-Options. Expected one of: [\"nosniff\"],"
                + " but got: \"foo\"");
  }

  @Test
  void userPermissionsInListAndMappingForm() throws Exception {
    WebConfig c =
        parse(
            """
            basic_auth_users:
              prom: h1
              ops: h2
              backup: h3
              ci: h4
              nobody: h5
            user_permissions:
              prom: [read]
              ops: [read, push, admin]
              backup:
                push:
                  job: backup|backup-.+
              ci:
                read: true
                push:
                  grouping_key:
                    instance: runner-[0-9]+
              nobody: []
            """);
    assertThat(c.permissionsOf("prom")).isEqualTo(new Permissions("prom", true, null, false));
    assertThat(c.permissionsOf("ops").push()).isEqualTo(PushScope.ANY);
    assertThat(c.permissionsOf("ops").admin()).isTrue();
    PushScope backup = c.permissionsOf("backup").push();
    assertThat(backup).isNotNull();
    assertThat(backup.allows(Map.of("job", "backup"))).isTrue();
    assertThat(backup.allows(Map.of("job", "backup-db", "instance", "x"))).isTrue();
    assertThat(backup.allows(Map.of("job", "backupx"))).isFalse();
    assertThat(c.permissionsOf("backup").read()).isFalse();
    PushScope ci = c.permissionsOf("ci").push();
    assertThat(ci).isNotNull();
    assertThat(ci.allows(Map.of("job", "any", "instance", "runner-7"))).isTrue();
    // A label missing from the grouping key is the empty value.
    assertThat(ci.allows(Map.of("job", "any"))).isFalse();
    assertThat(c.permissionsOf("nobody")).isEqualTo(new Permissions("nobody", false, null, false));
    // Users the extension does not list may do nothing.
    assertThat(c.permissionsOf("stranger").read()).isFalse();
    // Without the extension every user may do everything, as upstream.
    assertThat(parse("basic_auth_users:\n  a: h\n").permissionsOf("a"))
        .isEqualTo(Permissions.all("a"));
  }

  @Test
  void userPermissionsMistakesAreErrors() {
    assertThat(
            error(
                "basic_auth_users:\n  a: h\nuser_permissions:\n  a: [read, wirte]\n  b: [read]\n"))
        .isEqualTo(
            "yaml: unmarshal errors:\n"
                + "  line 4: user_permissions: unknown permission \"wirte\" for user \"a\""
                + " (known: read, push, admin)\n"
                + "  line 5: user_permissions: user \"b\" is not in basic_auth_users");
    assertThat(error("user_permissions:\n  a: [read]\n"))
        .contains("line 2: user_permissions needs basic_auth_users");
    assertThat(
            error(
                "basic_auth_users:\n  a: h\nuser_permissions:\n  a:\n    push:\n      job: \"(\"\n"))
        .contains("line 6: invalid regular expression \"(\" in user_permissions.a.push.job");
    assertThat(error("basic_auth_users:\n  a: h\nuser_permissions:\n  a:\n    write: true\n"))
        .contains("line 5: field write not found in type user_permissions.a");
  }

  @Test
  void exceptionsNameTheKey() {
    assertThatThrownBy(() -> parse("http_server_config:\n  headers:\n    X-Custom: a\n"))
        .isInstanceOf(WebConfigException.class)
        .extracting(e -> ((WebConfigException) e).key())
        .isEqualTo("http_server_config.headers.X-Custom");
  }
}
