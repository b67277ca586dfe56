package io.pushgateway.webconfig;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One reading of the web configuration file.
 *
 * @param tls {@code tls_server_config}
 * @param http2 {@code http_server_config.http2} (accepted; this server speaks HTTP/1.1 only)
 * @param headers {@code http_server_config.headers}, in file order, names and values checked
 * @param users {@code basic_auth_users}: user name to bcrypt hash as written; empty for no
 *     authentication
 * @param rateLimit {@code rate_limit}
 * @param permissions {@code user_permissions} (this gateway's extension); null when absent, which
 *     lets every authenticated user do everything, as upstream does
 */
public record WebConfig(
    TlsServerConfig tls,
    boolean http2,
    Map<String, String> headers,
    Map<String, String> users,
    RateLimit rateLimit,
    @Nullable UserPermissions permissions) {

  public WebConfig {
    headers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(headers));
    users = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(users));
  }

  /** What a user who passed basic authentication may do. */
  public Permissions permissionsOf(String user) {
    UserPermissions p = permissions;
    return p == null ? Permissions.all(user) : p.of(user);
  }
}
