package io.pushgateway.webconfig;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Loads {@link TlsSettings} as the toolkit's {@code ConfigToTLSConfig} does, with its checks in its
 * order and its error texts. Files are read on every load, so a certificate replaced on disk is
 * used by the next handshake; what was parsed is kept while the bytes stay the same.
 */
final class TlsLoader {
  private record Parsed<T>(byte[] first, byte[] second, T value) {}

  private volatile @Nullable Parsed<ServerKey> lastKey;
  private volatile @Nullable Parsed<List<X509Certificate>> lastCas;

  /**
   * The settings for the next handshake.
   *
   * @throws WebConfigException e.g. {@code missing one of cert or cert_file}, {@code failed to read
   *     key_file (...): ...}, {@code failed to load X509KeyPair: ...}, {@code invalid ClientAuth:
   *     X}
   */
  TlsSettings load(TlsServerConfig c) throws WebConfigException {
    if (!c.enabled()) {
      throw new WebConfigException("TLS config is not present", "tls_server_config");
    }
    if (c.certFile().isEmpty() && c.cert().isEmpty()) {
      throw new WebConfigException("missing one of cert or cert_file", "tls_server_config");
    }
    if (c.keyFile().isEmpty() && c.key().isEmpty()) {
      throw new WebConfigException("missing one of key or key_file", "tls_server_config");
    }
    byte[] certPem = pem(c.certFile(), c.cert(), "cert_file");
    byte[] keyPem = pem(c.keyFile(), c.key(), "key_file");
    ServerKey serverKey = serverKey(certPem, keyPem);
    List<X509Certificate> cas = null;
    if (!c.clientCaFile().isEmpty()) {
      try {
        cas = clientCas(GoFiles.read(c.clientCaFile()));
      } catch (IOException e) {
        throw new WebConfigException(e.getMessage(), "tls_server_config.client_ca_file");
      }
    } else if (!c.clientCa().isEmpty()) {
      cas = clientCas(c.clientCa().getBytes(UTF_8));
    }
    ClientAuth clientAuth = ClientAuth.ofGoName(c.clientAuthType());
    if (clientAuth == null) {
      throw new WebConfigException(
          "invalid ClientAuth: " + c.clientAuthType(), "tls_server_config.client_auth_type");
    }
    if (cas != null && clientAuth == ClientAuth.NO_CLIENT_CERT) {
      throw new WebConfigException(
          "client CA's have been configured without a Client Auth Policy",
          "tls_server_config.client_auth_type");
    }
    return new TlsSettings(c, clientAuth, serverKey, cas);
  }

  private static byte[] pem(String file, String inline, String key) throws WebConfigException {
    if (file.isEmpty()) {
      return inline.getBytes(UTF_8);
    }
    try {
      return GoFiles.read(file);
    } catch (IOException e) {
      throw new WebConfigException(
          "failed to read " + key + " (" + file + "): " + e.getMessage(),
          "tls_server_config." + key);
    }
  }

  private ServerKey serverKey(byte[] certPem, byte[] keyPem) throws WebConfigException {
    Parsed<ServerKey> last = lastKey;
    if (last != null
        && Arrays.equals(last.first(), certPem)
        && Arrays.equals(last.second(), keyPem)) {
      return last.value();
    }
    try {
      ServerKey key = X509KeyPair.load(certPem, keyPem);
      lastKey = new Parsed<>(certPem, keyPem, key);
      return key;
    } catch (IllegalArgumentException e) {
      throw new WebConfigException(
          "failed to load X509KeyPair: " + e.getMessage(), "tls_server_config");
    }
  }

  private List<X509Certificate> clientCas(byte[] pem) {
    Parsed<List<X509Certificate>> last = lastCas;
    if (last != null && Arrays.equals(last.first(), pem)) {
      return last.value();
    }
    List<X509Certificate> cas = CertPool.fromPem(pem);
    lastCas = new Parsed<>(pem, new byte[0], cas);
    return cas;
  }
}
