package io.pushgateway.http;

import io.pushgateway.gocompat.ByteStrings;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The values of a route's {@code :name} (one non-empty segment) and {@code *name} (the rest of the
 * path, with its leading "/") parameters, percent-decoded.
 *
 * <p>Values are bytes, as Go sees them; {@link #get} decodes them as UTF-8 (invalid bytes become
 * U+FFFD), {@link #bytes} and {@link #isValidUtf8} expose the exact bytes. {@link #jobBase64()}
 * tells the push and delete handlers whether they were reached through a {@code job@base64} route.
 */
public final class PathParams {
  /** No parameters. */
  public static final PathParams EMPTY = new PathParams(List.of(), false);

  private final List<String> namesAndValues; // byte strings: name, value, name, value, ...
  private final boolean jobBase64;

  private PathParams(List<String> namesAndValues, boolean jobBase64) {
    this.namesAndValues = namesAndValues;
    this.jobBase64 = jobBase64;
  }

  /** Parameters from alternating names and (UTF-8) values, e.g. for handler tests. */
  public static PathParams of(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("names and values must come in pairs");
    }
    List<String> list = new ArrayList<>(namesAndValues.length);
    for (String s : namesAndValues) {
      list.add(ByteStrings.fromUtf8(s));
    }
    return new PathParams(List.copyOf(list), false);
  }

  /** Parameters whose names and values are already byte strings (used by the router). */
  static PathParams ofByteStrings(List<String> namesAndValues) {
    return namesAndValues.isEmpty() ? EMPTY : new PathParams(List.copyOf(namesAndValues), false);
  }

  /** These parameters, marked as coming from a {@code job@base64} route. */
  public PathParams withJobBase64() {
    return new PathParams(namesAndValues, true);
  }

  /** Whether the route was {@code .../metrics/job@base64/:job...}. */
  public boolean jobBase64() {
    return jobBase64;
  }

  /** The value decoded as UTF-8 (invalid bytes as U+FFFD), or null if there is no such param. */
  public @Nullable String get(String name) {
    String value = raw(name);
    return value == null ? null : ByteStrings.toUtf8(value);
  }

  /** The exact bytes of the value, or null if there is no such param. */
  public byte @Nullable [] bytes(String name) {
    String value = raw(name);
    return value == null ? null : ByteStrings.bytes(value);
  }

  /** Whether the param exists and its bytes are valid UTF-8. */
  public boolean isValidUtf8(String name) {
    String value = raw(name);
    return value != null && ByteStrings.isValidUtf8(value);
  }

  /** The value as a byte string (see {@link ByteStrings}), or null if there is no such param. */
  @Nullable String byteString(String name) {
    return raw(name);
  }

  private @Nullable String raw(String name) {
    String key = ByteStrings.fromUtf8(name);
    for (int i = 0; i < namesAndValues.size(); i += 2) {
      if (namesAndValues.get(i).equals(key)) {
        return namesAndValues.get(i + 1);
      }
    }
    return null;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("PathParams{");
    for (int i = 0; i < namesAndValues.size(); i += 2) {
      sb.append(i == 0 ? "" : ", ").append(ByteStrings.toUtf8(namesAndValues.get(i)));
      sb.append('=').append(ByteStrings.toUtf8(namesAndValues.get(i + 1)));
    }
    return sb.append(jobBase64 ? ", jobBase64}" : "}").toString();
  }
}
