package io.pushgateway.selfmetrics;

import io.pushgateway.model.MetricType;
import org.jspecify.annotations.Nullable;

/**
 * Name, type and help of one of the gateway's own metric families, as registered at startup.
 *
 * @param presentAtStartup whether the family had series at startup; Go's predefined-help snapshot
 *     only knows those (e.g. not {@code pushgateway_http_requests_total} before the first request)
 */
public record OwnFamily(
    String name, MetricType type, @Nullable String help, boolean presentAtStartup) {}
