package io.pushgateway.http;

import io.pushgateway.gocompat.GoQuote;
import io.pushgateway.model.GroupingKey;
import io.pushgateway.model.Labels;
import io.pushgateway.webconfig.Permissions;
import io.pushgateway.webconfig.PushScope;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Wraps handlers so that they run only for clients with the permission they need (see {@link
 * Permissions}); others get 403 naming the missing permission. Guards sit outside the request
 * counting, so refused requests are not counted, like those basic authentication refuses.
 */
final class PermissionGuard {
  private PermissionGuard() {}

  /** Scrape, JSON API, web UI and its files. */
  static Handler read(Handler handler) {
    return requiring(Permissions::read, "read", handler);
  }

  /** Wipe and quit. */
  static Handler admin(Handler handler) {
    return requiring(Permissions::admin, "admin", handler);
  }

  private static Handler requiring(Predicate<Permissions> has, String name, Handler handler) {
    return (exchange, params) -> {
      Permissions p = exchange.permissions();
      if (has.test(p)) {
        handler.handle(exchange, params);
      } else {
        deny(exchange, p, "the \"" + name + "\" permission");
      }
    };
  }

  /** Push to a group: the push permission for that group. */
  static Handler push(Handler handler) {
    return (exchange, params) -> {
      Permissions p = exchange.permissions();
      String missing = missingPushPermission(p, params);
      if (missing == null) {
        handler.handle(exchange, params);
      } else {
        deny(exchange, p, missing);
      }
    };
  }

  /** Delete a group: the push permission for that group, or admin. */
  static Handler delete(Handler handler) {
    return (exchange, params) -> {
      Permissions p = exchange.permissions();
      String missing = p.admin() ? null : missingPushPermission(p, params);
      if (missing == null) {
        handler.handle(exchange, params);
      } else {
        deny(exchange, p, missing + " and the \"admin\" permission");
      }
    };
  }

  /** What the client lacks to push to the route's group, or null if it may. */
  private static @Nullable String missingPushPermission(Permissions p, PathParams params) {
    PushScope scope = p.push();
    if (scope == null) {
      return "the \"push\" permission";
    }
    if (scope.isAny()) {
      return null;
    }
    GroupingKey key = groupOrNull(params);
    return key == null || scope.allows(labels(key)) ? null : pushPermission(key);
  }

  /**
   * The group the route names, or null when the URL is invalid: the handler then answers 400
   * without touching the store.
   */
  private static @Nullable GroupingKey groupOrNull(PathParams params) {
    try {
      return GroupingKeyPath.fromParams(params);
    } catch (BadRequestException e) {
      return null;
    }
  }

  private static Map<String, String> labels(GroupingKey key) {
    Labels labels = key.labels();
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < labels.size(); i++) {
      map.put(labels.name(i), labels.value(i));
    }
    return map;
  }

  private static String pushPermission(GroupingKey key) {
    StringBuilder group = new StringBuilder("{");
    Labels labels = key.labels();
    for (int i = 0; i < labels.size(); i++) {
      group.append(i == 0 ? "" : ",").append(labels.name(i)).append('=');
      group.append(GoQuote.quote(labels.value(i)));
    }
    return "the \"push\" permission for the group " + group.append('}');
  }

  private static void deny(Exchange exchange, Permissions p, String missing) throws IOException {
    HttpErrors.error(exchange, 403, "user " + GoQuote.quote(p.user()) + " lacks " + missing);
  }
}
