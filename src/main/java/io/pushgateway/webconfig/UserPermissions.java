package io.pushgateway.webconfig;

import java.util.Map;

/**
 * {@code user_permissions}, this gateway's extension: what each basic-auth user may do. A user it
 * does not list may do nothing but health checks.
 */
public record UserPermissions(Map<String, Permissions> byUser) {
  public UserPermissions {
    byUser = Map.copyOf(byUser);
  }

  /** The user's permissions (none for an unlisted user). */
  public Permissions of(String user) {
    Permissions p = byUser.get(user);
    return p != null ? p : Permissions.none(user);
  }
}
