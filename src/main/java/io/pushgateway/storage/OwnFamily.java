package io.pushgateway.storage;

import io.pushgateway.model.MetricType;
import org.jspecify.annotations.Nullable;

/**
 * A family the gateway exposes itself (own metrics), as known at startup. Pushed families of the
 * same name take its help and must have its type (Go's "predefined help" and gatherer checks).
 */
public record OwnFamily(String name, MetricType type, @Nullable String help) {}
