package io.pushgateway.webconfig;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/** The server's private key and its certificate chain (leaf first), as the TLS server uses them. */
public record ServerKey(PrivateKey privateKey, List<X509Certificate> chain) {
  public ServerKey {
    chain = List.copyOf(chain);
  }
}
