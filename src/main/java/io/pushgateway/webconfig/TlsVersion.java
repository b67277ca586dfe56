package io.pushgateway.webconfig;

import org.jspecify.annotations.Nullable;

/** A TLS protocol version as the toolkit names it ({@code TLS12}) and as JSSE does. */
public enum TlsVersion {
  TLS10("TLSv1"),
  TLS11("TLSv1.1"),
  TLS12("TLSv1.2"),
  TLS13("TLSv1.3");

  private final String jsseName;

  TlsVersion(String jsseName) {
    this.jsseName = jsseName;
  }

  /** JSSE's protocol name, e.g. {@code TLSv1.2}. */
  public String jsseName() {
    return jsseName;
  }

  /** The version the toolkit calls {@code name}, or null for an unknown name. */
  static @Nullable TlsVersion ofGoName(String name) {
    for (TlsVersion v : values()) {
      if (v.name().equals(name)) {
        return v;
      }
    }
    return null;
  }
}
