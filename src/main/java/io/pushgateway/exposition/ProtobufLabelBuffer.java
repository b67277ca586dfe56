package io.pushgateway.exposition;

import io.pushgateway.model.Exemplar;
import io.pushgateway.model.Labels;
import io.pushgateway.model.SeriesLabeler;
import java.util.Arrays;

/** A reusable list of alternating label names and values, filled while decoding one message. */
final class ProtobufLabelBuffer {
  private static final String[] EMPTY = new String[0];

  private String[] pairs = new String[16];
  private int size;

  void clear() {
    size = 0;
  }

  void add(String name, String value) {
    if (size + 2 > pairs.length) {
      pairs = Arrays.copyOf(pairs, pairs.length * 2);
    }
    pairs[size++] = name;
    pairs[size++] = value;
  }

  /** The number of labels added since the last {@link #clear()}. */
  int labelCount() {
    return size / 2;
  }

  void addAll(Exemplar exemplar) {
    for (int i = 0; i < exemplar.labelCount(); i++) {
      add(exemplar.labelName(i), exemplar.labelValue(i));
    }
  }

  /** The labels {@code labeler} makes of the pairs added since the last {@link #clear()}. */
  Labels labels(SeriesLabeler labeler) {
    return labeler.labels(pairs, size);
  }

  /** A new array with exactly the pairs added since the last {@link #clear()}. */
  String[] toArray() {
    return size == 0 ? EMPTY : Arrays.copyOf(pairs, size);
  }
}
