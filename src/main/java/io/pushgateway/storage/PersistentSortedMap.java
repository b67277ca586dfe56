package io.pushgateway.storage;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * An immutable sorted map whose updates return a new map sharing all untouched nodes with the old
 * one (an AVL tree with path copying). Put and remove cost O(log n) time and allocation, so the
 * store can publish a new snapshot per write without copying the store.
 */
public final class PersistentSortedMap<K, V> implements Iterable<PersistentSortedMap.Entry<K, V>> {

  /** A key and its value; nodes are entries, so iteration allocates nothing per element. */
  public interface Entry<K, V> {
    K key();

    V value();
  }

  private static final class Node<K, V> implements Entry<K, V> {
    final K key;
    final V value;
    final @Nullable Node<K, V> left;
    final @Nullable Node<K, V> right;
    final int height;
    final int size;

    Node(K key, V value, @Nullable Node<K, V> left, @Nullable Node<K, V> right) {
      this.key = key;
      this.value = value;
      this.left = left;
      this.right = right;
      this.height = Math.max(height(left), height(right)) + 1;
      this.size = size(left) + size(right) + 1;
    }

    @Override
    public K key() {
      return key;
    }

    @Override
    public V value() {
      return value;
    }
  }

  private final Comparator<? super K> comparator;
  private final @Nullable Node<K, V> root;

  private PersistentSortedMap(Comparator<? super K> comparator, @Nullable Node<K, V> root) {
    this.comparator = comparator;
    this.root = root;
  }

  /** An empty map ordered by the comparator. */
  public static <K, V> PersistentSortedMap<K, V> empty(Comparator<? super K> comparator) {
    return new PersistentSortedMap<>(comparator, null);
  }

  /** An empty map ordered naturally. */
  public static <K extends Comparable<? super K>, V> PersistentSortedMap<K, V> empty() {
    return new PersistentSortedMap<>(Comparator.naturalOrder(), null);
  }

  /**
   * A map of the given entries, built as a perfectly balanced tree in linear time (for loading many
   * entries at once). The keys must be in strictly increasing order; the caller guarantees it
   * (checking would cost as many comparisons again).
   */
  static <K, V> PersistentSortedMap<K, V> fromSorted(
      Comparator<? super K> comparator, List<? extends K> keys, List<? extends V> values) {
    if (keys.size() != values.size()) {
      throw new IllegalArgumentException(keys.size() + " keys but " + values.size() + " values");
    }
    return new PersistentSortedMap<>(comparator, build(keys, values, 0, keys.size()));
  }

  private static <K, V> @Nullable Node<K, V> build(
      List<? extends K> keys, List<? extends V> values, int from, int to) {
    if (from >= to) {
      return null;
    }
    int mid = (from + to) >>> 1;
    Node<K, V> left = build(keys, values, from, mid);
    Node<K, V> right = build(keys, values, mid + 1, to);
    return new Node<>(keys.get(mid), values.get(mid), left, right);
  }

  private static int height(@Nullable Node<?, ?> n) {
    return n == null ? 0 : n.height;
  }

  private static int size(@Nullable Node<?, ?> n) {
    return n == null ? 0 : n.size;
  }

  public int size() {
    return size(root);
  }

  public boolean isEmpty() {
    return root == null;
  }

  /** The value for the key, or null. */
  public @Nullable V get(K key) {
    Node<K, V> n = root;
    while (n != null) {
      int c = comparator.compare(key, n.key);
      if (c == 0) {
        return n.value;
      }
      n = c < 0 ? n.left : n.right;
    }
    return null;
  }

  public boolean containsKey(K key) {
    return get(key) != null;
  }

  /** The entry with the smallest key, or null when empty. */
  public @Nullable Entry<K, V> first() {
    Node<K, V> n = root;
    if (n == null) {
      return null;
    }
    while (n.left != null) {
      n = n.left;
    }
    return n;
  }

  /** The entry with the greatest key strictly less than {@code key}, or null. */
  public @Nullable Entry<K, V> lower(K key) {
    Node<K, V> n = root;
    Node<K, V> best = null;
    while (n != null) {
      if (comparator.compare(key, n.key) > 0) {
        best = n;
        n = n.right;
      } else {
        n = n.left;
      }
    }
    return best;
  }

  /** The entry with the smallest key strictly greater than {@code key}, or null. */
  public @Nullable Entry<K, V> higher(K key) {
    Node<K, V> n = root;
    Node<K, V> best = null;
    while (n != null) {
      if (comparator.compare(key, n.key) < 0) {
        best = n;
        n = n.left;
      } else {
        n = n.right;
      }
    }
    return best;
  }

  /** This map with the key set to the value (replacing any previous value). */
  public PersistentSortedMap<K, V> put(K key, V value) {
    return new PersistentSortedMap<>(comparator, put(root, key, value));
  }

  private Node<K, V> put(@Nullable Node<K, V> n, K key, V value) {
    if (n == null) {
      return new Node<>(key, value, null, null);
    }
    int c = comparator.compare(key, n.key);
    if (c == 0) {
      return new Node<>(key, value, n.left, n.right);
    }
    if (c < 0) {
      return balance(n.key, n.value, put(n.left, key, value), n.right);
    }
    return balance(n.key, n.value, n.left, put(n.right, key, value));
  }

  /** This map without the key (the same map if the key is absent). */
  public PersistentSortedMap<K, V> remove(K key) {
    Node<K, V> newRoot = remove(root, key);
    return newRoot == root ? this : new PersistentSortedMap<>(comparator, newRoot);
  }

  private @Nullable Node<K, V> remove(@Nullable Node<K, V> n, K key) {
    if (n == null) {
      return null;
    }
    int c = comparator.compare(key, n.key);
    if (c < 0) {
      Node<K, V> left = remove(n.left, key);
      return left == n.left ? n : balance(n.key, n.value, left, n.right);
    }
    if (c > 0) {
      Node<K, V> right = remove(n.right, key);
      return right == n.right ? n : balance(n.key, n.value, n.left, right);
    }
    if (n.left == null) {
      return n.right;
    }
    if (n.right == null) {
      return n.left;
    }
    Node<K, V> min = n.right;
    while (min.left != null) {
      min = min.left;
    }
    return balance(min.key, min.value, n.left, removeMin(n.right));
  }

  private @Nullable Node<K, V> removeMin(Node<K, V> n) {
    if (n.left == null) {
      return n.right;
    }
    return balance(n.key, n.value, removeMin(n.left), n.right);
  }

  private static <K, V> Node<K, V> balance(
      K key, V value, @Nullable Node<K, V> left, @Nullable Node<K, V> right) {
    int hl = height(left);
    int hr = height(right);
    if (hl > hr + 1) {
      Node<K, V> l = left;
      if (l == null) {
        throw new AssertionError();
      }
      if (height(l.left) >= height(l.right)) {
        return new Node<>(l.key, l.value, l.left, new Node<>(key, value, l.right, right));
      }
      Node<K, V> lr = l.right;
      if (lr == null) {
        throw new AssertionError();
      }
      return new Node<>(
          lr.key,
          lr.value,
          new Node<>(l.key, l.value, l.left, lr.left),
          new Node<>(key, value, lr.right, right));
    }
    if (hr > hl + 1) {
      Node<K, V> r = right;
      if (r == null) {
        throw new AssertionError();
      }
      if (height(r.right) >= height(r.left)) {
        return new Node<>(r.key, r.value, new Node<>(key, value, left, r.left), r.right);
      }
      Node<K, V> rl = r.left;
      if (rl == null) {
        throw new AssertionError();
      }
      return new Node<>(
          rl.key,
          rl.value,
          new Node<>(key, value, left, rl.left),
          new Node<>(r.key, r.value, rl.right, r.right));
    }
    return new Node<>(key, value, left, right);
  }

  /** Calls the action for every entry in key order. */
  public void forEach(BiConsumer<? super K, ? super V> action) {
    forEach(root, action);
  }

  private static <K, V> void forEach(
      @Nullable Node<K, V> n, BiConsumer<? super K, ? super V> action) {
    while (n != null) {
      forEach(n.left, action);
      action.accept(n.key, n.value);
      n = n.right;
    }
  }

  /** Entries in key order. */
  @Override
  public Iterator<Entry<K, V>> iterator() {
    return new InOrder<>(root);
  }

  /** Values in key order. */
  public Iterable<V> values() {
    return () ->
        new Iterator<V>() {
          private final InOrder<K, V> it = new InOrder<>(root);

          @Override
          public boolean hasNext() {
            return it.hasNext();
          }

          @Override
          public V next() {
            return it.next().value();
          }
        };
  }

  /** Keys in key order. */
  public Iterable<K> keys() {
    return () ->
        new Iterator<K>() {
          private final InOrder<K, V> it = new InOrder<>(root);

          @Override
          public boolean hasNext() {
            return it.hasNext();
          }

          @Override
          public K next() {
            return it.next().key();
          }
        };
  }

  private static final class InOrder<K, V> implements Iterator<Entry<K, V>> {
    private final ArrayDeque<Node<K, V>> stack = new ArrayDeque<>();

    InOrder(@Nullable Node<K, V> root) {
      pushLeft(root);
    }

    private void pushLeft(@Nullable Node<K, V> n) {
      while (n != null) {
        stack.push(n);
        n = n.left;
      }
    }

    @Override
    public boolean hasNext() {
      return !stack.isEmpty();
    }

    @Override
    public Entry<K, V> next() {
      Node<K, V> n = stack.poll();
      if (n == null) {
        throw new NoSuchElementException();
      }
      pushLeft(n.right);
      return n;
    }
  }
}
