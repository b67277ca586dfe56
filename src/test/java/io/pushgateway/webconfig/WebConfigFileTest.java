package io.pushgateway.webconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pushgateway.webconfig.TestPki.KeyFormat;
import io.pushgateway.webconfig.TestPki.KeyType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checks the toolkit makes before serving (hashes, TLS files, HTTP/2's cipher suite) and the
 * re-reading afterwards, which checks only what the toolkit checks per request.
 */
class WebConfigFileTest {
  private static final TestPki PKI = TestPki.create("web-config-file-test-ca");

  /** carol123, bcrypt cost 4 (made with Go's bcrypt). */
  private static final String CAROL =
      "$2a$04$x3HE/lZYBf7a50ZR4koDRuDHlv.GfTmF9hOiC36fULA25PgIQ.fzm";

  @TempDir Path dir;

  private WebConfigFile open(String yaml) throws Exception {
    Path file = dir.resolve("web.yml");
    Files.writeString(file, yaml);
    return WebConfigFile.open(file.toString());
  }

  private WebConfigException failure(String yaml) {
    try {
      open(yaml);
    } catch (WebConfigException e) {
      return e;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("opened: " + yaml);
  }

  @Test
  void startUpChecksEveryHashAndNamesTheUser() {
    WebConfigException e = failure("basic_auth_users:\n  ok: " + CAROL + "\n  john: doe\n");
    assertThat(e.getMessage())
        .isEqualTo("crypto/bcrypt: hashedSecret too short to be a bcrypted password");
    assertThat(e.key()).isEqualTo("basic_auth_users.john");
  }

  @Test
  void startUpLoadsTheTlsFilesAndChecksHttp2sCipherSuite() throws Exception {
    PKI.server(KeyType.RSA).write(dir, "server", KeyFormat.TRADITIONAL);
    String tls = "tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n";
    assertThat(open(tls).startupConfig().tls().enabled()).isTrue();
    WebConfigException e =
        failure(tls + "  cipher_suites: [TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384]\n");
    assertThat(e.getMessage())
        .isEqualTo(
            "http2: TLSConfig.CipherSuites is missing an HTTP/2-required AES_128_GCM_SHA256 cipher"
                + " (need at least one of TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 or"
                + " TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256)");
    // Without HTTP/2, or with TLS 1.3 only, Go has no such rule.
    open(
        tls
            + "  cipher_suites: [TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384]\n"
            + "http_server_config:\n  http2: false\n");
    open(tls + "  min_version: TLS13\n  cipher_suites: [TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384]\n");
    assertThat(failure("tls_server_config:\n  cert_file: server.crt\n").getMessage())
        .isEqualTo("missing one of key or key_file");
  }

  @Test
  void laterReadingsCheckWhatTheToolkitChecksPerRequest() throws Exception {
    WebConfigFile file = open("basic_auth_users:\n  a: " + CAROL + "\n");
    Path path = dir.resolve("web.yml");
    WebConfig first = file.current();
    assertThat(file.current()).isSameAs(first);
    // A bad hash is no error of the file then: that user's logins just fail.
    Files.writeString(path, "basic_auth_users:\n  a: doe\n");
    assertThat(file.current().users()).containsEntry("a", "doe");
    Files.writeString(path, "basic_auth_users: [\n");
    assertThatThrownBy(file::current)
        .isInstanceOf(WebConfigException.class)
        .hasMessageStartingWith("yaml: line ");
    Files.writeString(path, "");
    assertThat(file.current().users()).isEmpty();
    // The start-up reading stays what the server was started with.
    assertThat(file.startupConfig()).isSameAs(first);
    // TLS settings for a handshake, when the file no longer configures TLS.
    assertThatThrownBy(file::currentTls).hasMessage("TLS config is not present");
  }
}
