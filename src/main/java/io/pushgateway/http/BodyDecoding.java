package io.pushgateway.http;

import java.io.IOException;
import java.io.InputStream;
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
    byte[] body = readLimited(raw, maxBytes);
    return switch (Coding.of(contentEncoding)) {
      case GZIP -> GzipDecoder.decompress(body, maxBytes);
      case SNAPPY -> SnappyFramedDecoder.decompress(body, maxBytes);
      case IDENTITY -> body;
    };
  }

  private static byte[] readLimited(InputStream raw, long maxBytes) throws IOException {
    int cap = (int) Math.min(maxBytes, MAX_ARRAY);
    byte[] body = raw.readNBytes(cap);
    if (body.length == cap && raw.read() >= 0) {
      throw tooLarge(maxBytes, false);
    }
    return body;
  }

  static BodyTooLargeException tooLarge(long maxBytes, boolean decompressed) {
    String what = decompressed ? "decompressed request body" : "request body";
    return new BodyTooLargeException(
        what + " is larger than the limit of " + maxBytes + " bytes", maxBytes);
  }
}
