package io.pushgateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.pushgateway.model.BucketSpan;
import io.pushgateway.model.Histogram;
import java.util.List;
import org.junit.jupiter.api.Test;

class NativeBucketsTest {
  @Test
  void integerHistogram_listsNonEmptyBucketsNegativeZeroPositive() {
    Histogram h =
        Histogram.builder()
            .schema(1)
            .zeroThreshold(0.001)
            .zeroCount(3)
            .negativeSpans(List.of(BucketSpan.of(0, 2)))
            .negativeDeltas(new long[] {0, 2})
            .positiveSpans(List.of(BucketSpan.of(0, 2)))
            .positiveDeltas(new long[] {0, 2})
            .build();
    List<NativeBuckets.Bucket> buckets = NativeBuckets.of(h);
    assertThat(buckets)
        .extracting(b -> b.boundaries() + " " + b.lower() + " " + b.upper() + " " + b.intCount())
        .containsExactly(
            "1 -1.4142135623730951 -1.0 2", "3 -0.001 0.001 3", "0 1.0 1.4142135623730951 2");
  }

  @Test
  void floatHistogram_usesAbsoluteCountsAndGapsBetweenSpans() {
    Histogram h =
        Histogram.builder()
            .schema(0)
            .sampleCountFloat(5)
            .positiveSpans(List.of(BucketSpan.of(1, 1), BucketSpan.of(2, 1)))
            .positiveCounts(new double[] {1.5, 3.5})
            .build();
    assertThat(NativeBuckets.of(h))
        .extracting(b -> b.lower() + ".." + b.upper() + "=" + b.floatCount())
        .containsExactly("1.0..2.0=1.5", "8.0..16.0=3.5");
  }
}
