package io.pushgateway.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Request body decoding by {@code Content-Encoding}, as the Go Pushgateway (HEAD) wraps every
 * non-API request: the whole header value, compared case-insensitively, {@code gzip} means gzip
 * (concatenated members allowed), {@code snappy} the snappy framing format, anything else the body
 * as sent. Errors carry Go's texts. Unlike Go, bodies are limited in size (raw and decompressed).
 *
 * <p>Use: before routing, call {@link #checkGzipHeader} on a mark-supporting stream (Go answers a
 * bad gzip header with 400 for any route, even {@code GET /-/healthy}); a push handler then calls
 * {@link #readBody} on the same stream. Other handlers never read the body, as in Go.
 */
public final class BodyDecoding {
  private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;
  private static final int FIRST_BUFFER = 8192;

  private BodyDecoding() {}

  private enum Coding {
    GZIP,
    SNAPPY,
    IDENTITY;

    static Coding of(@Nullable String contentEncoding) {
      if (contentEncoding == null) {
        return IDENTITY;
      }
      // Go's header reader has already trimmed spaces and tabs around the value.
      String value = contentEncoding.replaceAll("^[ \t]+|[ \t]+$", "");
      return switch (MediaType.GoText.toLower(value)) {
        case "gzip" -> GZIP;
        case "snappy" -> SNAPPY;
        default -> IDENTITY;
      };
    }
  }

  /**
   * Go's gzip header check that runs before routing. Does nothing unless the encoding is gzip; then
   * reads the gzip header (at most 66,573 bytes) and rewinds the stream, so the body can still be
   * read in full afterwards.
   *
   * @param contentEncoding the first {@code Content-Encoding} header value, or null
   * @param body the raw request body; must support {@link InputStream#mark} (wrap it in a {@code
   *     BufferedInputStream})
   * @throws BadRequestException with Go's text: {@code EOF} (empty body), {@code unexpected EOF}
   *     (shorter than a header) or {@code gzip: invalid header}
   */
  public static void checkGzipHeader(@Nullable String contentEncoding, InputStream body)
      throws IOException {
    if (Coding.of(contentEncoding) != Coding.GZIP) {
      return;
    }
    if (!body.markSupported()) {
      throw new IllegalArgumentException("body stream must support mark/reset");
    }
    body.mark(GzipDecoder.MAX_HEADER_LENGTH);
    try {
      GzipDecoder.readHeader(body, true);
    } finally {
      body.reset();
    }
  }

  /**
   * Reads and decodes a whole request body.
   *
   * @param raw the request body as sent
   * @param contentEncoding the first {@code Content-Encoding} header value, or null
   * @param maxBytes the largest body accepted, both as sent and after decompression
   * @return the decoded body
   * @throws BadRequestException for a corrupt compressed body, with Go's error text ({@code
   *     unexpected EOF}, {@code gzip: invalid checksum}, {@code snappy: corrupt input}, ...)
   * @throws BodyTooLargeException if the body is larger than {@code maxBytes}
   */
  public static byte[] readBody(InputStream raw, @Nullable String contentEncoding, long maxBytes)
      throws IOException {
    return readBody(raw, contentEncoding, maxBytes, bytes -> {});
  }

  /**
   * Like {@link #readBody(InputStream, String, long)}, telling {@code memory} how many bytes it is
   * about to allocate before each allocation (as sent and decompressed), so that a caller can
   * refuse by throwing. Memory grows with the bytes actually received, not with a declared length,
   * and a compressed body is inflated only up to {@code maxBytes}.
   */
  public static byte[] readBody(
      InputStream raw, @Nullable String contentEncoding, long maxBytes, LongConsumer memory)
      throws IOException {
    return readBody(raw, contentEncoding, maxBytes, -1, memory);
  }

  /** A request body: the first {@code length} bytes of {@code bytes}. */
  record Body(byte[] bytes, int length) {}

  /**
   * Like {@link #readBody(InputStream, String, long, long, LongConsumer)}, reading a large body as
   * sent into a buffer from {@code buffers} when one fits (it may be longer than the body). Give
   * {@link Body#bytes()} back to {@code buffers} when done with it.
   */
  static Body readBody(
      InputStream raw,
      @Nullable String contentEncoding,
      long maxBytes,
      long declaredLength,
      LongConsumer memory,
      BodyBuffers buffers)
      throws IOException {
    Coding coding = Coding.of(contentEncoding);
    if (coding != Coding.IDENTITY || declaredLength < BodyBuffers.MIN_KEPT) {
      byte[] body = readBody(raw, contentEncoding, maxBytes, declaredLength, memory);
      return new Body(body, body.length);
    }
    return readInto(raw, buffers.take(declaredLength), maxBytes, declaredLength, memory);
  }

  /**
   * Like {@link #readBody(InputStream, String, long, LongConsumer)}, with the length the client
   * declared ({@code Content-Length}, or -1): the buffer still grows with the bytes received, but
   * its last step is the declared length, so that a body of the declared length is neither copied
   * into a larger buffer nor trimmed (a 6 MB push allocated 22 MB, now 14 MB).
   */
  public static byte[] readBody(
      InputStream raw,
      @Nullable String contentEncoding,
      long maxBytes,
      long declaredLength,
      LongConsumer memory)
      throws IOException {
    byte[] body = readLimited(raw, maxBytes, declaredLength, memory);
    return switch (Coding.of(contentEncoding)) {
      case GZIP -> GzipDecoder.decompress(body, maxBytes, memory);
      case SNAPPY -> SnappyFramedDecoder.decompress(body, maxBytes, memory);
      case IDENTITY -> body;
    };
  }

  private static byte[] readLimited(
      InputStream raw, long maxBytes, long declaredLength, LongConsumer memory) throws IOException {
    Body body = readInto(raw, null, maxBytes, declaredLength, memory);
    if (body.length() == body.bytes().length) {
      return body.bytes();
    }
    memory.accept(body.length());
    return Arrays.copyOf(body.bytes(), body.length());
  }

  /**
   * Reads the whole body into {@code initial} (if given; at most {@code maxBytes} long, as the
   * buffers kept for reuse are) or a buffer that grows with the bytes received, up to {@code
   * maxBytes}.
   */
  private static Body readInto(
      InputStream raw,
      byte @Nullable [] initial,
      long maxBytes,
      long declaredLength,
      LongConsumer memory)
      throws IOException {
    int cap = (int) Math.min(maxBytes, MAX_ARRAY);
    byte[] buf;
    if (initial != null) {
      if (initial.length > cap) {
        throw new IllegalArgumentException("buffer longer than the body limit");
      }
      buf = initial;
    } else {
      buf =
          new byte
              [declaredLength > 0 && declaredLength < FIRST_BUFFER
                  ? (int) declaredLength
                  : Math.min(cap, FIRST_BUFFER)];
    }
    memory.accept(buf.length);
    int length = 0;
    while (true) {
      if (length == buf.length) {
        // Full: look for one more byte before growing, so that a body that fills its buffer
        // exactly (the declared length) is returned as it is.
        int next = raw.read();
        if (next < 0) {
          break;
        }
        if (length >= cap) {
          throw tooLarge(maxBytes, false);
        }
        int grown = (int) Math.min(cap, 2L * buf.length);
        if (declaredLength > length && declaredLength < grown) {
          grown = (int) declaredLength;
        }
        memory.accept(grown - buf.length);
        buf = Arrays.copyOf(buf, grown);
        buf[length++] = (byte) next;
      }
      int n = raw.read(buf, length, buf.length - length);
      if (n < 0) {
        break;
      }
      length += n;
    }
    return new Body(buf, length);
  }

  static BodyTooLargeException tooLarge(long maxBytes, boolean decompressed) {
    String what = decompressed ? "decompressed request body" : "request body";
    return new BodyTooLargeException(
        "push refused: "
            + what
            + " larger than "
            + maxBytes
            + " bytes, limit --"
            + PushLimits.BODY_BYTES
            + "="
            + maxBytes,
        maxBytes);
  }
}
