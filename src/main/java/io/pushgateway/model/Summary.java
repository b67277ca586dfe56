package io.pushgateway.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A summary value as in client_model's {@code Summary} message. {@code sampleCount} is an unsigned
 * 64-bit number. The flags say which optional fields were present.
 */
public record Summary(
    long sampleCount,
    boolean hasSampleCount,
    double sampleSum,
    boolean hasSampleSum,
    List<Quantile> quantiles,
    @Nullable Timestamp createdTimestamp) {

  public Summary {
    quantiles = PlainQuantiles.of(quantiles);
  }
}
