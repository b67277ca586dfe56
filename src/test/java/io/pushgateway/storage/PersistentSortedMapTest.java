package io.pushgateway.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PersistentSortedMapTest {
  @Test
  void randomOperations_behaveLikeTreeMap_andOldVersionsStayIntact() {
    Random rnd = new Random(7);
    TreeMap<Integer, Integer> expected = new TreeMap<>();
    PersistentSortedMap<Integer, Integer> map = PersistentSortedMap.empty();
    PersistentSortedMap<Integer, Integer> snapshot = map;
    TreeMap<Integer, Integer> snapshotExpected = new TreeMap<>();
    for (int i = 0; i < 20_000; i++) {
      int k = rnd.nextInt(500);
      if (rnd.nextInt(3) == 0) {
        expected.remove(k);
        map = map.remove(k);
      } else {
        expected.put(k, i);
        map = map.put(k, i);
      }
      if (i % 1000 == 0) {
        assertThat(contents(snapshot)).isEqualTo(List.copyOf(snapshotExpected.entrySet()));
        snapshot = map;
        snapshotExpected = new TreeMap<>(expected);
      }
      int probe = rnd.nextInt(520) - 10;
      assertThat(map.get(probe)).isEqualTo(expected.get(probe));
      assertThat(key(map.lower(probe))).isEqualTo(expected.lowerKey(probe));
      assertThat(key(map.higher(probe))).isEqualTo(expected.higherKey(probe));
    }
    assertThat(map.size()).isEqualTo(expected.size());
    assertThat(contents(map)).isEqualTo(List.copyOf(expected.entrySet()));
    assertThat(key(map.first())).isEqualTo(expected.firstKey());
  }

  private static Integer key(PersistentSortedMap.Entry<Integer, Integer> e) {
    return e == null ? null : e.key();
  }

  private static List<Map.Entry<Integer, Integer>> contents(
      PersistentSortedMap<Integer, Integer> m) {
    List<Map.Entry<Integer, Integer>> out = new ArrayList<>();
    for (PersistentSortedMap.Entry<Integer, Integer> e : m) {
      out.add(Map.entry(e.key(), e.value()));
    }
    return out;
  }
}
