package io.pushgateway.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.pushgateway.exposition.ByteSink;
import io.pushgateway.exposition.ParseLimits;
import io.pushgateway.exposition.ProtobufParser;
import io.pushgateway.exposition.ProtobufWriter;
import io.pushgateway.exposition.TextParser;
import io.pushgateway.exposition.TextWriter;
import io.pushgateway.model.GroupingKey;
import io.pushgateway.model.Labels;
import io.pushgateway.model.Metric;
import io.pushgateway.model.MetricFamily;
import io.pushgateway.model.MetricType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A push handler lets the parser set the group's labels as it reads ({@link
 * PushRules#seriesLabelsOf}) and then skips that step ({@link PushRules#prepareLabelled}): the
 * stored series must be exactly those of parsing as read and sanitising afterwards.
 */
class LabelledParseTest {
  private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

  /** Every type, labels out of order, labels that the grouping key overrides. */
  private static final String TEXT =
      """
      # TYPE c counter
      c{zone="eu",code="200"} 3
      c{job="pushed",instance="i1"} 4
      # TYPE g gauge
      g 1.5
      g{instance=""} 2
      # TYPE s summary
      s{quantile="0.5",path="/x"} 0.1
      s_sum{path="/x"} 9
      s_count{path="/x"} 3
      s_sum{job="other"} 1
      s_count{job="other"} 1
      # TYPE h histogram
      h_bucket{le="1",path="/y"} 1
      h_bucket{le="+Inf",path="/y"} 2
      h_sum{path="/y"} 3
      h_count{path="/y"} 2
      u{z="1",a="2"} 7 1700000000000
      """;

  @Test
  void textParsedWithTheGroupsLabels_storesWhatSanitisingAfterParsingStores() {
    byte[] body = TEXT.getBytes(StandardCharsets.UTF_8);
    for (GroupingKey key : keys()) {
      List<MetricFamily> asRead = TextParser.parse(body);
      List<MetricFamily> labelled =
          TextParser.parse(
              body, 0, body.length, false, ParseLimits.NONE, PushRules.seriesLabelsOf(key));
      assertSameStored(key, asRead, labelled);
    }
  }

  @Test
  void protobufParsedWithTheGroupsLabels_storesWhatSanitisingAfterParsingStores() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (MetricFamily f : TextParser.parse(TEXT.getBytes(StandardCharsets.UTF_8))) {
      ProtobufWriter.writeDelimited(f, out);
    }
    // A repeated label name, which only protobuf can carry.
    ProtobufWriter.writeDelimited(
        MetricFamily.of(
            "d",
            null,
            MetricType.GAUGE,
            List.of(Metric.gauge(Labels.of("b", "1", "a", "2", "b", "3"), 5))),
        out);
    byte[] body = out.toByteArray();
    for (GroupingKey key : keys()) {
      List<MetricFamily> asRead = ProtobufParser.parse(body, 0, body.length);
      List<MetricFamily> labelled =
          ProtobufParser.parse(
              body, 0, body.length, ParseLimits.NONE, PushRules.seriesLabelsOf(key));
      assertSameStored(key, asRead, labelled);
    }
  }

  private static List<GroupingKey> keys() {
    return List.of(
        GroupingKey.of("job", "j"),
        GroupingKey.of("job", "j", "instance", "i"),
        GroupingKey.of("job", "j", "path", "/z", "a", "x"));
  }

  private static void assertSameStored(
      GroupingKey key, List<MetricFamily> asRead, List<MetricFamily> labelled) {
    WriteRequest.Push expected = PushRules.prepare(key, asRead, true, NOW);
    WriteRequest.Push actual = PushRules.prepareLabelled(key, labelled, true, NOW);
    assertThat(actual.hasTimestamps()).isEqualTo(expected.hasTimestamps());
    assertThat(render(actual)).as("key %s", key).isEqualTo(render(expected));
  }

  /** The stored families in the text format, every series with all its labels. */
  private static String render(WriteRequest.Push push) {
    ByteSink sink = new ByteSink();
    for (StoredFamily stored : push.families()) {
      MetricFamily f = stored.family();
      TextWriter.writeFamily(sink, f.name(), f.help(), f.effectiveType(), f.metrics());
    }
    return new String(sink.toByteArray(), StandardCharsets.UTF_8);
  }
}
