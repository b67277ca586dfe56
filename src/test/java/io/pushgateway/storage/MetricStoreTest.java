package io.pushgateway.storage;

import static io.pushgateway.storage.StoreFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class MetricStoreTest {
  @Test
  void submit_appliesInOrderAndPublishesBeforeCompleting() throws Exception {
    try (MetricStore store = new MetricStore(empty(), new StateMachine(true), 1000)) {
      List<CompletableFuture<WriteResult>> results = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        results.add(store.submit(put(key("job", "j" + (i % 50)), T1, untyped("m", i))));
      }
      results.add(store.submit(new WriteRequest.Delete(key("job", "j0"), T2)));
      WriteResult last = results.get(results.size() - 1).get();
      assertThat(last.isAccepted()).isTrue();
      // Completed means visible.
      assertThat(store.state().group(key("job", "j0"))).isNull();
      assertThat(store.state().groupCount()).isEqualTo(49);
      assertThat(series(store.state(), "m")).contains("{instance=\"\",job=\"j49\"} 499.0");
      for (CompletableFuture<WriteResult> r : results) {
        assertThat(r.get().isAccepted()).isTrue();
      }
    }
  }

  @Test
  void close_appliesQueuedRequestsThenRefusesNewOnes() {
    MetricStore store = new MetricStore(empty(), new StateMachine(true), 1000);
    CompletableFuture<WriteResult> queued = store.submit(put(key("job", "a"), T1, untyped("m", 1)));
    store.close();
    assertThat(queued).isCompleted();
    assertThat(store.state().groupCount()).isEqualTo(1);
    assertThat(store.submit(put(key("job", "b"), T1))).isCompletedExceptionally();
  }

  @Test
  void healthy_whileQueueHasRoom() {
    try (MetricStore store = new MetricStore(empty(), new StateMachine(true), 10)) {
      assertThat(store.healthy()).isTrue();
    }
  }
}
