package io.pushgateway.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Word wrapping as kingpin's help gets it from Go's {@code go/doc} text printer: words are laid out
 * so as to minimise the sum over all lines but the last of the squared free space, plus 64 for
 * every line that does not end in {@code . , : ;}; a line longer than the width (a single long
 * word) weighs more than any number of short lines.
 */
final class DocWrap {
  private static final int DEFAULT_WIDTH = 80;
  private static final long NO_PUNCTUATION_PENALTY = 64;

  private DocWrap() {}

  /**
   * Wraps one paragraph; a width of 0 means 80 (as in Go), a negative width means no wrapping. Runs
   * of white space collapse to one space; no line has trailing spaces.
   */
  static List<String> wrap(String text, int width) {
    if (text.isBlank()) {
      return List.of();
    }
    List<String> words = List.of(text.trim().split("\\s+"));
    int max = width == 0 ? DEFAULT_WIDTH : width;
    if (max < 0) {
      return List.of(String.join(" ", words));
    }
    int[] starts = breaks(words, max);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i + 1 < starts.length; i++) {
      lines.add(String.join(" ", words.subList(starts[i], starts[i + 1])));
    }
    return lines;
  }

  /**
   * The index of the first word of each line, followed by the number of words. Several layouts
   * often weigh the same; to choose the one Go chooses, this is the algorithm Go uses, the "basic
   * algorithm" of Hirschberg and Larmore's least weight subsequence paper (FOCS 1985), with its
   * candidate deque and binary search.
   */
  private static int[] breaks(List<String> words, int max) {
    return new LeastWeight(words, max).solve();
  }

  /** One run of the least-weight-subsequence algorithm over a paragraph's words. */
  private static final class LeastWeight {
    private final List<String> words;
    private final int max;
    private final int n;
    private final int[] total;
    private final long[] fHi;
    private final long[] fLo;

    LeastWeight(List<String> words, int max) {
      this.words = words;
      this.max = max;
      this.n = words.size();
      this.total = new int[n + 1];
      for (int i = 0; i < n; i++) {
        String w = words.get(i);
        total[i + 1] = total[i] + w.codePointCount(0, w.length()) + 1;
      }
      this.fHi = new long[n + 1];
      this.fLo = new long[n + 1];
    }

    int[] solve() {
      int[] bestLeft = new int[n + 1];
      bestLeft[0] = -1;
      // The candidate deque: candidates[first] to candidates[last], inclusive.
      int[] candidates = new int[n + 1];
      int first = 0;
      int last = 0;
      for (int m = 1; m < n; m++) {
        long[] w = weight(candidates[first], m);
        fHi[m] = fHi[candidates[first]] + w[0];
        fLo[m] = fLo[candidates[first]] + w[1];
        bestLeft[m] = candidates[first];
        while (last > first && compare(candidates[first + 1], candidates[first], m + 1) <= 0) {
          first++; // retire
        }
        while (last > first && bridge(candidates[last - 1], candidates[last], m)) {
          last--; // fire
        }
        if (compare(m, candidates[last], n) < 0) {
          candidates[++last] = m; // hire
          // Not in the paper's pseudocode but needed (as in Go) for two-word inputs.
          if (last == first + 1 && compare(candidates[last], candidates[first], m + 1) <= 0) {
            first++;
          }
        }
      }
      bestLeft[n] = candidates[first];
      List<Integer> starts = new ArrayList<>();
      for (int m = n; m > 0; m = bestLeft[m]) {
        starts.add(0, m);
      }
      starts.add(0, 0);
      return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Whether candidate b can be dropped because a or c is never worse after c. */
    private boolean bridge(int a, int b, int c) {
      int lo = 0;
      int hi = n + 1 - c;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (compare(a, b, mid + c) > 0) {
          hi = mid;
        } else {
          lo = mid + 1;
        }
      }
      int k = c + lo;
      return k > n || compare(c, b, k) <= 0;
    }

    /** Compares g(i, j) with g(i2, j), where g(i, j) = f(i) + weight(i, j). */
    private int compare(int i, int i2, int j) {
      long[] w1 = weight(i, j);
      long[] w2 = weight(i2, j);
      int byHi = Long.compare(fHi[i] + w1[0], fHi[i2] + w2[0]);
      return byHi != 0 ? byHi : Long.compare(fLo[i] + w1[1], fLo[i2] + w2[1]);
    }

    private long[] weight(int i, int j) {
      return DocWrap.weight(words, total, i, j, max);
    }
  }

  /** The weight {hi, lo} of a line holding words i to j-1. */
  private static long[] weight(List<String> words, int[] total, int i, int j, int max) {
    int length = total[j] - 1 - total[i];
    if (j == words.size() && length <= max) {
      return new long[] {0, 0};
    }
    String last = words.get(j - 1);
    long penalty = ".,:;".indexOf(last.charAt(last.length() - 1)) >= 0 ? 0 : NO_PUNCTUATION_PENALTY;
    long slack = (long) (max - length) * (max - length);
    return length > max ? new long[] {slack, penalty} : new long[] {0, slack + penalty};
  }
}
