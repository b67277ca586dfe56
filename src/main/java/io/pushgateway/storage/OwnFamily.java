package io.pushgateway.storage;

import io.pushgateway.model.MetricType;
import org.jspecify.annotations.Nullable;

/**
 * A family the gateway exposes itself (own metrics), as known at startup. Pushed families of the
 * same name must have its type. If the family existed at startup ({@code replacesPushedHelp}), a
 * pushed family's help is silently replaced by its own (Go's "predefined help"); otherwise a
 * different pushed help is an inconsistency, as in Go's gatherer.
 */
public record OwnFamily(
    String name, MetricType type, @Nullable String help, boolean replacesPushedHelp) {}
