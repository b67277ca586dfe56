package io.pushgateway.exposition;

import io.pushgateway.gocompat.GoQuote;

/**
 * Limits on one push body, enforced while it is parsed, so that a body over a limit is refused
 * before more of it is materialised than the limit allows. Lengths are in bytes of UTF-8.
 *
 * @param maxSeries most series (metrics of all families together) in one body
 * @param maxLabelsPerSeries most labels on one series, as pushed (without the grouping labels the
 *     gateway adds; {@code le} and {@code quantile} of text histograms and summaries not counted)
 * @param maxNameLength longest metric or label name
 * @param maxValueLength longest label value
 */
public record ParseLimits(
    int maxSeries, int maxLabelsPerSeries, int maxNameLength, int maxValueLength) {
  /** No limits. */
  public static final ParseLimits NONE =
      new ParseLimits(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE);

  public ParseLimits {
    if (maxSeries < 1 || maxLabelsPerSeries < 1 || maxNameLength < 1 || maxValueLength < 1) {
      throw new IllegalArgumentException("limits must be at least 1");
    }
  }

  /** Which limit a body exceeded; each has its command-line flag. */
  public enum Limit {
    SERIES_PER_PUSH("push.max-series-per-push"),
    LABELS_PER_SERIES("push.max-labels-per-series"),
    NAME_LENGTH("push.max-label-name-length"),
    VALUE_LENGTH("push.max-label-value-length");

    private final String flagName;

    Limit(String flagName) {
      this.flagName = flagName;
    }

    /** The flag without its dashes, also the refusal counter's label value. */
    public String flagName() {
      return flagName;
    }
  }

  int value(Limit limit) {
    return switch (limit) {
      case SERIES_PER_PUSH -> maxSeries;
      case LABELS_PER_SERIES -> maxLabelsPerSeries;
      case NAME_LENGTH -> maxNameLength;
      case VALUE_LENGTH -> maxValueLength;
    };
  }

  // The refusals, worded alike for both formats. "where" says where reading stopped (e.g. "line
  // 51"), "series" which series (e.g. metric "m" (line 3)).

  PushLimitException tooManySeries(String where) {
    return exceeded(
        Limit.SERIES_PER_PUSH,
        "more than " + maxSeries + " series in this push (stopped " + where + ")");
  }

  PushLimitException tooManyLabels(String series) {
    return exceeded(
        Limit.LABELS_PER_SERIES,
        "more than " + maxLabelsPerSeries + " labels on a series of " + series);
  }

  PushLimitException metricNameTooLong(int length, String where) {
    return exceeded(Limit.NAME_LENGTH, "a metric name of " + length + " bytes (" + where + ")");
  }

  PushLimitException labelNameTooLong(int length, String series) {
    return exceeded(
        Limit.NAME_LENGTH, "a label name of " + length + " bytes on a series of " + series);
  }

  PushLimitException labelValueTooLong(int length, String label, String series) {
    return exceeded(
        Limit.VALUE_LENGTH,
        "a value of "
            + length
            + " bytes for label "
            + GoQuote.quote(label)
            + " on a series of "
            + series);
  }

  /**
   * The exception for a body over {@code limit}.
   *
   * @param what what was sent, e.g. {@code more than 100000 series in this push}
   */
  private PushLimitException exceeded(Limit limit, String what) {
    int value = value(limit);
    return new PushLimitException(
        limit, "push refused: " + what + ", limit --" + limit.flagName() + "=" + value);
  }
}
