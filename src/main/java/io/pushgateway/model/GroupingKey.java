package io.pushgateway.model;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The labels that identify a group (always including {@code job}), exactly as given in the push
 * URL. Groups are ordered by Go's grouping-key string: label names sorted, each pair written as
 * {@code name 0xFF value}, pairs joined by {@code 0xFF}, compared byte-wise.
 */
public final class GroupingKey implements Comparable<GroupingKey> {
  /** The label every grouping key has. */
  public static final String JOB = "job";

  private static final byte SEPARATOR = (byte) 0xFF;

  private final Labels labels;
  private final byte[] canonical;

  private GroupingKey(Labels labels) {
    this.labels = shared(labels);
    this.canonical = canonicalBytes(labels);
  }

  /**
   * The labels with their strings shared process-wide: every series of the group holds them, and
   * many groups have the same names and values ({@code job}, {@code instance}, the job's name).
   */
  private static Labels shared(Labels labels) {
    String[] pairs = new String[labels.size() * 2];
    for (int i = 0; i < labels.size(); i++) {
      pairs[2 * i] = SharedStrings.share(labels.name(i));
      pairs[2 * i + 1] = SharedStrings.share(labels.value(i));
    }
    return Labels.ofOwned(pairs);
  }

  /** A grouping key from labels that contain a {@code job} label without duplicate names. */
  public static GroupingKey of(Labels labels) {
    if (labels.get(JOB) == null) {
      throw new IllegalArgumentException("grouping key without job: " + labels);
    }
    if (labels.firstDuplicateName() != null) {
      throw new IllegalArgumentException("grouping key with duplicate names: " + labels);
    }
    return new GroupingKey(labels);
  }

  /** A grouping key from alternating names and values. */
  public static GroupingKey of(String... namesAndValues) {
    return of(Labels.of(namesAndValues));
  }

  private static byte[] canonicalBytes(Labels labels) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(32);
    for (int i = 0; i < labels.size(); i++) {
      if (i > 0) {
        out.write(SEPARATOR);
      }
      out.writeBytes(labels.name(i).getBytes(StandardCharsets.UTF_8));
      out.write(SEPARATOR);
      out.writeBytes(labels.value(i).getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  /** The grouping labels, sorted by name. */
  public Labels labels() {
    return labels;
  }

  /** The value of the job label. */
  public String job() {
    String job = labels.get(JOB);
    return job == null ? "" : job;
  }

  /** Go's grouping-key string as bytes (UTF-8 with 0xFF separators). */
  public byte[] canonicalBytes() {
    return canonical.clone();
  }

  @Override
  public int compareTo(GroupingKey other) {
    return Arrays.compareUnsigned(canonical, other.canonical);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof GroupingKey other && Arrays.equals(canonical, other.canonical);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(canonical);
  }

  @Override
  public String toString() {
    return labels.toString();
  }
}
