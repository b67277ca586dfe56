package io.pushgateway.webconfig;

import java.security.cert.X509Certificate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything one TLS handshake needs, loaded and checked from {@code tls_server_config}.
 *
 * @param config the settings as written
 * @param clientAuth the client certificate policy
 * @param serverKey the server's key and certificate chain
 * @param clientCas the client CAs; null when none is configured (client certificates are then
 *     verified against the Java runtime's default trust store, as Go uses the system roots)
 */
public record TlsSettings(
    TlsServerConfig config,
    ClientAuth clientAuth,
    ServerKey serverKey,
    @Nullable List<X509Certificate> clientCas) {

  public TlsSettings {
    clientCas = clientCas == null ? null : List.copyOf(clientCas);
  }
}
