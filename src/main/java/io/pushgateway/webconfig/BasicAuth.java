package io.pushgateway.webconfig;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * HTTP basic authentication against {@code basic_auth_users}, as the toolkit does it: Go's parsing
 * of the {@code Authorization} header, unknown users checked against a fixed dummy hash (so the
 * answer takes as long as for a known user), one bcrypt computation at a time, and the last 100
 * (user, hash, password) results remembered so that a client repeating its credentials costs one
 * hash lookup. The cache holds SHA-256 digests, never the passwords themselves.
 */
public final class BasicAuth {
  /** The toolkit's dummy hash (of "fakepassword"), checked for unknown users. */
  static final String DUMMY_HASH = "$2y$10$QOauhQNbBCuQDKes6eFzPeMqBSjb7Mr5DUmpZ/VcEd00UAV/LDeSi";

  private static final int CACHE_SIZE = 100;
  private static final String PREFIX = "basic ";

  private final ReentrantLock bcrypt = new ReentrantLock();
  private final Map<String, Boolean> cache =
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > CACHE_SIZE;
        }
      };

  /**
   * The user whose credentials the header carries, or null when it carries none or wrong ones.
   *
   * @param users user name to bcrypt hash
   * @param authorization the first {@code Authorization} header, or null
   */
  public @Nullable String authenticate(Map<String, String> users, @Nullable String authorization) {
    if (authorization == null
        || authorization.length() < PREFIX.length()
        || !startsWithAsciiFold(authorization, PREFIX)) {
      return null;
    }
    String encoded = authorization.substring(PREFIX.length());
    byte[] decoded;
    try {
      // Go's StdEncoding insists on padding; Java's decoder would accept a missing one.
      if (encoded.length() % 4 != 0) {
        return null;
      }
      decoded = Base64.getDecoder().decode(encoded);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = indexOf(decoded, (byte) ':');
    if (colon < 0) {
      return null;
    }
    byte[] userBytes = Arrays.copyOf(decoded, colon);
    byte[] password = Arrays.copyOfRange(decoded, colon + 1, decoded.length);
    String user = utf8(userBytes);
    String hash = user == null ? null : users.get(user);
    boolean known = hash != null;
    String checked = hash != null ? hash : DUMMY_HASH;
    String key = cacheKey(userBytes, checked, password);
    Boolean ok;
    synchronized (cache) {
      ok = cache.get(key);
    }
    if (ok == null) {
      ok = known && verify(checked, password);
      synchronized (cache) {
        cache.put(key, ok);
      }
    }
    return ok && known ? user : null;
  }

  /** One bcrypt check at a time: it is expensive on purpose. A bad hash matches nothing. */
  private boolean verify(String hash, byte[] password) {
    bcrypt.lock();
    try {
      return BcryptHash.parse(hash).matches(password);
    } catch (IllegalArgumentException e) {
      return false;
    } finally {
      bcrypt.unlock();
    }
  }

  private static String cacheKey(byte[] user, String hash, byte[] password) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (byte[] part : new byte[][] {user, hash.getBytes(UTF_8), password}) {
        sha.update(ByteBuffer.allocate(4).putInt(part.length).array());
        sha.update(part);
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** Go's {@code ascii.EqualFold} on the prefix: ASCII letters only, no Unicode folding. */
  private static boolean startsWithAsciiFold(String s, String lowerPrefix) {
    for (int i = 0; i < lowerPrefix.length(); i++) {
      char c = s.charAt(i);
      char lower = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
      if (lower != lowerPrefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(byte[] b, byte value) {
    for (int i = 0; i < b.length; i++) {
      if (b[i] == value) {
        return i;
      }
    }
    return -1;
  }

  /** The bytes as UTF-8 text, or null if they are not valid UTF-8 (no such user then). */
  private static @Nullable String utf8(byte[] bytes) {
    try {
      return UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
