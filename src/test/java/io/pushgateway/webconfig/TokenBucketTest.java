package io.pushgateway.webconfig;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code rate_limit}: a full bucket of {@code burst} tokens, refilled one per interval. */
class TokenBucketTest {
  @Test
  void burstThenRefused() {
    TokenBucket bucket = new TokenBucket(new RateLimit(Duration.ofHours(1), 3));
    assertThat(bucket.allow()).isTrue();
    assertThat(bucket.allow()).isTrue();
    assertThat(bucket.allow()).isTrue();
    assertThat(bucket.allow()).isFalse();
  }

  @Test
  void refills() throws InterruptedException {
    TokenBucket bucket = new TokenBucket(new RateLimit(Duration.ofMillis(20), 1));
    assertThat(bucket.allow()).isTrue();
    Thread.sleep(60);
    assertThat(bucket.allow()).isTrue();
  }

  @Test
  void zeroBurstRefusesEverythingAndANegativeIntervalNothing() {
    assertThat(new TokenBucket(new RateLimit(Duration.ofSeconds(1), 0)).allow()).isFalse();
    TokenBucket unlimited = new TokenBucket(new RateLimit(Duration.ofSeconds(-1), 0));
    for (int i = 0; i < 100; i++) {
      assertThat(unlimited.allow()).isTrue();
    }
  }
}
