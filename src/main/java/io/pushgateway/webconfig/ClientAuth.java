package io.pushgateway.webconfig;

import org.jspecify.annotations.Nullable;

/** {@code client_auth_type}: whether a client certificate is asked for, required and verified. */
public enum ClientAuth {
  NO_CLIENT_CERT(false, false, false),
  REQUEST_CLIENT_CERT(true, false, false),
  REQUIRE_ANY_CLIENT_CERT(true, true, false),
  VERIFY_CLIENT_CERT_IF_GIVEN(true, false, true),
  REQUIRE_AND_VERIFY_CLIENT_CERT(true, true, true);

  private final boolean requests;
  private final boolean requires;
  private final boolean verifies;

  ClientAuth(boolean requests, boolean requires, boolean verifies) {
    this.requests = requests;
    this.requires = requires;
    this.verifies = verifies;
  }

  /** Whether the server asks the client for a certificate. */
  public boolean requests() {
    return requests;
  }

  /** Whether a handshake without a client certificate fails. */
  public boolean requires() {
    return requires;
  }

  /** Whether a client certificate given is verified against the client CAs. */
  public boolean verifies() {
    return verifies;
  }

  /**
   * The policy for a {@code client_auth_type} value, as the toolkit reads it ("" is {@code
   * NoClientCert}; {@code RequireClientCert} is kept for backwards compatibility), or null.
   */
  static @Nullable ClientAuth ofGoName(String name) {
    return switch (name) {
      case "", "NoClientCert" -> NO_CLIENT_CERT;
      case "RequestClientCert" -> REQUEST_CLIENT_CERT;
      case "RequireAnyClientCert", "RequireClientCert" -> REQUIRE_ANY_CLIENT_CERT;
      case "VerifyClientCertIfGiven" -> VERIFY_CLIENT_CERT_IF_GIVEN;
      case "RequireAndVerifyClientCert" -> REQUIRE_AND_VERIFY_CLIENT_CERT;
      default -> null;
    };
  }
}
