package io.pushgateway.webconfig;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code tls_server_config} as written (relative file paths already joined with the configuration
 * file's directory, as the toolkit does); {@link TlsMaterial} loads and checks what it names.
 *
 * @param cert inline PEM certificate chain ({@code cert}), "" if not set
 * @param key inline PEM private key ({@code key})
 * @param clientCa inline PEM client CA certificates ({@code client_ca})
 * @param certFile {@code cert_file}
 * @param keyFile {@code key_file}
 * @param clientAuthType {@code client_auth_type} as written ("" means {@code NoClientCert})
 * @param clientCaFile {@code client_ca_file}
 * @param cipherSuites {@code cipher_suites}: Go (= IANA) names, in preference order
 * @param curvePreferences {@code curve_preferences}: the toolkit's names ({@code CurveP256}...)
 * @param minVersion {@code min_version}; null means Go's default (TLS 1.2)
 * @param maxVersion {@code max_version}; null means Go's default (TLS 1.3)
 * @param preferServerCipherSuites {@code prefer_server_cipher_suites}
 * @param clientAllowedSans {@code client_allowed_sans}; null when not set (an empty list allows no
 *     client)
 */
public record TlsServerConfig(
    String cert,
    String key,
    String clientCa,
    String certFile,
    String keyFile,
    String clientAuthType,
    String clientCaFile,
    List<String> cipherSuites,
    List<String> curvePreferences,
    @Nullable TlsVersion minVersion,
    @Nullable TlsVersion maxVersion,
    boolean preferServerCipherSuites,
    @Nullable List<String> clientAllowedSans) {

  /** The toolkit's defaults: nothing set, TLS 1.2 to 1.3, server cipher preference. */
  static final TlsServerConfig DEFAULTS =
      new TlsServerConfig(
          "",
          "",
          "",
          "",
          "",
          "",
          "",
          List.of(),
          List.of(),
          TlsVersion.TLS12,
          TlsVersion.TLS13,
          true,
          null);

  public TlsServerConfig {
    cipherSuites = List.copyOf(cipherSuites);
    curvePreferences = List.copyOf(curvePreferences);
    clientAllowedSans = clientAllowedSans == null ? null : List.copyOf(clientAllowedSans);
  }

  /** The TLS 1.0–1.2 suites of {@code cipher_suites}, in order (Go leaves TLS 1.3 alone). */
  public List<String> tls12CipherSuites() {
    return cipherSuites.stream().filter(s -> !isTls13CipherSuite(s)).toList();
  }

  /** Whether a suite is one of TLS 1.3's (same names in Go and JSSE). */
  public static boolean isTls13CipherSuite(String name) {
    return GoTlsNames.CIPHER_SUITES_TLS13.contains(name);
  }

  /** {@code curve_preferences} as JSSE named groups, e.g. {@code secp256r1}, {@code x25519}. */
  public List<String> namedGroups() {
    return curvePreferences.stream().map(GoTlsNames.CURVES::get).toList();
  }

  /**
   * Whether TLS is configured at all (the toolkit's {@code IsEnabled}): any of the certificate,
   * key, client CA or client auth settings. Without, the server speaks plain HTTP.
   */
  public boolean enabled() {
    return !(cert.isEmpty()
        && key.isEmpty()
        && clientCa.isEmpty()
        && certFile.isEmpty()
        && keyFile.isEmpty()
        && clientAuthType.isEmpty()
        && clientCaFile.isEmpty());
  }
}
