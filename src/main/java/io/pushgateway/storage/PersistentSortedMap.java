package io.pushgateway.storage;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.BiConsumer;
import java.util.function.BinaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * An immutable sorted map whose updates return a new map sharing all untouched nodes with the old
 * one (a B+ tree with path copying). Put and remove cost O(log n) time and allocation, so the store
 * can publish a new snapshot per write without copying the store.
 *
 * <p>A B+ tree rather than a binary tree because the store holds one entry per stored series:
 * entries sit side by side in arrays of up to {@value #MAX} (about 10–14 bytes per entry with the
 * arrays' slack) instead of one 32-byte node each, which made the tree nodes the largest part of
 * the heap. The price is copying a leaf's arrays on every update, cheap next to a binary tree's
 * longer path of copied nodes.
 */
public final class PersistentSortedMap<K, V> implements Iterable<PersistentSortedMap.Entry<K, V>> {

  /** A key and its value. */
  public interface Entry<K, V> {
    K key();

    V value();
  }

  private record SimpleEntry<K, V>(K key, V value) implements Entry<K, V> {}

  /** Entries (leaves) or children (inner nodes) per node, at most. */
  static final int MAX = 32;

  /** At least this many per node, except in the root (a smaller node is merged with a sibling). */
  private static final int MIN = MAX / 2;

  /**
   * A node: a leaf holds keys and their values, an inner node its children and, as {@code keys},
   * the smallest key under each child.
   */
  private static final class Node {
    final Object[] keys;

    /** Values (leaf) or child nodes (inner node), index for index with the keys. */
    final Object[] items;

    final boolean leaf;

    Node(Object[] keys, Object[] items, boolean leaf) {
      this.keys = keys;
      this.items = items;
      this.leaf = leaf;
    }

    int size() {
      return keys.length;
    }

    Node child(int i) {
      return (Node) items[i];
    }
  }

  private static final Object[] NONE = new Object[0];

  private final Comparator<? super K> comparator;
  private final @Nullable Node root;
  private final int size;

  private PersistentSortedMap(Comparator<? super K> comparator, @Nullable Node root, int size) {
    this.comparator = comparator;
    this.root = root;
    this.size = size;
  }

  /** An empty map ordered by the comparator. */
  public static <K, V> PersistentSortedMap<K, V> empty(Comparator<? super K> comparator) {
    return new PersistentSortedMap<>(comparator, null, 0);
  }

  /** An empty map ordered naturally. */
  public static <K extends Comparable<? super K>, V> PersistentSortedMap<K, V> empty() {
    return new PersistentSortedMap<>(Comparator.naturalOrder(), null, 0);
  }

  /**
   * A map of the given entries, built bottom-up with full nodes in linear time (for loading many
   * entries at once). The keys must be in strictly increasing order; the caller guarantees it
   * (checking would cost as many comparisons again).
   */
  static <K, V> PersistentSortedMap<K, V> fromSorted(
      Comparator<? super K> comparator, List<? extends K> keys, List<? extends V> values) {
    if (keys.size() != values.size()) {
      throw new IllegalArgumentException(keys.size() + " keys but " + values.size() + " values");
    }
    int n = keys.size();
    if (n == 0) {
      return empty(comparator);
    }
    Node[] level = new Node[nodesFor(n)];
    int from = 0;
    for (int i = 0; i < level.length; i++) {
      int to = from + share(n, level.length, i);
      level[i] =
          new Node(keys.subList(from, to).toArray(), values.subList(from, to).toArray(), true);
      from = to;
    }
    while (level.length > 1) {
      Node[] up = new Node[nodesFor(level.length)];
      from = 0;
      for (int i = 0; i < up.length; i++) {
        int to = from + share(level.length, up.length, i);
        Object[] children = Arrays.copyOfRange(level, from, to, Object[].class);
        up[i] = new Node(firstKeys(children), children, false);
        from = to;
      }
      level = up;
    }
    return new PersistentSortedMap<>(comparator, level[0], n);
  }

  /** How many full-as-possible nodes hold n items (each at least MIN when more than one). */
  private static int nodesFor(int n) {
    return (n + MAX - 1) / MAX;
  }

  /** The number of items of node i when n items are spread evenly over {@code nodes} nodes. */
  private static int share(int n, int nodes, int i) {
    return n / nodes + (i < n % nodes ? 1 : 0);
  }

  private static Object[] firstKeys(Object[] children) {
    Object[] keys = new Object[children.length];
    for (int i = 0; i < children.length; i++) {
      keys[i] = ((Node) children[i]).keys[0];
    }
    return keys;
  }

  public int size() {
    return size;
  }

  /** The number of node levels (0 when empty); for tests of the balance. */
  int height() {
    int h = 0;
    for (Node n = root; n != null; n = n.leaf ? null : n.child(0)) {
      h++;
    }
    return h;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  /**
   * In a leaf: the index of the key, or {@code -(insertion point) - 1}. In an inner node: the child
   * whose range holds the key (the last child whose smallest key is not greater).
   */
  @SuppressWarnings("unchecked")
  private int search(Node n, K key) {
    Object[] keys = n.keys;
    int lo = 0;
    int hi = keys.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = comparator.compare((K) keys[mid], key);
      if (c < 0) {
        lo = mid + 1;
      } else if (c > 0) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return n.leaf ? -(lo + 1) : Math.max(0, lo - 1);
  }

  /** The value for the key, or null. */
  @SuppressWarnings("unchecked")
  public @Nullable V get(K key) {
    Node n = root;
    if (n == null) {
      return null;
    }
    while (!n.leaf) {
      n = n.child(search(n, key));
    }
    int i = search(n, key);
    return i >= 0 ? (V) n.items[i] : null;
  }

  public boolean containsKey(K key) {
    return get(key) != null;
  }

  /** The entry with the smallest key, or null when empty. */
  public @Nullable Entry<K, V> first() {
    Node n = root;
    if (n == null) {
      return null;
    }
    while (!n.leaf) {
      n = n.child(0);
    }
    return entry(n, 0);
  }

  @SuppressWarnings("unchecked")
  private Entry<K, V> entry(Node leaf, int i) {
    return new SimpleEntry<>((K) leaf.keys[i], (V) leaf.items[i]);
  }

  /** The entry with the greatest key strictly less than {@code key}, or null. */
  public @Nullable Entry<K, V> lower(K key) {
    return root == null ? null : lower(root, key);
  }

  private @Nullable Entry<K, V> lower(Node n, K key) {
    if (n.leaf) {
      int i = search(n, key);
      int below = (i >= 0 ? i : -i - 1) - 1;
      return below >= 0 ? entry(n, below) : null;
    }
    // Under the key's child, or else the last entry of the child before.
    int c = search(n, key);
    Entry<K, V> e = lower(n.child(c), key);
    if (e != null || c == 0) {
      return e;
    }
    Node last = n.child(c - 1);
    while (!last.leaf) {
      last = last.child(last.size() - 1);
    }
    return entry(last, last.size() - 1);
  }

  /** The entry with the smallest key strictly greater than {@code key}, or null. */
  public @Nullable Entry<K, V> higher(K key) {
    return root == null ? null : higher(root, key);
  }

  private @Nullable Entry<K, V> higher(Node n, K key) {
    if (n.leaf) {
      int i = search(n, key);
      int above = i >= 0 ? i + 1 : -i - 1;
      return above < n.size() ? entry(n, above) : null;
    }
    // Under the key's child, or else the first entry of the child after.
    int c = search(n, key);
    Entry<K, V> e = higher(n.child(c), key);
    if (e != null || c == n.size() - 1) {
      return e;
    }
    Node first = n.child(c + 1);
    while (!first.leaf) {
      first = first.child(0);
    }
    return entry(first, 0);
  }

  /** This map with the key set to the value (replacing any previous value). */
  public PersistentSortedMap<K, V> put(K key, V value) {
    return put(key, value, (stored, given) -> given);
  }

  /**
   * This map with the key set to the value; if an equal key is there, the key kept is {@code
   * keep.apply(stored key, given key)}.
   */
  public PersistentSortedMap<K, V> put(K key, V value, BinaryOperator<K> keep) {
    Node r = root;
    if (r == null) {
      return new PersistentSortedMap<>(
          comparator, new Node(new Object[] {key}, new Object[] {value}, true), 1);
    }
    Insertion insertion = new Insertion(keep);
    Node[] result = insertion.put(r, key, value);
    Node newRoot =
        result.length == 1
            ? result[0]
            : new Node(new Object[] {result[0].keys[0], result[1].keys[0]}, result, false);
    return new PersistentSortedMap<>(comparator, newRoot, insertion.added ? size + 1 : size);
  }

  /** One put, remembering whether it added a key or replaced a value. */
  private final class Insertion {
    private final BinaryOperator<K> keep;
    boolean added;

    Insertion(BinaryOperator<K> keep) {
      this.keep = keep;
    }

    /** The node with the key put: one node, or two when it had to split. */
    Node[] put(Node n, K key, V value) {
      int i = search(n, key);
      if (n.leaf) {
        if (i >= 0) {
          @SuppressWarnings("unchecked")
          K kept = keep.apply((K) n.keys[i], key);
          return new Node[] {
            new Node(replaced(n.keys, i, kept), replaced(n.items, i, value), true)
          };
        }
        added = true;
        int at = -i - 1;
        return splitIfFull(inserted(n.keys, at, key), inserted(n.items, at, value), true);
      }
      Node[] children = put(n.child(i), key, value);
      Object[] keys = replaced(n.keys, i, children[0].keys[0]);
      Object[] items = replaced(n.items, i, children[0]);
      if (children.length == 1) {
        return new Node[] {new Node(keys, items, false)};
      }
      return splitIfFull(
          inserted(keys, i + 1, children[1].keys[0]), inserted(items, i + 1, children[1]), false);
    }
  }

  /** The node as one, or as two halves when it holds more than MAX items. */
  private static Node[] splitIfFull(Object[] keys, Object[] items, boolean leaf) {
    if (keys.length <= MAX) {
      return new Node[] {new Node(keys, items, leaf)};
    }
    int half = keys.length / 2;
    return new Node[] {
      new Node(Arrays.copyOfRange(keys, 0, half), Arrays.copyOfRange(items, 0, half), leaf),
      new Node(
          Arrays.copyOfRange(keys, half, keys.length),
          Arrays.copyOfRange(items, half, keys.length),
          leaf)
    };
  }

  /** This map without the key (the same map if the key is absent). */
  public PersistentSortedMap<K, V> remove(K key) {
    Node r = root;
    if (r == null) {
      return this;
    }
    Node newRoot = remove(r, key);
    if (newRoot == r) {
      return this;
    }
    if (newRoot.size() == 0) {
      return empty(comparator);
    }
    if (!newRoot.leaf && newRoot.size() == 1) {
      newRoot = newRoot.child(0);
    }
    return new PersistentSortedMap<>(comparator, newRoot, size - 1);
  }

  /**
   * The node without the key, or the node itself if it does not hold the key. The result may hold
   * one item fewer than MIN; its parent then merges it with a neighbour.
   */
  private Node remove(Node n, K key) {
    int i = search(n, key);
    if (n.leaf) {
      return i < 0 ? n : new Node(removed(n.keys, i), removed(n.items, i), true);
    }
    Node before = n.child(i);
    Node child = remove(before, key);
    if (child == before) {
      return n;
    }
    if (child.size() == 0) { // only when it was the only child (a root's)
      return new Node(NONE, NONE, false);
    }
    if (child.size() >= MIN || n.size() == 1) {
      return new Node(replaced(n.keys, i, child.keys[0]), replaced(n.items, i, child), false);
    }
    // Too small: merge with a neighbour, and split again evenly if together they are too many.
    int left = i > 0 ? i - 1 : i;
    Node a = left == i ? child : n.child(left);
    Node b = left == i ? n.child(i + 1) : child;
    Node[] merged = splitIfFull(concat(a.keys, b.keys), concat(a.items, b.items), a.leaf);
    Object[] keys = removed(n.keys, left + 1);
    Object[] items = removed(n.items, left + 1);
    keys[left] = merged[0].keys[0];
    items[left] = merged[0];
    if (merged.length == 2) {
      keys = inserted(keys, left + 1, merged[1].keys[0]);
      items = inserted(items, left + 1, merged[1]);
    }
    return new Node(keys, items, false);
  }

  private static Object[] inserted(Object[] a, int at, Object x) {
    Object[] out = new Object[a.length + 1];
    System.arraycopy(a, 0, out, 0, at);
    out[at] = x;
    System.arraycopy(a, at, out, at + 1, a.length - at);
    return out;
  }

  private static Object[] removed(Object[] a, int at) {
    if (a.length == 1) {
      return NONE;
    }
    Object[] out = new Object[a.length - 1];
    System.arraycopy(a, 0, out, 0, at);
    System.arraycopy(a, at + 1, out, at, a.length - at - 1);
    return out;
  }

  private static Object[] replaced(Object[] a, int at, Object x) {
    if (a[at] == x) {
      return a;
    }
    Object[] out = a.clone();
    out[at] = x;
    return out;
  }

  private static Object[] concat(Object[] a, Object[] b) {
    Object[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** Calls the action for every entry in key order. */
  @SuppressWarnings("unchecked")
  public void forEach(BiConsumer<? super K, ? super V> action) {
    LeafWalk walk = new LeafWalk(root);
    for (Node leaf = walk.next(); leaf != null; leaf = walk.next()) {
      for (int i = 0; i < leaf.size(); i++) {
        action.accept((K) leaf.keys[i], (V) leaf.items[i]);
      }
    }
  }

  /** Entries in key order. */
  @Override
  public Iterator<Entry<K, V>> iterator() {
    return new InOrder<>(root, (leaf, i) -> entry(leaf, i));
  }

  /** Values in key order. */
  @SuppressWarnings("unchecked")
  public Iterable<V> values() {
    return () -> new InOrder<>(root, (leaf, i) -> (V) leaf.items[i]);
  }

  /** Keys in key order. */
  @SuppressWarnings("unchecked")
  public Iterable<K> keys() {
    return () -> new InOrder<>(root, (leaf, i) -> (K) leaf.keys[i]);
  }

  /** The leaves from left to right. */
  private static final class LeafWalk {
    private final Node[] path = new Node[16];
    private final int[] next = new int[16];
    private int depth = -1;

    LeafWalk(@Nullable Node root) {
      if (root != null) {
        descend(root);
      }
    }

    private void descend(Node n) {
      while (true) {
        path[++depth] = n;
        next[depth] = 0;
        if (n.leaf) {
          return;
        }
        next[depth] = 1;
        n = n.child(0);
      }
    }

    /** The next leaf, or null after the last. */
    @Nullable Node next() {
      if (depth < 0) {
        return null;
      }
      Node leaf = path[depth--];
      while (depth >= 0 && next[depth] == path[depth].size()) {
        depth--;
      }
      if (depth >= 0) {
        Node parent = path[depth];
        descend(parent.child(next[depth]++));
      }
      return leaf;
    }
  }

  /** Reads one item of a leaf. */
  private interface Reader<T> {
    T read(Node leaf, int index);
  }

  private static final class InOrder<T> implements Iterator<T> {
    private final LeafWalk walk;
    private final Reader<T> reader;
    private @Nullable Node leaf;
    private int index;

    InOrder(@Nullable Node root, Reader<T> reader) {
      this.walk = new LeafWalk(root);
      this.reader = reader;
      this.leaf = walk.next();
    }

    @Override
    public boolean hasNext() {
      return leaf != null;
    }

    @Override
    public T next() {
      Node n = leaf;
      if (n == null) {
        throw new NoSuchElementException();
      }
      T item = reader.read(n, index++);
      if (index == n.size()) {
        leaf = walk.next();
        index = 0;
      }
      return item;
    }
  }
}
