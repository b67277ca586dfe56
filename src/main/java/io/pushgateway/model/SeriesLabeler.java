package io.pushgateway.model;

import java.util.Arrays;

/**
 * Makes a series' label set from the name/value pairs a parser read for it. A push sets its
 * grouping labels here, as the series is read, so that a large body is not copied a second time.
 */
@FunctionalInterface
public interface SeriesLabeler {
  /** The labels as read, sorted by name. */
  SeriesLabeler AS_READ =
      new SeriesLabeler() {
        @Override
        public Labels labels(String[] pairs, int length) {
          return length == 0 ? Labels.EMPTY : Labels.ofOwned(Arrays.copyOf(pairs, length));
        }

        @Override
        public Labels relabel(Labels read) {
          return read;
        }
      };

  /**
   * The labels of the series whose pairs are the first {@code length} entries of {@code pairs}
   * (alternating names and values, in any order). The parser reuses {@code pairs}: an
   * implementation must copy what it keeps.
   */
  Labels labels(String[] pairs, int length);

  /** The labels of a series whose pairs were read into a label set first. */
  default Labels relabel(Labels read) {
    String[] pairs = new String[read.size() * 2];
    for (int i = 0; i < read.size(); i++) {
      pairs[2 * i] = read.name(i);
      pairs[2 * i + 1] = read.value(i);
    }
    return labels(pairs, pairs.length);
  }
}
