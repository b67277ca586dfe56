package io.pushgateway.memory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeapBudgetTest {
  private static final long MB = 1 << 20;

  @Test
  void budget_isTwiceTheLiveData_withAtLeastTheMinimumHeadroom() {
    assertThat(HeapBudget.budgetFor(500 * MB)).isEqualTo(1000 * MB);
    assertThat(HeapBudget.budgetFor(10 * MB)).isEqualTo(10 * MB + HeapBudget.MIN_HEADROOM_BYTES);
    assertThat(HeapBudget.budgetFor(0)).isEqualTo(HeapBudget.MIN_HEADROOM_BYTES);
  }

  @Test
  void idleSlack_isAQuarterOfTheLiveData_withAtLeastTheMinimum() {
    assertThat(HeapBudget.idleSlack(400 * MB)).isEqualTo(100 * MB);
    assertThat(HeapBudget.idleSlack(10 * MB)).isEqualTo(HeapBudget.MIN_IDLE_SLACK_BYTES);
  }
}
