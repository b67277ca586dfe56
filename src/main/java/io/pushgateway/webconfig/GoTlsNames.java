package io.pushgateway.webconfig;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cipher suite and curve names the toolkit accepts, with their JSSE names. Cipher suites are
 * those of Go's {@code tls.CipherSuites()} (Go and JSSE both use the IANA names); the TLS 1.3 ones
 * are accepted and, as in Go, not configurable.
 */
final class GoTlsNames {
  /** Go's {@code tls.CipherSuites()}, TLS 1.0–1.2 suites. */
  static final List<String> CIPHER_SUITES_UP_TO_TLS12 =
      List.of(
          "TLS_RSA_WITH_AES_128_CBC_SHA",
          "TLS_RSA_WITH_AES_256_CBC_SHA",
          "TLS_RSA_WITH_AES_128_GCM_SHA256",
          "TLS_RSA_WITH_AES_256_GCM_SHA384",
          "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA",
          "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA",
          "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
          "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
          "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
          "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
          "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
          "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
          "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
          "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256");

  /** Go's {@code tls.CipherSuites()}, TLS 1.3 suites (Go ignores them in {@code cipher_suites}). */
  static final Set<String> CIPHER_SUITES_TLS13 =
      Set.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256");

  /** The suites of which Go's HTTP/2 server needs one in a TLS 1.2 suite list. */
  static final Set<String> HTTP2_REQUIRED =
      Set.of("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");

  /** The toolkit's curve names and JSSE's named groups. */
  static final Map<String, String> CURVES =
      Map.of(
          "CurveP256", "secp256r1",
          "CurveP384", "secp384r1",
          "CurveP521", "secp521r1",
          "X25519", "x25519");

  private GoTlsNames() {}

  static boolean isCipherSuite(String name) {
    return CIPHER_SUITES_UP_TO_TLS12.contains(name) || CIPHER_SUITES_TLS13.contains(name);
  }
}
