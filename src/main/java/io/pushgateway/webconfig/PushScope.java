package io.pushgateway.webconfig;

import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The groups a user may push to (and delete): every group, or those whose job and grouping-key
 * labels match regular expressions. Expressions are anchored at both ends, as Prometheus' relabel
 * regexes; a label the grouping key lacks counts as the empty value.
 *
 * @param job the job's pattern, or null for any job
 * @param labels label name to pattern, each of which the group's label value must match
 */
public record PushScope(@Nullable Pattern job, Map<String, Pattern> labels) {
  /** Any group. */
  public static final PushScope ANY = new PushScope(null, Map.of());

  public PushScope {
    labels = Map.copyOf(labels);
  }

  /** Whether a group with this grouping key (labels including {@code job}) is in scope. */
  public boolean allows(Map<String, String> groupingKey) {
    if (job != null && !job.matcher(groupingKey.getOrDefault("job", "")).matches()) {
      return false;
    }
    for (Map.Entry<String, Pattern> label : labels.entrySet()) {
      if (!label.getValue().matcher(groupingKey.getOrDefault(label.getKey(), "")).matches()) {
        return false;
      }
    }
    return true;
  }

  /** Whether this scope is every group. */
  public boolean isAny() {
    return job == null && labels.isEmpty();
  }
}
