package io.pushgateway.webconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pushgateway.webconfig.TestPki.Issued;
import io.pushgateway.webconfig.TestPki.KeyFormat;
import io.pushgateway.webconfig.TestPki.KeyType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading {@code tls_server_config} as the toolkit's {@code ConfigToTLSConfig} and Go's {@code
 * tls.X509KeyPair} do: key forms, checks, their order and texts.
 */
class TlsLoaderTest {
  private static final TestPki PKI = TestPki.create("tls-loader-test-ca");

  @TempDir Path dir;

  private TlsServerConfig files(String cert, String key) {
    return with(cert, key, "", "", "");
  }

  private TlsServerConfig with(
      String certFile, String keyFile, String clientAuth, String caFile, String caInline) {
    return new TlsServerConfig(
        "",
        "",
        caInline,
        certFile.isEmpty() ? "" : dir.resolve(certFile).toString(),
        keyFile.isEmpty() ? "" : dir.resolve(keyFile).toString(),
        clientAuth,
        caFile.isEmpty() ? "" : dir.resolve(caFile).toString(),
        List.of(),
        List.of(),
        TlsVersion.TLS12,
        TlsVersion.TLS13,
        true,
        null);
  }

  private static TlsServerConfig inline(String cert, String key) {
    return new TlsServerConfig(
        cert, key, "", "", "", "", "", List.of(), List.of(), null, null, true, null);
  }

  private static String error(TlsServerConfig config) {
    try {
      new TlsLoader().load(config);
    } catch (WebConfigException e) {
      return e.getMessage();
    }
    throw new AssertionError("loaded: " + config);
  }

  @Test
  void everyKeyFormThatOpensslWrites() throws Exception {
    for (KeyType type : KeyType.values()) {
      for (KeyFormat format : KeyFormat.values()) {
        if (type == KeyType.ED25519 && format == KeyFormat.TRADITIONAL) {
          continue; // Ed25519 keys exist in PKCS#8 only
        }
        Issued server = PKI.server(type);
        TlsSettings settings =
            new TlsLoader().load(inline(server.certPem(), server.keyPem(format)));
        // The loader has checked that the key belongs to the certificate.
        assertThat(settings.serverKey().chain()).containsExactly(server.certificate());
        assertThat(settings.serverKey().privateKey().getAlgorithm())
            .as(type + " " + format)
            .isEqualTo(server.key().getAlgorithm());
      }
    }
  }

  @Test
  void keysMadeByTheOpensslCommand() throws Exception {
    assumeTrue(hasOpenssl(), "openssl is not installed");
    List<List<String>> keyCommands =
        List.of(
            List.of("openssl", "genrsa", "-traditional", "-out", "k.pem", "2048"),
            List.of("openssl", "genrsa", "-out", "k.pem", "2048"),
            // writes an EC PARAMETERS block before the EC PRIVATE KEY, which Go skips
            List.of("openssl", "ecparam", "-name", "prime256v1", "-genkey", "-out", "k.pem"),
            List.of(
                "openssl", "ecparam", "-name", "secp384r1", "-genkey", "-noout", "-out", "k.pem"),
            List.of("openssl", "genpkey", "-algorithm", "ed25519", "-out", "k.pem"),
            List.of(
                "openssl",
                "genpkey",
                "-algorithm",
                "EC",
                "-pkeyopt",
                "ec_paramgen_curve:P-256",
                "-out",
                "k.pem"));
    for (List<String> command : keyCommands) {
      run(command);
      run(
          List.of(
              "openssl",
              "req",
              "-x509",
              "-key",
              "k.pem",
              "-out",
              "c.pem",
              "-days",
              "1",
              "-subj",
              "/CN=localhost"));
      TlsSettings settings = new TlsLoader().load(files("c.pem", "k.pem"));
      assertThat(settings.serverKey().chain()).as(String.join(" ", command)).hasSize(1);
    }
  }

  @Test
  void goErrorTextsInGoOrder() throws IOException {
    Issued rsa = PKI.server(KeyType.RSA);
    Issued ec = PKI.server(KeyType.EC);
    Issued otherEc = PKI.server(KeyType.EC);
    assertThat(error(files("", "k"))).isEqualTo("missing one of cert or cert_file");
    assertThat(error(files("c", ""))).isEqualTo("missing one of key or key_file");
    Path missing = dir.resolve("nope.crt");
    assertThat(error(files("nope.crt", "k")))
        .isEqualTo(
            "failed to read cert_file ("
                + missing
                + "): open "
                + missing
                + ": no such file or directory");
    assertThat(error(inline(ec.keyPem(KeyFormat.PKCS8), ec.certPem())))
        .isEqualTo(
            "failed to load X509KeyPair: tls: failed to find certificate PEM data in certificate"
                + " input, but did find a private key; PEM inputs may have been switched");
    assertThat(error(inline(ec.certPem(), ec.certPem())))
        .isEqualTo(
            "failed to load X509KeyPair: tls: found a certificate rather than a key in the PEM for"
                + " the private key");
    assertThat(error(inline("junk", "junk")))
        .isEqualTo(
            "failed to load X509KeyPair: tls: failed to find any PEM data in certificate input");
    assertThat(error(inline(ec.certPem(), "garbage")))
        .isEqualTo("failed to load X509KeyPair: tls: failed to find any PEM data in key input");
    assertThat(error(inline(ec.certPem(), otherEc.keyPem(KeyFormat.TRADITIONAL))))
        .isEqualTo("failed to load X509KeyPair: tls: private key does not match public key");
    assertThat(error(inline(ec.certPem(), rsa.keyPem(KeyFormat.PKCS8))))
        .isEqualTo(
            "failed to load X509KeyPair: tls: private key type does not match public key type");
    String notAKey = "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n";
    assertThat(error(inline(ec.certPem(), notAKey)))
        .isEqualTo("failed to load X509KeyPair: tls: failed to parse private key");
    String caOnly = "-----BEGIN X509 CRL-----\nAAAA\n-----END X509 CRL-----\n";
    assertThat(error(inline(caOnly, ec.keyPem(KeyFormat.PKCS8))))
        .isEqualTo(
            "failed to load X509KeyPair: tls: failed to find \"CERTIFICATE\" PEM block in"
                + " certificate input after skipping PEM blocks of the following types: [X509 CRL]");
  }

  @Test
  void clientAuthSettings() throws IOException {
    Issued server = PKI.server(KeyType.EC);
    server.write(dir, "s", KeyFormat.PKCS8);
    Files.writeString(dir.resolve("ca.pem"), PKI.ca().certPem());
    Files.writeString(dir.resolve("empty.pem"), "");
    assertThat(error(with("s.crt", "s.key", "Foo", "", ""))).isEqualTo("invalid ClientAuth: Foo");
    assertThat(error(with("s.crt", "s.key", "", "ca.pem", "")))
        .isEqualTo("client CA's have been configured without a Client Auth Policy");
    assertThat(error(with("s.crt", "s.key", "NoClientCert", "", PKI.ca().certPem())))
        .isEqualTo("client CA's have been configured without a Client Auth Policy");
    Path missing = dir.resolve("nope.pem");
    assertThat(error(with("s.crt", "s.key", "RequireAndVerifyClientCert", "nope.pem", "")))
        .isEqualTo("open " + missing + ": no such file or directory");
    // The old name RequireClientCert still works, as in the toolkit.
    assertThat(loadQuietly(with("s.crt", "s.key", "RequireClientCert", "", "")).clientAuth())
        .isEqualTo(ClientAuth.REQUIRE_ANY_CLIENT_CERT);
    TlsSettings verify =
        loadQuietly(with("s.crt", "s.key", "RequireAndVerifyClientCert", "ca.pem", ""));
    assertThat(verify.clientCas()).containsExactly(PKI.ca().certificate());
    // A CA file without certificates is accepted and lets no client certificate verify.
    assertThat(
            loadQuietly(with("s.crt", "s.key", "VerifyClientCertIfGiven", "empty.pem", ""))
                .clientCas())
        .isEmpty();
    assertThat(
            loadQuietly(with("s.crt", "s.key", "RequireAndVerifyClientCert", "", "")).clientCas())
        .isNull();
  }

  @Test
  void unchangedFilesAreNotParsedAgainAndChangedOnesAre() throws IOException {
    TlsLoader loader = new TlsLoader();
    PKI.server(KeyType.EC).write(dir, "s", KeyFormat.PKCS8);
    ServerKey first = load(loader, files("s.crt", "s.key"));
    assertThat(load(loader, files("s.crt", "s.key"))).isSameAs(first);
    Issued renewed = PKI.server(KeyType.EC);
    renewed.write(dir, "s", KeyFormat.TRADITIONAL);
    assertThat(load(loader, files("s.crt", "s.key")).chain())
        .containsExactly(renewed.certificate());
  }

  private static ServerKey load(TlsLoader loader, TlsServerConfig config) {
    try {
      return loader.load(config).serverKey();
    } catch (WebConfigException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  private static TlsSettings loadQuietly(TlsServerConfig config) {
    try {
      return new TlsLoader().load(config);
    } catch (WebConfigException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  private void run(List<String> command) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(new ArrayList<>(command))
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(command + ": " + output).isZero();
  }

  static boolean hasOpenssl() {
    try {
      Process p = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
