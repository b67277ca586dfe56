package io.pushgateway.exposition;

import static io.pushgateway.exposition.ProtobufTestSupport.canonical;
import static io.pushgateway.exposition.ProtobufTestSupport.delimited;
import static io.pushgateway.exposition.ProtobufTestSupport.dump;
import static io.pushgateway.exposition.ProtobufTestSupport.label;
import static io.pushgateway.exposition.ProtobufTestSupport.ts;
import static io.pushgateway.exposition.ProtobufTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.pushgateway.exposition.proto.Metrics;
import io.pushgateway.model.MetricFamily;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** parse → write gives what the generated classes (and Go) re-serialise; parse(write(m)) == m. */
class ProtobufRoundTripTest {

  private static void assertRoundTrip(byte[] body) {
    List<MetricFamily> model = ProtobufParser.parse(body);
    byte[] written = write(model);
    assertThat(written).isEqualTo(canonical(body));
    assertThat(dump(ProtobufParser.parse(written))).isEqualTo(dump(model));
  }

  @Test
  void roundTrip_conformanceBodies() {
    assertRoundTrip(delimited(ProtobufScenarios.allTypes()));
    assertRoundTrip(delimited(ProtobufScenarios.nativeOnly()));
    assertRoundTrip(delimited(ProtobufScenarios.floatHistogram()));
  }

  @Test
  void roundTrip_emptyFamiliesAndMissingOptionalFields() {
    Metrics.MetricFamily onlyName = Metrics.MetricFamily.newBuilder().setName("n").build();
    Metrics.MetricFamily emptyStrings =
        Metrics.MetricFamily.newBuilder().setName("e").setHelp("").setUnit("").build();
    Metrics.Metric bare =
        Metrics.Metric.newBuilder()
            .setGauge(Metrics.Gauge.getDefaultInstance())
            .setCounter(Metrics.Counter.getDefaultInstance())
            .setSummary(Metrics.Summary.newBuilder().addQuantile(Metrics.Quantile.newBuilder()))
            .setUntyped(Metrics.Untyped.getDefaultInstance())
            .setHistogram(
                Metrics.Histogram.newBuilder()
                    .addBucket(Metrics.Bucket.newBuilder())
                    .addNegativeSpan(Metrics.BucketSpan.newBuilder())
                    .addExemplars(Metrics.Exemplar.newBuilder())
                    .setCreatedTimestamp(com.google.protobuf.Timestamp.getDefaultInstance()))
            .build();
    Metrics.MetricFamily bareMetric =
        Metrics.MetricFamily.newBuilder()
            .setName("b")
            .addMetric(bare)
            .addMetric(Metrics.Metric.getDefaultInstance())
            .build();
    assertRoundTrip(delimited(onlyName, emptyStrings, bareMetric));
  }

  @Test
  void roundTrip_exemplarsCreatedTimestampsAndTimestamps() {
    Metrics.Exemplar ex =
        Metrics.Exemplar.newBuilder()
            .addLabel(label("z", "1"))
            .addLabel(label("a", "2"))
            .setValue(Double.NaN)
            .setTimestamp(ts(-62135596800L, 999_999_999))
            .build();
    Metrics.Metric m =
        Metrics.Metric.newBuilder()
            .addLabel(label("b", "ü"))
            .addLabel(label("a", "😀"))
            .setCounter(
                Metrics.Counter.newBuilder()
                    .setValue(-0.0)
                    .setExemplar(ex)
                    .setCreatedTimestamp(ts(1, 0)))
            .setSummary(
                Metrics.Summary.newBuilder().setSampleCount(-1L).setCreatedTimestamp(ts(0, 7)))
            .setTimestampMs(0)
            .setHistogram(
                Metrics.Histogram.newBuilder()
                    .addBucket(Metrics.Bucket.newBuilder().setUpperBound(1).setExemplar(ex))
                    .addExemplars(ex)
                    .addExemplars(ex))
            .build();
    assertRoundTrip(delimited(Metrics.MetricFamily.newBuilder().setName("x").addMetric(m).build()));
  }

  @Test
  void roundTrip_duplicateFamilies_keepTheLast() {
    byte[] body =
        delimited(
            Metrics.MetricFamily.newBuilder().setName("d").setHelp("first").build(),
            Metrics.MetricFamily.newBuilder().setName("o").build(),
            Metrics.MetricFamily.newBuilder().setName("d").setHelp("second").build());
    assertRoundTrip(body);
  }

  @Test
  void roundTrip_randomMessages() {
    ProtobufRandomMessages random = new ProtobufRandomMessages(42);
    for (int body = 0; body < 300; body++) {
      List<Metrics.MetricFamily> families = new ArrayList<>();
      for (int i = 0; i < 1 + body % 4; i++) {
        families.add(random.family("f" + i));
      }
      assertRoundTrip(delimited(families));
    }
  }

  /**
   * Corrupted bodies never escape as anything but ParseException, and whatever the parser accepts
   * it writes back as the generated classes read it.
   */
  @Test
  void parse_corruptedBodies_failCleanlyOrRoundTrip() {
    ProtobufRandomMessages messages = new ProtobufRandomMessages(7);
    Random random = new Random(7);
    int accepted = 0;
    for (int round = 0; round < 3000; round++) {
      byte[] body = delimited(messages.family("a"), messages.family("b"));
      byte[] corrupted = corrupt(body, random);
      List<MetricFamily> model;
      try {
        model = ProtobufParser.parse(corrupted);
      } catch (ParseException e) {
        assertThat(e.getMessage()).isNotBlank();
        continue;
      }
      accepted++;
      byte[] expected;
      try {
        expected = canonical(corrupted);
      } catch (UncheckedIOException e) {
        // Inside a skipped group Go (and this parser) only look for the end-group tag;
        // protobuf-java
        // also rejects a zero tag or a mismatched end-group tag there.
        assertThat(e.getMessage()).containsAnyOf("invalid tag (zero)", "end-group tag");
        continue;
      }
      assertThat(write(model)).as("round %d", round).isEqualTo(expected);
    }
    assertThat(accepted).isGreaterThan(100);
  }

  private static byte[] corrupt(byte[] body, Random random) {
    byte[] b = body.clone();
    switch (random.nextInt(3)) {
      case 0 -> b[random.nextInt(b.length)] = (byte) random.nextInt(256);
      case 1 -> b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
      default -> {
        return Arrays.copyOf(b, random.nextInt(b.length));
      }
    }
    return b;
  }
}
