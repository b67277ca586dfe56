package io.pushgateway.http;

import io.pushgateway.webconfig.ClientAuth;
import io.pushgateway.webconfig.TlsSettings;
import java.net.InetAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.jspecify.annotations.Nullable;

/**
 * Judges client certificates as Go's TLS server does under the toolkit's settings: verified against
 * the client CAs only for the {@code Verify...} policies (the Java runtime's trust store when no CA
 * is configured, as Go uses the system roots; nothing verifies against an empty CA file), taken as
 * given otherwise, and, with {@code client_allowed_sans}, accepted only if the leaf certificate has
 * one of those subject alternative names (DNS, e-mail, IP or URI).
 */
final class ClientCertTrust extends X509ExtendedTrustManager {
  private final @Nullable X509ExtendedTrustManager verifier;
  private final boolean verifies;
  private final @Nullable List<String> allowedSans;
  private final X509Certificate[] acceptedIssuers;

  private ClientCertTrust(
      @Nullable X509ExtendedTrustManager verifier,
      boolean verifies,
      @Nullable List<String> allowedSans,
      X509Certificate[] acceptedIssuers) {
    this.verifier = verifier;
    this.verifies = verifies;
    this.allowedSans = allowedSans;
    this.acceptedIssuers = acceptedIssuers;
  }

  /** The trust manager for one version of the TLS settings. */
  static ClientCertTrust of(TlsSettings settings) throws GeneralSecurityException {
    List<X509Certificate> cas = settings.clientCas();
    ClientAuth auth = settings.clientAuth();
    X509ExtendedTrustManager verifier = null;
    if (auth.verifies() && (cas == null || !cas.isEmpty())) {
      verifier = pkix(cas);
    }
    X509Certificate[] issuers =
        cas == null ? new X509Certificate[0] : cas.toArray(new X509Certificate[0]);
    return new ClientCertTrust(
        verifier, auth.verifies(), settings.config().clientAllowedSans(), issuers);
  }

  private static X509ExtendedTrustManager pkix(@Nullable List<X509Certificate> cas)
      throws GeneralSecurityException {
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    if (cas == null) {
      factory.init((KeyStore) null);
    } else {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      try {
        store.load(null, null);
      } catch (java.io.IOException e) {
        throw new GeneralSecurityException("cannot create an empty key store", e);
      }
      for (int i = 0; i < cas.size(); i++) {
        store.setCertificateEntry("client-ca-" + i, cas.get(i));
      }
      factory.init(store);
    }
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509ExtendedTrustManager x509) {
        return x509;
      }
    }
    throw new GeneralSecurityException("no X.509 trust manager in " + factory.getAlgorithm());
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    check(chain, v -> v.checkClientTrusted(chain, authType, engine));
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    check(chain, v -> v.checkClientTrusted(chain, authType, socket));
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    check(chain, v -> v.checkClientTrusted(chain, authType));
  }

  /** One way of asking the verifying trust manager. */
  @FunctionalInterface
  private interface Verification {
    void run(X509ExtendedTrustManager verifier) throws CertificateException;
  }

  private void check(X509Certificate[] chain, Verification verification)
      throws CertificateException {
    if (verifies) {
      X509ExtendedTrustManager v = verifier;
      if (v == null) {
        throw new CertificateException("x509: certificate signed by unknown authority");
      }
      verification.run(v);
    }
    checkSans(chain);
  }

  /** The toolkit's {@code VerifyPeerCertificate}: some SAN of the leaf must be allowed. */
  private void checkSans(X509Certificate[] chain) throws CertificateException {
    List<String> allowed = allowedSans;
    if (allowed == null) {
      return;
    }
    if (chain.length > 0) {
      for (String san : sans(chain[0])) {
        if (allowed.contains(san)) {
          return;
        }
      }
    }
    throw new CertificateException(
        "could not find allowed SANs in client cert, found: [" + String.join(" ", allowed) + "]");
  }

  /** The leaf's DNS names, e-mail addresses, IP addresses (Go's text form) and URIs. */
  private static List<String> sans(X509Certificate cert) throws CertificateParsingException {
    List<String> values = new ArrayList<>();
    Collection<List<?>> names = cert.getSubjectAlternativeNames();
    if (names == null) {
      return values;
    }
    for (List<?> name : names) {
      if (name.size() < 2
          || !(name.get(0) instanceof Integer type)
          || !(name.get(1) instanceof String value)) {
        continue;
      }
      switch (type) {
        case 1, 2, 6 -> values.add(value);
        case 7 -> values.add(ipText(value));
        default -> {}
      }
    }
    return values;
  }

  private static String ipText(String literal) {
    try {
      return GoIp.format(InetAddress.getByName(literal));
    } catch (UnknownHostException e) {
      return literal;
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    throw new CertificateException("the gateway checks no server certificates");
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    throw new CertificateException("the gateway checks no server certificates");
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    throw new CertificateException("the gateway checks no server certificates");
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return acceptedIssuers.clone();
  }
}
