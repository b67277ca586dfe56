package io.pushgateway.webconfig;

import io.pushgateway.gocompat.GoQuote;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads {@code user_permissions}. Each user maps to a list of permissions ({@code [read, push,
 * admin]}) or to a mapping that can narrow {@code push} to groups:
 *
 * <pre>
 * user_permissions:
 *   prometheus: [read]
 *   backup:
 *     push:
 *       job: backup|backup-.+        # anchored regular expression
 *       grouping_key:
 *         instance: db-[0-9]+
 * </pre>
 *
 * Errors go to the decoder's list, in its {@code line N: ...} form.
 */
final class PermissionsParser {
  static final String KEY = "user_permissions";
  private static final Set<String> MAPPING_FIELDS = Set.of("read", "push", "admin");
  private static final Set<String> SCOPE_FIELDS = Set.of("job", "grouping_key");

  private final GoYaml yaml;

  PermissionsParser(GoYaml yaml) {
    this.yaml = yaml;
  }

  /** The permissions of every listed user; null when the node is null. */
  @Nullable UserPermissions parse(Node node, Map<String, String> users) {
    Map<String, Node> entries = yaml.map(node, KEY);
    if (entries == null) {
      return null;
    }
    if (users.isEmpty()) {
      yaml.error(
          node, KEY + " needs basic_auth_users: without them every client may do everything");
    }
    Map<String, Permissions> byUser = new LinkedHashMap<>();
    entries.forEach(
        (user, value) -> {
          if (!users.isEmpty() && !users.containsKey(user)) {
            yaml.error(
                value, KEY + ": user " + GoQuote.quote(user) + " is not in basic_auth_users");
          }
          byUser.put(user, permissions(user, value));
        });
    return new UserPermissions(byUser);
  }

  private Permissions permissions(String user, Node node) {
    if (GoYaml.isNull(node)) {
      return Permissions.none(user);
    }
    if (node instanceof MappingNode) {
      return fromMapping(user, node);
    }
    List<String> names = yaml.stringList(node, KEY + " entry (a list of read, push, admin)");
    boolean read = false;
    boolean push = false;
    boolean admin = false;
    for (String name : names == null ? List.<String>of() : names) {
      switch (name) {
        case "read" -> read = true;
        case "push" -> push = true;
        case "admin" -> admin = true;
        default -> yaml.error(node, unknownPermission(user, name));
      }
    }
    return new Permissions(user, read, push ? PushScope.ANY : null, admin);
  }

  private Permissions fromMapping(String user, Node node) {
    Map<String, Node> fields = yaml.struct(node, KEY + "." + user, MAPPING_FIELDS);
    if (fields == null) {
      return Permissions.none(user);
    }
    Node read = fields.get("read");
    Node push = fields.get("push");
    Node admin = fields.get("admin");
    return new Permissions(
        user,
        read != null && yaml.bool(read, false),
        push == null ? null : pushScope(user, push),
        admin != null && yaml.bool(admin, false));
  }

  private @Nullable PushScope pushScope(String user, Node node) {
    if (!(node instanceof MappingNode)) {
      return yaml.bool(node, false) ? PushScope.ANY : null;
    }
    String where = KEY + "." + user + ".push";
    Map<String, Node> fields = yaml.struct(node, where, SCOPE_FIELDS);
    if (fields == null) {
      return PushScope.ANY;
    }
    Node jobNode = fields.get("job");
    Pattern job = jobNode == null ? null : pattern(jobNode, where + ".job");
    Map<String, Pattern> labels = new LinkedHashMap<>();
    Node labelsNode = fields.get("grouping_key");
    if (labelsNode != null) {
      Map<String, Node> patterns = yaml.map(labelsNode, where + ".grouping_key");
      if (patterns != null) {
        patterns.forEach(
            (label, value) -> {
              Pattern p = pattern(value, where + ".grouping_key." + label);
              if (p != null) {
                labels.put(label, p);
              }
            });
      }
    }
    return new PushScope(job, labels);
  }

  private @Nullable Pattern pattern(Node node, String where) {
    String text = yaml.string(node);
    try {
      return Pattern.compile(text);
    } catch (PatternSyntaxException e) {
      yaml.error(
          node,
          "invalid regular expression "
              + GoQuote.quote(text)
              + " in "
              + where
              + ": "
              + e.getDescription());
      return null;
    }
  }

  private static String unknownPermission(String user, String name) {
    return KEY
        + ": unknown permission "
        + GoQuote.quote(name)
        + " for user "
        + GoQuote.quote(user)
        + " (known: read, push, admin)";
  }
}
