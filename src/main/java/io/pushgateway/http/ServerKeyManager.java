package io.pushgateway.http;

import io.pushgateway.webconfig.ServerKey;
import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import org.jspecify.annotations.Nullable;

/** Offers the one server key of the web configuration for the key types it can serve. */
final class ServerKeyManager extends X509ExtendedKeyManager {
  private static final String ALIAS = "web-config";

  private final ServerKey key;

  ServerKeyManager(ServerKey key) {
    this.key = key;
  }

  private @Nullable String aliasFor(@Nullable String keyType) {
    return keyType != null && keyType.equals(key.privateKey().getAlgorithm()) ? ALIAS : null;
  }

  @Override
  public @Nullable String chooseEngineServerAlias(
      String keyType, Principal @Nullable [] issuers, SSLEngine engine) {
    return aliasFor(keyType);
  }

  @Override
  public @Nullable String chooseServerAlias(
      String keyType, Principal @Nullable [] issuers, Socket socket) {
    return aliasFor(keyType);
  }

  @Override
  public String[] getServerAliases(String keyType, Principal @Nullable [] issuers) {
    String alias = aliasFor(keyType);
    return alias == null ? new String[0] : new String[] {alias};
  }

  @Override
  public String[] getClientAliases(String keyType, Principal @Nullable [] issuers) {
    return new String[0];
  }

  @Override
  public @Nullable String chooseClientAlias(
      String[] keyType, Principal @Nullable [] issuers, Socket socket) {
    return null;
  }

  @Override
  public X509Certificate @Nullable [] getCertificateChain(String alias) {
    return ALIAS.equals(alias) ? key.chain().toArray(new X509Certificate[0]) : null;
  }

  @Override
  public @Nullable PrivateKey getPrivateKey(String alias) {
    return ALIAS.equals(alias) ? key.privateKey() : null;
  }
}
