package io.pushgateway.http;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/** A rendered scrape: its families in order, written plain or as one gzip stream. */
final class ScrapeBody {
  private static final int BUFFER = 64 * 1024;

  private final List<RenderedFamily> families;

  ScrapeBody(List<RenderedFamily> families) {
    this.families = families;
  }

  List<RenderedFamily> families() {
    return families;
  }

  /** The uncompressed body. */
  ByteSource plain() {
    return new ByteSource() {
      @Override
      public long size() {
        long size = 0;
        for (RenderedFamily f : families) {
          size += f.size();
        }
        return size;
      }

      @Override
      public void writeTo(OutputStream out) throws IOException {
        // Text families are many small arrays (one per series): gather them into large writes.
        BufferedOutputStream buffered = new BufferedOutputStream(out, BUFFER);
        for (RenderedFamily f : families) {
          for (byte[] part : f.parts()) {
            buffered.write(part);
          }
        }
        buffered.flush();
      }
    };
  }

  /** The body as one gzip stream, assembled from each family's (cached) compressed form. */
  ByteSource gzip() {
    List<GzipPieces.Piece> pieces = new ArrayList<>(families.size());
    for (RenderedFamily f : families) {
      pieces.add(f.gzip());
    }
    return new ByteSource() {
      @Override
      public long size() {
        return GzipPieces.size(pieces);
      }

      @Override
      public void writeTo(OutputStream out) throws IOException {
        BufferedOutputStream buffered = new BufferedOutputStream(out, BUFFER);
        GzipPieces.write(buffered, pieces);
        buffered.flush();
      }
    };
  }
}
