package io.pushgateway.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The limits that keep the gateway up under runaway or abusive clients (this gateway's extension
 * flags; the Go Pushgateway has none). A count of 0 on the command line means "no limit" and is
 * held here as {@link Long#MAX_VALUE}; a timeout of 0 as {@link Duration#ZERO}.
 *
 * @param maxBodyBytes {@code --push.max-body-bytes}
 * @param maxBytesInFlight {@code --push.max-bytes-in-flight}
 * @param maxSeriesPerPush {@code --push.max-series-per-push}
 * @param maxLabelsPerSeries {@code --push.max-labels-per-series}
 * @param maxLabelNameLength {@code --push.max-label-name-length}
 * @param maxLabelValueLength {@code --push.max-label-value-length}
 * @param maxSeriesPerGroup {@code --store.max-series-per-group}
 * @param maxGroups {@code --store.max-groups}
 * @param maxSeries {@code --store.max-series}
 * @param maxConnections {@code --web.max-connections}
 * @param maxIdleConnections {@code --web.max-idle-connections} (0: none are kept)
 * @param maxRequestHeaderBytes {@code --web.max-request-header-bytes}
 * @param readTimeout {@code --web.read-timeout}
 * @param writeTimeout {@code --web.write-timeout}
 * @param idleTimeout {@code --web.idle-timeout}
 */
public record Guardrails(
    long maxBodyBytes,
    long maxBytesInFlight,
    long maxSeriesPerPush,
    long maxLabelsPerSeries,
    long maxLabelNameLength,
    long maxLabelValueLength,
    long maxSeriesPerGroup,
    long maxGroups,
    long maxSeries,
    long maxConnections,
    long maxIdleConnections,
    long maxRequestHeaderBytes,
    Duration readTimeout,
    Duration writeTimeout,
    Duration idleTimeout) {

  static Guardrails from(FlagValues values) {
    return new Guardrails(
        limit(values, FlagSpec.PUSH_MAX_BODY_BYTES),
        limit(values, FlagSpec.PUSH_MAX_BYTES_IN_FLIGHT),
        limit(values, FlagSpec.PUSH_MAX_SERIES_PER_PUSH),
        limit(values, FlagSpec.PUSH_MAX_LABELS_PER_SERIES),
        limit(values, FlagSpec.PUSH_MAX_LABEL_NAME_LENGTH),
        limit(values, FlagSpec.PUSH_MAX_LABEL_VALUE_LENGTH),
        limit(values, FlagSpec.STORE_MAX_SERIES_PER_GROUP),
        limit(values, FlagSpec.STORE_MAX_GROUPS),
        limit(values, FlagSpec.STORE_MAX_SERIES),
        limit(values, FlagSpec.WEB_MAX_CONNECTIONS),
        values.count(FlagSpec.WEB_MAX_IDLE_CONNECTIONS),
        limit(values, FlagSpec.WEB_MAX_REQUEST_HEADER_BYTES),
        values.duration(FlagSpec.WEB_READ_TIMEOUT),
        values.duration(FlagSpec.WEB_WRITE_TIMEOUT),
        values.duration(FlagSpec.WEB_IDLE_TIMEOUT));
  }

  private static long limit(FlagValues values, FlagSpec flag) {
    long value = values.count(flag);
    return value == 0 ? Long.MAX_VALUE : value;
  }

  /** The value of one of these flags as {@code --help} would show it (0 for no limit). */
  String display(FlagSpec flag) {
    return switch (flag) {
      case PUSH_MAX_BODY_BYTES -> count(maxBodyBytes);
      case PUSH_MAX_BYTES_IN_FLIGHT -> count(maxBytesInFlight);
      case PUSH_MAX_SERIES_PER_PUSH -> count(maxSeriesPerPush);
      case PUSH_MAX_LABELS_PER_SERIES -> count(maxLabelsPerSeries);
      case PUSH_MAX_LABEL_NAME_LENGTH -> count(maxLabelNameLength);
      case PUSH_MAX_LABEL_VALUE_LENGTH -> count(maxLabelValueLength);
      case STORE_MAX_SERIES_PER_GROUP -> count(maxSeriesPerGroup);
      case STORE_MAX_GROUPS -> count(maxGroups);
      case STORE_MAX_SERIES -> count(maxSeries);
      case WEB_MAX_CONNECTIONS -> count(maxConnections);
      case WEB_MAX_IDLE_CONNECTIONS -> count(maxIdleConnections);
      case WEB_MAX_REQUEST_HEADER_BYTES -> count(maxRequestHeaderBytes);
      case WEB_READ_TIMEOUT -> GoDuration.format(readTimeout);
      case WEB_WRITE_TIMEOUT -> GoDuration.format(writeTimeout);
      case WEB_IDLE_TIMEOUT -> GoDuration.format(idleTimeout);
      default -> throw new IllegalArgumentException(flag.name());
    };
  }

  private static String count(long value) {
    return value == Long.MAX_VALUE ? "0" : Long.toString(value);
  }

  /**
   * The limit flags' names (without dashes) that a push can be refused for, in a fixed order: the
   * label values of the gateway's refusal counter.
   */
  public static List<String> pushLimitNames() {
    List<String> names = new ArrayList<>();
    for (FlagSpec flag : FlagSpec.values()) {
      if (flag.flagName().startsWith("push.max-") || flag.flagName().startsWith("store.max-")) {
        names.add(flag.flagName());
      }
    }
    return List.copyOf(names);
  }
}
