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

  @Test
  void largeMaps_stayShallow_whileGrowingShrinkingAndBuiltAtOnce() {
    Random rnd = new Random(11);
    TreeMap<Integer, Integer> expected = new TreeMap<>();
    PersistentSortedMap<Integer, Integer> map = PersistentSortedMap.empty();
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < 60_000; i++) {
        int k = rnd.nextInt(100_000);
        expected.put(k, i);
        map = map.put(k, i);
      }
      assertThat(map.size()).isEqualTo(expected.size());
      assertThat(map.height()).isLessThanOrEqualTo(maxHeight(map.size()));
      List<Integer> keys = new ArrayList<>(expected.keySet());
      java.util.Collections.shuffle(keys, rnd);
      for (int k : keys.subList(0, keys.size() - round * 10)) {
        expected.remove(k);
        map = map.remove(k);
        if (k % 97 == 0) {
          assertThat(map.size()).isEqualTo(expected.size());
          assertThat(map.height()).isLessThanOrEqualTo(maxHeight(map.size()));
          assertThat(key(map.higher(k))).isEqualTo(expected.higherKey(k));
          assertThat(key(map.lower(k))).isEqualTo(expected.lowerKey(k));
        }
      }
      assertThat(contents(map)).isEqualTo(List.copyOf(expected.entrySet()));
    }
    assertThat(map.remove(-1)).isSameAs(map);
    for (int n : new int[] {0, 1, 31, 32, 33, 64, 1000, 1025, 40_000}) {
      List<Integer> keys = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        keys.add(2 * i);
      }
      PersistentSortedMap<Integer, Integer> built =
          PersistentSortedMap.fromSorted(Integer::compare, keys, keys);
      assertThat(built.size()).isEqualTo(n);
      assertThat(built.height()).isLessThanOrEqualTo(maxHeight(n));
      List<Integer> values = new ArrayList<>();
      built.values().forEach(values::add);
      assertThat(values).isEqualTo(keys);
      for (int i = -1; i <= 2 * n; i += 7) {
        assertThat(built.get(i)).isEqualTo(i >= 0 && i % 2 == 0 && i < 2 * n ? i : null);
        built = built.put(i, -i);
      }
      for (int i = 0; i < 2 * n; i += 3) {
        built = built.remove(i);
      }
      TreeMap<Integer, Integer> model = new TreeMap<>();
      keys.forEach(k -> model.put(k, k));
      for (int i = -1; i <= 2 * n; i += 7) {
        model.put(i, -i);
      }
      for (int i = 0; i < 2 * n; i += 3) {
        model.remove(i);
      }
      assertThat(contents(built)).isEqualTo(List.copyOf(model.entrySet()));
      assertThat(built.size()).isEqualTo(model.size());
    }
  }

  /** Every node but the root holds at least MAX / 2 entries or children. */
  private static int maxHeight(int size) {
    int height = 1;
    for (long capacity = 2L * PersistentSortedMap.MAX / 2; capacity < size; ) {
      capacity *= PersistentSortedMap.MAX / 2;
      height++;
    }
    return size == 0 ? 0 : height;
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
