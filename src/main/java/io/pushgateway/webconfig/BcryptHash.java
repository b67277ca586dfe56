package io.pushgateway.webconfig;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.util.Arrays;
import org.bouncycastle.crypto.generators.BCrypt;

/**
 * A bcrypt hash as Go's {@code golang.org/x/crypto/bcrypt} reads and checks it: {@code $2a$}/{@code
 * $2b$}/{@code $2y$} (any minor version, and none, is accepted, as in Go), a two-digit cost from 4
 * to 31, 22 characters of salt and the hash. Parse errors carry Go's texts. The password's bytes
 * are used as sent; beyond 72 bytes they are ignored, as bcrypt does.
 */
public final class BcryptHash {
  private static final int MIN_HASH_SIZE = 59;
  private static final int ENCODED_SALT_SIZE = 22;
  private static final int ENCODED_HASH_SIZE = 31;
  private static final int RAW_HASH_SIZE = 23;
  private static final int MAX_KEY_BYTES = 72;
  private static final String ALPHABET =
      "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  private final int cost;
  private final String encodedSalt;
  private final byte[] encodedHash;

  private BcryptHash(int cost, String encodedSalt, byte[] encodedHash) {
    this.cost = cost;
    this.encodedSalt = encodedSalt;
    this.encodedHash = encodedHash;
  }

  /**
   * Reads a hash as Go's {@code bcrypt.Cost} does.
   *
   * @throws IllegalArgumentException with Go's message, e.g. {@code crypto/bcrypt: hashedSecret too
   *     short to be a bcrypted password}
   */
  public static BcryptHash parse(String hash) {
    byte[] b = hash.getBytes(UTF_8);
    if (b.length < MIN_HASH_SIZE) {
      throw new IllegalArgumentException(
          "crypto/bcrypt: hashedSecret too short to be a bcrypted password");
    }
    if (b[0] != '$') {
      throw new IllegalArgumentException(
          "crypto/bcrypt: bcrypt hashes must start with '$', but hashedSecret started with '"
              + (char) (b[0] & 0xFF)
              + "'");
    }
    if ((b[1] & 0xFF) > '2') {
      throw new IllegalArgumentException(
          "crypto/bcrypt: bcrypt algorithm version '"
              + (char) (b[1] & 0xFF)
              + "' requested is newer than current version '2'");
    }
    int n = b[2] == '$' ? 3 : 4;
    int cost = parseCost(new String(b, n, 2, UTF_8));
    if (cost < 4 || cost > 31) {
      throw new IllegalArgumentException(
          "crypto/bcrypt: cost " + cost + " is outside allowed range (4,31)");
    }
    n += 3;
    String salt = new String(b, n, ENCODED_SALT_SIZE, UTF_8);
    byte[] rest = Arrays.copyOfRange(b, n + ENCODED_SALT_SIZE, b.length);
    return new BcryptHash(cost, salt, rest);
  }

  /** The cost (log2 of the rounds), e.g. 10. */
  public int cost() {
    return cost;
  }

  /**
   * Whether the password matches, as Go's {@code CompareHashAndPassword}: the hash is computed with
   * the stored cost and salt and compared in constant time. A salt that is not bcrypt's base64
   * never matches.
   */
  public boolean matches(byte[] password) {
    byte[] salt = decodeSalt(encodedSalt);
    if (salt == null) {
      return false;
    }
    // The key is the password with a terminating zero byte, cut at 72 bytes (Go, OpenBSD).
    byte[] key = Arrays.copyOf(password, Math.min(password.length, MAX_KEY_BYTES));
    byte[] raw = BCrypt.generate(key, salt, cost, true);
    byte[] computed = encode(raw, RAW_HASH_SIZE).getBytes(UTF_8);
    return computed.length == ENCODED_HASH_SIZE && MessageDigest.isEqual(computed, encodedHash);
  }

  /** Go's {@code strconv.Atoi} of the two cost characters. */
  private static int parseCost(String text) {
    String digits = text.startsWith("+") || text.startsWith("-") ? text.substring(1) : text;
    if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException(
          "strconv.Atoi: parsing "
              + io.pushgateway.gocompat.GoQuote.quote(text)
              + ": invalid syntax");
    }
    int value = Integer.parseInt(digits);
    return text.startsWith("-") ? -value : value;
  }

  /** 22 characters of bcrypt's base64 to 16 bytes (the last character's low bits dropped). */
  private static byte @org.jspecify.annotations.Nullable [] decodeSalt(String text) {
    byte[] out = new byte[16];
    int acc = 0;
    int bits = 0;
    int o = 0;
    for (int i = 0; i < text.length(); i++) {
      int v = ALPHABET.indexOf(text.charAt(i));
      if (v < 0) {
        return null;
      }
      acc = (acc << 6) | v;
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        if (o < out.length) {
          out[o++] = (byte) (acc >> bits);
        }
      }
    }
    return out;
  }

  /** The first {@code length} bytes in bcrypt's base64, without padding. */
  private static String encode(byte[] raw, int length) {
    StringBuilder sb = new StringBuilder();
    int acc = 0;
    int bits = 0;
    for (int i = 0; i < length; i++) {
      acc = (acc << 8) | (raw[i] & 0xFF);
      bits += 8;
      while (bits >= 6) {
        bits -= 6;
        sb.append(ALPHABET.charAt((acc >> bits) & 63));
      }
    }
    if (bits > 0) {
      sb.append(ALPHABET.charAt((acc << (6 - bits)) & 63));
    }
    return sb.toString();
  }
}
