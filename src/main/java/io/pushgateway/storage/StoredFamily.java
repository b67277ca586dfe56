package io.pushgateway.storage;

import io.pushgateway.model.Metric;
import io.pushgateway.model.MetricFamily;
import java.time.Instant;

/**
 * A family as stored in one group: the sanitised family, when it was last pushed, and what the
 * consistency check needs to know about its series (computed once, when the push is prepared).
 */
public final class StoredFamily {
  private final MetricFamily family;
  private final Instant lastPushed;
  private final int lackingKinds;
  private final int badMetrics;

  private StoredFamily(MetricFamily family, Instant lastPushed, int lackingKinds, int badMetrics) {
    this.family = family;
    this.lastPushed = lastPushed;
    this.lackingKinds = lackingKinds;
    this.badMetrics = badMetrics;
  }

  /** Wraps an already sanitised family; costs one pass over its series. */
  public static StoredFamily of(MetricFamily family, Instant lastPushed) {
    int bad = 0;
    MetricChecks.ValidNames valid = new MetricChecks.ValidNames();
    for (Metric m : family.metrics()) {
      if (MetricChecks.labelProblem(m, valid) != null) {
        bad++;
      }
    }
    return new StoredFamily(family, lastPushed, MetricChecks.lackingKinds(family.metrics()), bad);
  }

  public MetricFamily family() {
    return family;
  }

  public String name() {
    return family.name();
  }

  /** The receive time of the write request that last stored this family. */
  public Instant lastPushed() {
    return lastPushed;
  }

  /** Bit mask of types whose value field some series lacks (see MetricChecks). */
  int lackingKinds() {
    return lackingKinds;
  }

  /** The number of series that break a per-series rule. */
  int badMetrics() {
    return badMetrics;
  }
}
