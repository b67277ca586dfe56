package io.pushgateway.http;

import io.pushgateway.storage.MergedFamily;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One family of a scrape body as byte arrays in order (never modified once built), and its
 * gzip-compressed form, computed once when a gzip scrape first needs it.
 */
final class RenderedFamily {
  private final @Nullable MergedFamily source;
  private final List<byte[]> parts;
  private final long size;
  private volatile GzipPieces.@Nullable Piece gzip;

  RenderedFamily(@Nullable MergedFamily source, List<byte[]> parts) {
    this.source = source;
    this.parts = parts;
    long n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    this.size = n;
  }

  /** The merged family this rendering was made from (null for an own family). */
  @Nullable MergedFamily source() {
    return source;
  }

  List<byte[]> parts() {
    return parts;
  }

  long size() {
    return size;
  }

  /** The compressed form; concurrent first calls may both compress, with equal results. */
  GzipPieces.Piece gzip() {
    GzipPieces.Piece p = gzip;
    if (p == null) {
      p = GzipPieces.deflate(parts);
      gzip = p;
    }
    return p;
  }
}
