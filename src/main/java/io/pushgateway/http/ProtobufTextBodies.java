package io.pushgateway.http;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.TextFormat;
import io.pushgateway.exposition.proto.Metrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The two debugging scrape formats Go negotiates ({@code encoding=text} and {@code
 * encoding=compact-text}): each delimited protobuf family re-printed in protobuf text format. The
 * spacing is protobuf-java's, not Go's (Go's own is deliberately unstable).
 */
final class ProtobufTextBodies {
  private ProtobufTextBodies() {}

  /** The body unchanged for the binary formats, else each delimited family re-printed as text. */
  static ScrapeBody convert(ScrapeBody body, ScrapeFormat format) {
    if (format != ScrapeFormat.PROTOBUF_TEXT && format != ScrapeFormat.PROTOBUF_COMPACT_TEXT) {
      return body;
    }
    boolean compact = format == ScrapeFormat.PROTOBUF_COMPACT_TEXT;
    List<RenderedFamily> out = new ArrayList<>(body.families().size());
    for (RenderedFamily family : body.families()) {
      List<byte[]> parts = new ArrayList<>(family.parts().size());
      for (byte[] delimited : family.parts()) {
        parts.add(toText(delimited, compact).getBytes(UTF_8));
      }
      out.add(new RenderedFamily(null, parts));
    }
    return new ScrapeBody(out);
  }

  private static String toText(byte[] delimited, boolean compact) {
    try {
      CodedInputStream in = CodedInputStream.newInstance(delimited);
      int length = in.readRawVarint32();
      Metrics.MetricFamily family = Metrics.MetricFamily.parseFrom(in.readRawBytes(length));
      return compact
          ? TextFormat.printer().emittingSingleLine(true).printToString(family) + "\n"
          : TextFormat.printer().printToString(family);
    } catch (IOException e) {
      throw new UncheckedIOException("re-reading our own protobuf rendering", e);
    }
  }
}
