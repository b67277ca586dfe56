package io.pushgateway.http;

import io.pushgateway.gocompat.ByteStrings;
import io.pushgateway.gocompat.GoStrings;
import io.pushgateway.gocompat.GoUtf8;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The routes of one method, stored as a compressed prefix tree with the observable behaviour of
 * julienschmidt/httprouter 1.3.0 (which the Go Pushgateway routes with).
 *
 * <p>The tree shape matters: httprouter's trailing-slash recommendation and its case-insensitive
 * lookup are decided at node boundaries, so e.g. {@code PUT /metrics/job/} is redirected to {@code
 * /metrics/job} (which then is 404) only because the {@code job@base64} routes split the node after
 * {@code /metrics/job}. This class therefore builds the same node boundaries and applies the same
 * rules at them. All paths are byte strings (see {@link ByteStrings}).
 */
final class RouteTree {
  private enum Kind {
    STATIC,
    ROOT,
    PARAM,
    CATCH_ALL
  }

  private static final class Node {
    String path = "";
    boolean wildChild;
    Kind kind = Kind.STATIC;
    String indices = ""; // first byte of each static child, aligned with children
    List<Node> children = new ArrayList<>();
    @Nullable Handler handler;
  }

  /** The result of a lookup: a handler with its params, or whether to toggle a trailing slash. */
  record Match(@Nullable Handler handler, PathParams params, boolean trailingSlashRedirect) {
    static Match miss(boolean trailingSlashRedirect) {
      return new Match(null, PathParams.EMPTY, trailingSlashRedirect);
    }
  }

  private final Node root = new Node();

  /**
   * Adds a route. {@code :name} matches one non-empty segment, {@code *name} (last) the rest.
   *
   * @throws IllegalArgumentException for the route conflicts httprouter rejects (same texts)
   */
  void add(String fullPath, Handler handler) {
    if (root.path.isEmpty() && root.children.isEmpty()) {
      insertChild(root, fullPath, fullPath, handler);
      root.kind = Kind.ROOT;
      return;
    }
    Node n = root;
    String path = fullPath;
    while (true) {
      int i = commonPrefixLength(path, n.path);
      if (i < n.path.length()) {
        splitEdge(n, i);
      }
      if (i == path.length()) {
        if (n.handler != null) {
          throw new IllegalArgumentException(
              "a handle is already registered for path '" + fullPath + "'");
        }
        n.handler = handler;
        return;
      }
      path = path.substring(i);
      if (n.wildChild) {
        n = n.children.get(0);
        checkWildcardContinues(n, path, fullPath);
        continue;
      }
      char c = path.charAt(0);
      if (n.kind == Kind.PARAM && c == '/' && n.children.size() == 1) {
        n = n.children.get(0);
        continue;
      }
      int index = n.indices.indexOf(c);
      if (index >= 0) {
        n = n.children.get(index);
        continue;
      }
      if (c != ':' && c != '*') {
        Node child = new Node();
        n.indices += c;
        n.children.add(child);
        n = child;
      }
      insertChild(n, path, fullPath, handler);
      return;
    }
  }

  private static int commonPrefixLength(String a, String b) {
    int max = Math.min(a.length(), b.length());
    int i = 0;
    while (i < max && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    return i;
  }

  /** Moves everything of {@code n} after {@code i} bytes into a new single child. */
  private static void splitEdge(Node n, int i) {
    Node child = new Node();
    child.path = n.path.substring(i);
    child.wildChild = n.wildChild;
    child.indices = n.indices;
    child.children = n.children;
    child.handler = n.handler;
    n.children = new ArrayList<>(List.of(child));
    n.indices = String.valueOf(n.path.charAt(i));
    n.path = n.path.substring(0, i);
    n.handler = null;
    n.wildChild = false;
  }

  private static void checkWildcardContinues(Node wildcard, String path, String fullPath) {
    String name = wildcard.path;
    boolean continues =
        path.startsWith(name)
            && wildcard.kind != Kind.CATCH_ALL
            && (name.length() >= path.length() || path.charAt(name.length()) == '/');
    if (continues) {
      return;
    }
    String segment = wildcard.kind == Kind.CATCH_ALL ? path : path.split("/", 2)[0];
    String prefix = fullPath.substring(0, fullPath.indexOf(segment)) + name;
    throw new IllegalArgumentException(
        "'"
            + segment
            + "' in new path '"
            + fullPath
            + "' conflicts with existing wildcard '"
            + name
            + "' in existing prefix '"
            + prefix
            + "'");
  }

  /** Stores {@code path} below the fresh (or emptied) node {@code n}, creating wildcard nodes. */
  private static void insertChild(Node n, String path, String fullPath, Handler handler) {
    int wildcards = countWildcards(path);
    int offset = 0;
    for (int i = 0; wildcards > 0; i++) {
      char c = path.charAt(i);
      if (c != ':' && c != '*') {
        continue;
      }
      int end = wildcardEnd(path, i, fullPath);
      if (!n.children.isEmpty()) {
        throw new IllegalArgumentException(
            "wildcard route '"
                + path.substring(i, end)
                + "' conflicts with existing children in path '"
                + fullPath
                + "'");
      }
      if (end - i < 2) {
        throw new IllegalArgumentException(
            "wildcards must be named with a non-empty name in path '" + fullPath + "'");
      }
      if (c == '*') {
        insertCatchAll(n, path, offset, i, wildcards, fullPath, handler);
        return;
      }
      if (i > 0) {
        n.path = path.substring(offset, i);
        offset = i;
      }
      Node param = new Node();
      param.kind = Kind.PARAM;
      n.children = new ArrayList<>(List.of(param));
      n.wildChild = true;
      n = param;
      wildcards--;
      if (end < path.length()) {
        n.path = path.substring(offset, end);
        offset = end;
        Node rest = new Node();
        n.children = new ArrayList<>(List.of(rest));
        n = rest;
      }
    }
    n.path = path.substring(offset);
    n.handler = handler;
  }

  private static int wildcardEnd(String path, int start, String fullPath) {
    int end = start + 1;
    while (end < path.length() && path.charAt(end) != '/') {
      char c = path.charAt(end);
      if (c == ':' || c == '*') {
        throw new IllegalArgumentException(
            "only one wildcard per path segment is allowed, has: '"
                + path.substring(start)
                + "' in path '"
                + fullPath
                + "'");
      }
      end++;
    }
    return end;
  }

  private static void insertCatchAll(
      Node n, String path, int offset, int star, int wildcards, String fullPath, Handler handler) {
    if (wildcardEnd(path, star, fullPath) != path.length() || wildcards > 1) {
      throw new IllegalArgumentException(
          "catch-all routes are only allowed at the end of the path in path '" + fullPath + "'");
    }
    if (n.path.endsWith("/")) {
      throw new IllegalArgumentException(
          "catch-all conflicts with existing handle for the path segment root in path '"
              + fullPath
              + "'");
    }
    int slash = star - 1;
    if (slash < 0 || path.charAt(slash) != '/') {
      throw new IllegalArgumentException("no / before catch-all in path '" + fullPath + "'");
    }
    n.path = path.substring(offset, slash);
    // httprouter's shape: an empty catch-all node (reached through index '/') above the leaf.
    Node holder = new Node();
    holder.kind = Kind.CATCH_ALL;
    holder.wildChild = true;
    n.children = new ArrayList<>(List.of(holder));
    n.indices = "/";
    Node leaf = new Node();
    leaf.kind = Kind.CATCH_ALL;
    leaf.path = path.substring(slash);
    leaf.handler = handler;
    holder.children = new ArrayList<>(List.of(leaf));
  }

  private static int countWildcards(String path) {
    int count = 0;
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == ':' || c == '*') {
        count++;
      }
    }
    return count;
  }

  /** Finds the handler for {@code path}, or recommends a trailing-slash redirect (TSR). */
  Match lookup(String path) {
    Node n = root;
    List<String> params = new ArrayList<>(4);
    while (true) {
      String prefix = n.path;
      if (path.length() > prefix.length() && path.startsWith(prefix)) {
        path = path.substring(prefix.length());
        if (!n.wildChild) {
          int index = n.indices.indexOf(path.charAt(0));
          if (index >= 0) {
            n = n.children.get(index);
            continue;
          }
          // A TSR to the same path without the trailing slash, if that has a handler.
          return Match.miss(path.equals("/") && n.handler != null);
        }
        n = n.children.get(0);
        if (n.kind == Kind.CATCH_ALL) {
          params.add(n.path.substring(2));
          params.add(path);
          return new Match(n.handler, PathParams.ofByteStrings(params), false);
        }
        int end = segmentEnd(path);
        params.add(n.path.substring(1));
        params.add(path.substring(0, end));
        if (end < path.length()) {
          if (!n.children.isEmpty()) {
            path = path.substring(end);
            n = n.children.get(0);
            continue;
          }
          return Match.miss(path.length() == end + 1);
        }
        return atParamEnd(n, params);
      }
      if (path.equals(prefix)) {
        return atNodeEnd(n, path, params);
      }
      // Nothing found: a TSR with an extra trailing slash, if that leaf exists.
      boolean tsr =
          path.equals("/")
              || (prefix.length() == path.length() + 1
                  && prefix.charAt(path.length()) == '/'
                  && prefix.startsWith(path)
                  && n.handler != null);
      return Match.miss(tsr);
    }
  }

  private static int segmentEnd(String path) {
    int end = path.indexOf('/');
    return end < 0 ? path.length() : end;
  }

  private static Match atParamEnd(Node param, List<String> params) {
    if (param.handler != null) {
      return new Match(param.handler, PathParams.ofByteStrings(params), false);
    }
    if (param.children.size() == 1) {
      Node child = param.children.get(0);
      return Match.miss(child.path.equals("/") && child.handler != null);
    }
    return Match.miss(false);
  }

  private static Match atNodeEnd(Node n, String path, List<String> params) {
    if (n.handler != null) {
      return new Match(n.handler, PathParams.ofByteStrings(params), false);
    }
    if (path.equals("/") && n.wildChild && n.kind != Kind.ROOT) {
      return Match.miss(true);
    }
    int index = n.indices.indexOf('/');
    if (index >= 0) {
      return Match.miss(hasSlashLeaf(n.children.get(index)));
    }
    return Match.miss(false);
  }

  /** Whether the child reached through index '/' answers the path with a slash appended. */
  private static boolean hasSlashLeaf(Node child) {
    return (child.path.length() == 1 && child.handler != null)
        || (child.kind == Kind.CATCH_ALL && child.children.get(0).handler != null);
  }

  /**
   * httprouter's case-insensitive lookup: the path with the routes' own letter case (parameter
   * values kept as given), optionally also fixing a trailing slash; null if there is none.
   */
  @Nullable String findCaseInsensitive(String path, boolean fixTrailingSlash) {
    return new CaseInsensitiveSearch(fixTrailingSlash).find(root, path, "", new byte[4]);
  }

  /** The recursive search behind {@link #findCaseInsensitive}, walking runes byte by byte. */
  private static final class CaseInsensitiveSearch {
    private final boolean fixSlash;

    CaseInsensitiveSearch(boolean fixSlash) {
      this.fixSlash = fixSlash;
    }

    /**
     * Continues at {@code n} with the unmatched {@code path}, the corrected prefix {@code ci} and
     * the not yet matched bytes {@code runeBytes} of the current rune.
     */
    @Nullable String find(Node n, String path, String ci, byte[] runeBytes) {
      byte[] rb = runeBytes.clone();
      int npLen = n.path.length();
      while (path.length() >= npLen
          && (npLen == 0 || equalFold(path.substring(1, npLen), n.path.substring(1)))) {
        String oldPath = path;
        path = path.substring(npLen);
        ci += n.path;
        if (path.isEmpty()) {
          return atNodeEnd(n, ci);
        }
        if (n.wildChild) {
          return inWildcard(n.children.get(0), path, ci, rb);
        }
        rb = shift(rb, npLen);
        @Nullable Node next = null;
        if (rb[0] != 0) {
          next = childByIndex(n, rb[0]); // the rest of a rune started in the parent node
        } else {
          int off = 0;
          int rune = 0;
          for (int max = Math.min(npLen, 3); off < max; off++) {
            int i = npLen - off;
            if (GoUtf8.isRuneStart(oldPath.charAt(i))) {
              rune = runeAt(oldPath, i);
              break;
            }
          }
          int lower = Character.toLowerCase(rune);
          GoUtf8.encodeInto(rb, lower);
          rb = shift(rb, off);
          Node lowerChild = childByIndex(n, rb[0]);
          if (lowerChild != null) {
            // Recursive, since both the upper- and lower-case byte may be indices.
            String found = find(lowerChild, path, ci, rb);
            if (found != null) {
              return found;
            }
          }
          int upper = Character.toUpperCase(rune);
          if (upper != lower) {
            GoUtf8.encodeInto(rb, upper);
            rb = shift(rb, off);
            next = childByIndex(n, rb[0]);
          }
        }
        if (next == null) {
          return fixSlash && path.equals("/") && n.handler != null ? ci : null;
        }
        n = next;
        npLen = n.path.length();
      }
      return afterMismatch(n, path, ci);
    }

    /** After a wildcard; {@code rb} carries over unchanged, as in httprouter's loop. */
    private @Nullable String inWildcard(Node wildcard, String path, String ci, byte[] rb) {
      if (wildcard.kind == Kind.CATCH_ALL) {
        return ci + path;
      }
      int k = segmentEnd(path);
      String withValue = ci + path.substring(0, k);
      if (k < path.length()) {
        if (!wildcard.children.isEmpty()) {
          return find(wildcard.children.get(0), path.substring(k), withValue, rb);
        }
        return fixSlash && path.length() == k + 1 ? withValue : null;
      }
      if (wildcard.handler != null) {
        return withValue;
      }
      if (fixSlash && wildcard.children.size() == 1) {
        Node child = wildcard.children.get(0);
        if (child.path.equals("/") && child.handler != null) {
          return withValue + "/";
        }
      }
      return null;
    }

    private @Nullable String atNodeEnd(Node n, String ci) {
      if (n.handler != null) {
        return ci;
      }
      if (fixSlash) {
        int index = n.indices.indexOf('/');
        if (index >= 0) {
          return hasSlashLeaf(n.children.get(index)) ? ci + "/" : null;
        }
      }
      return null;
    }

    private @Nullable String afterMismatch(Node n, String path, String ci) {
      if (!fixSlash) {
        return null;
      }
      if (path.equals("/")) {
        return ci; // httprouter accepts this without checking for a handler
      }
      String np = n.path;
      if (path.length() + 1 == np.length()
          && np.charAt(path.length()) == '/'
          && equalFold(path.substring(1), np.substring(1, path.length()))
          && n.handler != null) {
        return ci + np;
      }
      return null;
    }

    /** The rune starting at byte {@code i} of a byte string (invalid bytes are U+FFFD). */
    private static int runeAt(String byteString, int i) {
      return GoUtf8.rune(GoUtf8.decodeRune(ByteStrings.bytes(byteString), i, byteString.length()));
    }

    /** Go's {@code strings.EqualFold} on two byte strings. */
    private static boolean equalFold(String s, String t) {
      return GoStrings.equalFold(ByteStrings.bytes(s), ByteStrings.bytes(t));
    }

    private static @Nullable Node childByIndex(Node n, byte b) {
      int index = n.indices.indexOf((char) (b & 0xFF));
      return index < 0 ? null : n.children.get(index);
    }

    private static byte[] shift(byte[] rb, int n) {
      byte[] out = new byte[4];
      for (int i = n; i < 4 && n >= 0; i++) {
        out[i - n] = rb[i];
      }
      return out;
    }
  }
}
