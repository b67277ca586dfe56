package io.pushgateway.webconfig;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * Go's {@code CertPool.AppendCertsFromPEM}: every {@code CERTIFICATE} block without headers that
 * parses; anything else is skipped silently (so a file without certificates gives an empty pool,
 * against which no client certificate verifies).
 */
final class CertPool {
  private CertPool() {}

  static List<X509Certificate> fromPem(byte[] pem) {
    List<X509Certificate> certs = new ArrayList<>();
    for (Pem.Block block : Pem.decode(pem)) {
      if (!block.type().equals("CERTIFICATE") || block.hasHeaders()) {
        continue;
      }
      try {
        certs.add(X509KeyPair.certificate(block.bytes()));
      } catch (IllegalArgumentException e) {
        // skipped, as Go does
      }
    }
    return List.copyOf(certs);
  }
}
