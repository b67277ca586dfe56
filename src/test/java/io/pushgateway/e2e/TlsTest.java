package io.pushgateway.e2e;

import static io.pushgateway.e2e.WebClient.basic;
import static io.pushgateway.e2e.WebClient.https;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.exporter.pushgateway.PushGateway;
import io.prometheus.metrics.exporter.pushgateway.Scheme;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.pushgateway.webconfig.TestPki;
import io.pushgateway.webconfig.TestPki.Issued;
import io.pushgateway.webconfig.TestPki.KeyFormat;
import io.pushgateway.webconfig.TestPki.KeyType;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.bouncycastle.asn1.x509.GeneralName;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tls_server_config} end to end over real TLS: server certificates in the forms openssl
 * writes, client certificate policies, allowed SANs, versions, cipher suites and curves, and
 * certificates replaced on disk, with Java's HTTP client, the Java Pushgateway client and curl.
 */
class TlsTest {
  private static final TestPki PKI = TestPki.create("tls-test-ca");

  @TempDir Path dir;

  /** Writes server.crt/server.key and ca.crt and starts a gateway with this TLS section. */
  private TestGateway start(String tlsSettings, String... moreYaml) throws IOException {
    PKI.server(KeyType.EC).write(dir, "server", KeyFormat.TRADITIONAL);
    Files.writeString(dir.resolve("ca.crt"), PKI.ca().certPem());
    Path file = dir.resolve("web.yml");
    Files.writeString(
        file,
        "tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n"
            + tlsSettings
            + String.join("", moreYaml));
    return TestGateway.start("--web.config.file=" + file);
  }

  private static boolean handshakeFails(SSLContext client, int port) {
    return handshakeFails(client, null, port);
  }

  /**
   * Whether a client with these settings gets no answer: the handshake fails, or (TLS 1.3, where
   * the server judges the client certificate after the client has finished) the first read does. A
   * raw socket, because Java's HTTP client does not pass every TLS parameter on.
   */
  private static boolean handshakeFails(
      SSLContext client, @Nullable SSLParameters params, int port) {
    try (SSLSocket socket = (SSLSocket) client.getSocketFactory().createSocket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      if (params != null) {
        socket.setSSLParameters(params);
      }
      socket.startHandshake();
      socket
          .getOutputStream()
          .write("GET /-/healthy HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      return socket.getInputStream().read() < 0;
    } catch (IOException e) {
      return true;
    }
  }

  @Test
  void tlsWithBasicAuth() throws Exception {
    try (TestGateway gateway =
        start("", "basic_auth_users:\n  carol: " + BasicAuthTest.CAROL + "\n")) {
      int port = gateway.port();
      SSLContext client = PKI.clientContext();
      WebClient.Answer ok =
          https(client, port, "GET", "/-/healthy", "", basic("carol", "carol123"));
      assertThat(ok.text()).isEqualTo("OK");
      assertThat(ok.session()).isNotNull();
      assertThat(ok.session().getProtocol()).isEqualTo("TLSv1.3");
      assertThat(https(client, port, "GET", "/-/healthy", "", basic("carol", "x")).status())
          .isEqualTo(401);
      assertThat(https(client, port, "GET", "/-/healthy", "").status()).isEqualTo(401);
      assertThat(gateway.log()).contains("msg=\"TLS is enabled.\" http2=false address=127.0.0.1:");

      String url = "https://127.0.0.1:" + port + "/-/healthy";
      assertThat(
              WebClient.curlStatus(dir, "--cacert", "ca.crt", "-u", "carol:carol123", url).output())
          .isEqualTo("200");
      assertThat(WebClient.curlStatus(dir, "--cacert", "ca.crt", "-u", "carol:no", url).output())
          .isEqualTo("401");
      // curl refuses a server it cannot verify.
      assertThat(WebClient.curlStatus(dir, "-u", "carol:carol123", url).exitStatus()).isNotZero();
      // Plain HTTP on the TLS port gets no answer.
      assertThat(WebClient.curlStatus(dir, "http://127.0.0.1:" + port + "/-/healthy").output())
          .isEqualTo("000");
    }
  }

  @Test
  void javaClientPushesOverHttps() throws Exception {
    try (TestGateway gateway =
        start("", "basic_auth_users:\n  carol: " + BasicAuthTest.CAROL + "\n")) {
      SSLContext client = PKI.clientContext();
      PrometheusRegistry registry = new PrometheusRegistry();
      Counter.builder().name("jc_tls_total").help("Pushed over TLS.").register(registry).inc(3);
      PushGateway.builder()
          .address("127.0.0.1:" + gateway.port())
          .scheme(Scheme.HTTPS)
          .connectionFactory(
              url -> {
                HttpsURLConnection connection = (HttpsURLConnection) url.openConnection();
                connection.setSSLSocketFactory(client.getSocketFactory());
                return connection;
              })
          .basicAuth("carol", "carol123")
          .job("jc_tls")
          .registry(registry)
          .build()
          .push();
      assertThat(
              https(client, gateway.port(), "GET", "/metrics", "", basic("carol", "carol123"))
                  .text())
          .contains("jc_tls_total{instance=\"\",job=\"jc_tls\"} 3");
    }
  }

  @Test
  void requireAndVerifyClientCert() throws Exception {
    try (TestGateway gateway =
        start("  client_auth_type: RequireAndVerifyClientCert\n  client_ca_file: ca.crt\n")) {
      int port = gateway.port();
      Issued good = PKI.client("good-client", List.of());
      assertThat(https(PKI.clientContext(good), port, "GET", "/-/healthy", "").text())
          .isEqualTo("OK");
      assertThat(handshakeFails(PKI.clientContext(), port)).as("no certificate").isTrue();
      Issued stranger = TestPki.selfSigned("stranger", KeyType.EC);
      assertThat(handshakeFails(PKI.clientContext(stranger), port)).as("unknown CA").isTrue();

      good.write(dir, "client", KeyFormat.PKCS8);
      String url = "https://127.0.0.1:" + port + "/-/healthy";
      assertThat(
              WebClient.curlStatus(
                      dir, "--cacert", "ca.crt", "--cert", "client.crt", "--key", "client.key", url)
                  .output())
          .isEqualTo("200");
      WebClient.Curl without = WebClient.curlStatus(dir, "--cacert", "ca.crt", url);
      assertThat(without.exitStatus()).isNotZero();
      assertThat(without.output()).isEqualTo("000");
    }
  }

  @Test
  void verifyClientCertIfGivenAndRequireAnyClientCert() throws Exception {
    Issued stranger = TestPki.selfSigned("stranger", KeyType.EC);
    try (TestGateway gateway =
        start("  client_auth_type: VerifyClientCertIfGiven\n  client_ca_file: ca.crt\n")) {
      int port = gateway.port();
      assertThat(https(PKI.clientContext(), port, "GET", "/-/healthy", "").status()).isEqualTo(200);
      assertThat(
              https(PKI.clientContext(PKI.client("c", List.of())), port, "GET", "/-/healthy", "")
                  .status())
          .isEqualTo(200);
      assertThat(handshakeFails(PKI.clientContext(stranger), port)).isTrue();
    }
    try (TestGateway gateway = start("  client_auth_type: RequireAnyClientCert\n")) {
      int port = gateway.port();
      // Any certificate, verified or not; none fails.
      assertThat(https(PKI.clientContext(stranger), port, "GET", "/-/healthy", "").status())
          .isEqualTo(200);
      assertThat(handshakeFails(PKI.clientContext(), port)).isTrue();
    }
    // An empty CA file: accepted, but no client certificate verifies against it.
    Files.writeString(dir.resolve("empty.pem"), "");
    try (TestGateway gateway =
        start("  client_auth_type: RequireAndVerifyClientCert\n  client_ca_file: empty.pem\n")) {
      assertThat(handshakeFails(PKI.clientContext(PKI.client("c", List.of())), gateway.port()))
          .isTrue();
    }
  }

  @Test
  void clientAllowedSans() throws Exception {
    try (TestGateway gateway =
        start(
            "  client_auth_type: RequireAndVerifyClientCert\n  client_ca_file: ca.crt\n"
                + "  client_allowed_sans: [allowed.example, \"::1\", spiffe://ns/pusher]\n")) {
      int port = gateway.port();
      Issued dns =
          PKI.client("a", List.of(new GeneralName(GeneralName.dNSName, "allowed.example")));
      Issued ip = PKI.client("b", List.of(new GeneralName(GeneralName.iPAddress, "::1")));
      Issued uri =
          PKI.client(
              "c",
              List.of(
                  new GeneralName(GeneralName.uniformResourceIdentifier, "spiffe://ns/pusher")));
      Issued other =
          PKI.client("d", List.of(new GeneralName(GeneralName.dNSName, "other.example")));
      Issued none = PKI.client("e", List.of());
      for (Issued allowed : List.of(dns, ip, uri)) {
        assertThat(https(PKI.clientContext(allowed), port, "GET", "/-/healthy", "").status())
            .isEqualTo(200);
      }
      assertThat(handshakeFails(PKI.clientContext(other), port)).isTrue();
      assertThat(handshakeFails(PKI.clientContext(none), port)).isTrue();
    }
  }

  @Test
  void serverCertificateReplacedOnDiskServesTheNextHandshake() throws Exception {
    try (TestGateway gateway = start("")) {
      int port = gateway.port();
      SSLContext client = PKI.clientContext();
      X509Certificate before = peer(https(client, port, "GET", "/-/healthy", ""));
      Issued renewed = PKI.server(KeyType.RSA);
      renewed.write(dir, "server", KeyFormat.TRADITIONAL);
      X509Certificate after = peer(https(client, port, "GET", "/-/healthy", ""));
      assertThat(after).isEqualTo(renewed.certificate()).isNotEqualTo(before);

      // A certificate file that cannot be used fails new handshakes, and is logged.
      Files.writeString(dir.resolve("server.crt"), "not a certificate");
      assertThat(handshakeFails(client, port)).isTrue();
      assertThat(gateway.log())
          .contains(
              "msg=\"TLS handshake error\"",
              "err=\"failed to load X509KeyPair: tls: failed to find any PEM data in certificate"
                  + " input\"");
      renewed.write(dir, "server", KeyFormat.PKCS8);
      assertThat(peer(https(client, port, "GET", "/-/healthy", "")))
          .isEqualTo(renewed.certificate());
    }
  }

  @Test
  void versionsCipherSuitesAndCurves() throws Exception {
    try (TestGateway gateway =
        start(
            "  max_version: TLS12\n  cipher_suites:\n"
                + "    - TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384\n"
                + "    - TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256\n")) {
      WebClient.Answer answer = https(PKI.clientContext(), gateway.port(), "GET", "/-/healthy", "");
      assertThat(answer.session().getProtocol()).isEqualTo("TLSv1.2");
      // prefer_server_cipher_suites (default true): the server's first choice wins.
      assertThat(answer.session().getCipherSuite())
          .isEqualTo("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384");
    }
    try (TestGateway gateway = start("  min_version: TLS13\n  curve_preferences: [CurveP384]\n")) {
      int port = gateway.port();
      SSLParameters tls12 = new SSLParameters();
      tls12.setProtocols(new String[] {"TLSv1.2"});
      assertThat(handshakeFails(PKI.clientContext(), tls12, port)).as("TLS 1.2 client").isTrue();
      SSLParameters p256 = new SSLParameters();
      p256.setNamedGroups(new String[] {"secp256r1"});
      assertThat(handshakeFails(PKI.clientContext(), p256, port)).as("P-256 only client").isTrue();
      SSLParameters p384 = new SSLParameters();
      p384.setNamedGroups(new String[] {"secp384r1"});
      assertThat(https(PKI.clientContext(), p384, port, "GET", "/-/healthy", "").status())
          .isEqualTo(200);
    }
  }

  @Test
  void inlineCertificateAndKey() throws Exception {
    Issued server = PKI.server(KeyType.ED25519);
    Path file = dir.resolve("web.yml");
    Files.writeString(
        file,
        "tls_server_config:\n  cert: |\n"
            + indent(server.certPem())
            + "  key: |\n"
            + indent(server.keyPem(KeyFormat.PKCS8)));
    try (TestGateway gateway = TestGateway.start("--web.config.file=" + file)) {
      assertThat(peer(https(PKI.clientContext(), gateway.port(), "GET", "/-/healthy", "")))
          .isEqualTo(server.certificate());
    }
  }

  private static String indent(String pem) {
    return pem.lines().map(line -> "    " + line + "\n").reduce("", String::concat);
  }

  private static X509Certificate peer(WebClient.Answer answer) throws IOException {
    assertThat(answer.session()).isNotNull();
    return (X509Certificate) answer.session().getPeerCertificates()[0];
  }

  @Test
  void plainHttpClientsCannotTalkToTheTlsPort() throws Exception {
    try (TestGateway gateway = start("")) {
      assertThatThrownBy(() -> WebClient.http(gateway.port(), "GET", "/-/healthy", ""))
          .isInstanceOf(IOException.class);
      assertThat(URI.create("https://127.0.0.1:" + gateway.port()).getScheme()).isEqualTo("https");
    }
  }
}
