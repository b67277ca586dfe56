package io.pushgateway.http;

import io.airlift.compress.snappy.SnappyFramedInputStream;
import io.pushgateway.gocompat.ByteStrings;
import io.pushgateway.model.GroupingKey;
import io.pushgateway.model.Labels;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.GZIPInputStream;

/**
 * Fuzz targets for the URL and body decoding of a push, shared by the property tests and the
 * coverage-guided fuzzers ({@code bench/fuzz-long}). Each takes arbitrary bytes and throws {@link
 * AssertionError} when an invariant breaks; any other exception escaping is a finding too.
 *
 * <p>Invariants: a result or {@link BadRequestException}/{@link BodyTooLargeException} with a
 * message; decompressed output never larger than the limit; what is accepted agrees with an
 * independent decoder (the JDK's gzip, aircompressor's snappy) and a grouping key survives being
 * written back into a URL.
 */
public final class HttpFuzzTargets {
  /** The decompression limit of the body targets: small, so that bombs hit it quickly. */
  static final long LIMIT = 1 << 20;

  private HttpFuzzTargets() {}

  /**
   * The grouping-key parser. Input: a flag byte (bit 0: {@code job@base64} route), then the job
   * segment up to the first {@code /}, then the label path from that {@code /} on (absent if there
   * is none); all as the raw bytes Go sees after percent-decoding.
   */
  public static void groupingKey(byte[] input) {
    if (input.length == 0) {
      return;
    }
    boolean jobBase64 = (input[0] & 1) != 0;
    byte[] rest = Arrays.copyOfRange(input, 1, input.length);
    int slash = indexOf(rest, (byte) '/');
    String job = ByteStrings.of(slash < 0 ? rest : Arrays.copyOf(rest, slash));
    String labels = slash < 0 ? null : ByteStrings.of(Arrays.copyOfRange(rest, slash, rest.length));
    GroupingKey key;
    try {
      key = GroupingKeyPath.parse(job, jobBase64, labels);
    } catch (BadRequestException e) {
      checkMessage(e);
      return;
    }
    check(!key.job().isEmpty(), "accepted an empty job");
    String[] path = urlFor(key);
    GroupingKey again = GroupingKeyPath.parse(path[0], true, path[1]);
    check(again.equals(key), "grouping key changed when written into a URL: " + key + " " + again);
  }

  /** Base64 decoding of URL segments and Go's path cleaning. */
  public static void pathHelpers(byte[] input) {
    Base64Url.Result result = Base64Url.decode(input);
    check(result.errorOffset() < input.length, "base64 error offset past the input");
    check(result.decoded().length <= input.length, "base64 decoded more than it read");
    String path = ByteStrings.of(input);
    String clean = PathCleaner.clean(path);
    check(PathCleaner.clean(clean).equals(clean), "path.Clean is not idempotent: " + path);
    String canonical = PathCleaner.canonical(path);
    check(canonical.startsWith("/"), "canonical path not rooted: " + path);
    check(PathCleaner.canonical(canonical).equals(canonical), "cleanPath not idempotent: " + path);
    PathCleaner.routerCanonical(path);
  }

  /** The gzip decoder against the JDK's: whatever we accept, the JDK decodes to the same bytes. */
  public static void gzip(byte[] body) {
    byte[] ours;
    try {
      ours = GzipDecoder.decompress(body, LIMIT, bytes -> {});
    } catch (BadRequestException | BodyTooLargeException e) {
      checkMessage(e);
      return;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    check(ours.length <= LIMIT, "gzip output over the limit");
    byte[] jdk;
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      jdk = in.readAllBytes();
    } catch (IOException e) {
      throw new AssertionError("we accepted a gzip body the JDK refuses: " + e, e);
    }
    check(Arrays.equals(ours, jdk), "gzip output differs from the JDK's");
  }

  /**
   * The snappy framed decoder against aircompressor's: whatever we accept, aircompressor decodes to
   * the same bytes.
   */
  public static void snappy(byte[] body) {
    byte[] ours;
    try {
      ours = SnappyFramedDecoder.decompress(body, LIMIT, bytes -> {});
    } catch (BadRequestException | BodyTooLargeException e) {
      checkMessage(e);
      return;
    }
    check(ours.length <= LIMIT, "snappy output over the limit");
    byte[] other;
    try (InputStream in = new SnappyFramedInputStream(new ByteArrayInputStream(body), true)) {
      other = in.readAllBytes();
    } catch (IOException | RuntimeException e) {
      if (body.length == 0) {
        return; // Go (and we) read an empty body as an empty stream; aircompressor wants a header
      }
      throw new AssertionError("we accepted a snappy body aircompressor refuses: " + e, e);
    }
    check(Arrays.equals(ours, other), "snappy output differs from aircompressor's");
  }

  /**
   * Body decoding as a push handler does it. Input: a selector byte (gzip, snappy, identity), then
   * the body; the gzip header check runs first, as before routing.
   */
  public static void bodyDecoding(byte[] input) {
    if (input.length == 0) {
      return;
    }
    String encoding =
        switch (input[0] & 3) {
          case 0 -> "gzip";
          case 1 -> " Snappy\t";
          case 2 -> "identity";
          default -> null;
        };
    byte[] body = Arrays.copyOfRange(input, 1, input.length);
    try {
      java.io.BufferedInputStream in =
          new java.io.BufferedInputStream(new ByteArrayInputStream(body));
      BodyDecoding.checkGzipHeader(encoding, in);
      byte[] decoded = BodyDecoding.readBody(in, encoding, LIMIT);
      check(decoded.length <= LIMIT, "decoded body over the limit");
    } catch (BadRequestException | BodyTooLargeException e) {
      checkMessage(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The job segment and label path of a URL for {@code key}, every value base64-encoded. */
  private static String[] urlFor(GroupingKey key) {
    StringBuilder labels = new StringBuilder();
    Labels l = key.labels();
    for (int i = 0; i < l.size(); i++) {
      if (!l.name(i).equals(GroupingKey.JOB)) {
        labels.append('/').append(l.name(i)).append("@base64/").append(base64(l.value(i)));
      }
    }
    return new String[] {base64(key.job()), labels.isEmpty() ? null : labels.toString()};
  }

  private static String base64(String text) {
    String encoded =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(text.getBytes(StandardCharsets.UTF_8));
    return encoded.isEmpty() ? "=" : encoded;
  }

  private static int indexOf(byte[] bytes, byte b) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }

  static void checkMessage(RuntimeException e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      throw new AssertionError("error without a message", e);
    }
  }

  static void check(boolean condition, String what) {
    if (!condition) {
      throw new AssertionError(what);
    }
  }
}
