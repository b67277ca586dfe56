package io.pushgateway.webconfig;

import org.jspecify.annotations.Nullable;

/**
 * What one client may do: {@code read} (scrape, JSON API, web UI), {@code push} (push to, and
 * delete, the groups in its scope) and {@code admin} (delete any group, wipe, quit). Health checks
 * and CORS preflight answers need none.
 *
 * @param user the basic-auth user name ("" when there is no authentication)
 * @param read the {@code read} permission
 * @param push the groups the user may push to, or null without the {@code push} permission
 * @param admin the {@code admin} permission
 */
public record Permissions(String user, boolean read, @Nullable PushScope push, boolean admin) {
  /** Everything, as for every client when the file sets no {@code user_permissions}. */
  public static final Permissions ALL = all("");

  /** Everything, for a named user. */
  public static Permissions all(String user) {
    return new Permissions(user, true, PushScope.ANY, true);
  }

  /** Nothing but health checks, for a user {@code user_permissions} does not list. */
  static Permissions none(String user) {
    return new Permissions(user, false, null, false);
  }
}
