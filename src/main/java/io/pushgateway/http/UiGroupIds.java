package io.pushgateway.http;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.pushgateway.model.GroupingKey;
import io.pushgateway.model.Labels;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How the UI names a group: an opaque id (the grouping-key string in URL-safe base64) for its data
 * requests, the grouping labels in display order, and the path of the Go gateway's own {@code
 * DELETE} for the group (§14.2).
 */
final class UiGroupIds {
  private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

  private UiGroupIds() {}

  /** The id of a group: its grouping-key string (0xFF-separated) in URL-safe base64. */
  static String id(GroupingKey key) {
    return BASE64.encodeToString(key.canonicalBytes());
  }

  /** The grouping key an id names, or null when the id is not one. */
  static @Nullable GroupingKey parse(String id) {
    byte[] canonical;
    try {
      canonical = Base64.getUrlDecoder().decode(id);
    } catch (IllegalArgumentException e) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= canonical.length; i++) {
      if (i == canonical.length || canonical[i] == (byte) 0xFF) {
        parts.add(new String(canonical, start, i - start, UTF_8));
        start = i + 1;
      }
    }
    if (parts.size() % 2 != 0) {
      return null;
    }
    try {
      return GroupingKey.of(Labels.of(parts.toArray(String[]::new)));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Label indices in the UI's order: {@code job} first, then the others by name. */
  static int[] displayOrder(Labels labels) {
    int[] order = new int[labels.size()];
    int n = 0;
    for (int i = 0; i < labels.size(); i++) {
      if (labels.name(i).equals(GroupingKey.JOB)) {
        order[n++] = i;
      }
    }
    for (int i = 0; i < labels.size(); i++) {
      if (!labels.name(i).equals(GroupingKey.JOB)) {
        order[n++] = i;
      }
    }
    return order;
  }

  /**
   * The path after {@code metrics/} that deletes the group, in the Go UI's form: {@code
   * job@base64/<b64(job)>} then {@code /<name>@base64/<b64(value)>=} per other label, so values
   * that are empty or contain {@code /} survive the URL.
   */
  static String deletePath(GroupingKey key) {
    Labels labels = key.labels();
    StringBuilder path = new StringBuilder("job@base64/").append(b64(key.job()));
    for (int i = 0; i < labels.size(); i++) {
      String name = labels.name(i);
      if (!name.equals(GroupingKey.JOB)) {
        path.append('/').append(pathEscape(name)).append("@base64/");
        path.append(b64(labels.value(i))).append('=');
      }
    }
    return path.toString();
  }

  private static String b64(String value) {
    return BASE64.encodeToString(value.getBytes(UTF_8));
  }

  /** Percent-encodes every byte outside the unreserved set (label names rarely need it). */
  private static String pathEscape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (byte b : s.getBytes(UTF_8)) {
      int c = b & 0xFF;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '_'
          || c == '-'
          || c == '.'
          || c == '~') {
        sb.append((char) c);
      } else {
        sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        sb.append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      }
    }
    return sb.toString();
  }
}
