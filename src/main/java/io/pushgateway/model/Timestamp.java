package io.pushgateway.model;

/** A point in time as in {@code google.protobuf.Timestamp}: seconds and nanoseconds since 1970. */
public record Timestamp(long seconds, int nanos) {}
