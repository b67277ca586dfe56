package io.pushgateway.exposition;

import static io.pushgateway.exposition.ProtobufTestSupport.bytes;
import static io.pushgateway.exposition.ProtobufTestSupport.concat;
import static io.pushgateway.exposition.ProtobufTestSupport.delimited;
import static io.pushgateway.exposition.ProtobufTestSupport.frame;
import static io.pushgateway.exposition.ProtobufTestSupport.label;
import static io.pushgateway.exposition.ProtobufTestSupport.ts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pushgateway.exposition.proto.Metrics;
import io.pushgateway.model.Bucket;
import io.pushgateway.model.BucketSpan;
import io.pushgateway.model.Counter;
import io.pushgateway.model.Exemplar;
import io.pushgateway.model.Histogram;
import io.pushgateway.model.Histogram.Field;
import io.pushgateway.model.Labels;
import io.pushgateway.model.Metric;
import io.pushgateway.model.MetricFamily;
import io.pushgateway.model.MetricType;
import io.pushgateway.model.Quantile;
import io.pushgateway.model.SimpleValue;
import io.pushgateway.model.Summary;
import io.pushgateway.model.Timestamp;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProtobufParserTest {

  private static Metrics.MetricFamily gaugeFamily(String name, String labelValue, double value) {
    return Metrics.MetricFamily.newBuilder()
        .setName(name)
        .setType(Metrics.MetricType.GAUGE)
        .addMetric(
            Metrics.Metric.newBuilder()
                .addLabel(label("x", labelValue))
                .setGauge(Metrics.Gauge.newBuilder().setValue(value)))
        .build();
  }

  private static Metric only(List<MetricFamily> families) {
    assertThat(families).hasSize(1);
    assertThat(families.get(0).metrics()).hasSize(1);
    return families.get(0).metrics().get(0);
  }

  private static void assertRejected(byte[] body, String message) {
    assertThatThrownBy(() -> ProtobufParser.parse(body))
        .isInstanceOf(ParseException.class)
        .hasMessage(message);
  }

  // ------------------------------------------------------------------ framing

  @Test
  void parse_emptyBody_returnsNoFamilies() {
    assertThat(ProtobufParser.parse(new byte[0])).isEmpty();
  }

  @Test
  void parse_usesOnlyTheGivenRange() {
    byte[] body = delimited(gaugeFamily("g", "1", 1));
    byte[] padded = concat(bytes(0xFF, 0xFF), body, bytes(0xFF));
    List<MetricFamily> families = ProtobufParser.parse(padded, 2, body.length);
    assertThat(families).extracting(MetricFamily::name).containsExactly("g");
  }

  @Test
  void parse_truncatedBody_isUnexpectedEof() {
    // pb_truncated: the last three bytes of a five-family body are missing.
    byte[] body = delimited(ProtobufScenarios.allTypes());
    assertRejected(Arrays.copyOf(body, body.length - 3), "unexpected EOF");
  }

  @Test
  void parse_lengthPrefixPastTheEnd_isUnexpectedEof() {
    byte[] good = delimited(gaugeFamily("g", "1", 1));
    assertRejected(concat(good, bytes(0x05, 0x0A)), "unexpected EOF");
    assertRejected(concat(good, bytes(0x05)), "unexpected EOF");
    assertRejected(bytes(0xFF, 0xFF, 0xFF, 0xFF, 0x0F), "unexpected EOF");
  }

  @Test
  void parse_bodyEndingInsideALengthPrefix_isUnexpectedEof() {
    assertRejected(concat(delimited(gaugeFamily("g", "1", 1)), bytes(0x80)), "unexpected EOF");
  }

  @Test
  void parse_lengthPrefixLongerThanFiveBytes_isInvalidVarint32() {
    byte[] body = concat(bytes(0x80, 0x80, 0x80, 0x80, 0x80, 0x01), new byte[1]);
    assertRejected(body, "invalid varint32 encountered");
  }

  @Test
  void parse_zeroLengthMessage_isAFamilyWithoutName() {
    assertRejected(bytes(0x00), "metric family number 1 in the push body has an empty name");
  }

  // ------------------------------------------------------------------ malformed wire data

  @Test
  void parse_invalidWireType_namesTheWireType() {
    byte[] family = gaugeFamily("g", "1", 1).toByteArray();
    assertRejected(frame(concat(family, bytes(0x0F))), "proto: can't skip unknown wire type 7");
    assertRejected(frame(concat(family, bytes(0x0E))), "proto: can't skip unknown wire type 6");
    assertRejected(frame(concat(family, bytes(0x0C))), "proto: can't skip unknown wire type 4");
  }

  @Test
  void parse_invalidWireTypeInEmbeddedMessage_namesTheWireType() {
    byte[] metric = bytes(0x22, 0x02, 0x0F, 0x00);
    assertRejected(frame(metric), "proto: can't skip unknown wire type 7");
  }

  @Test
  void parse_fieldNumberZero_namesTheMessageType() {
    assertRejected(
        frame(bytes(0x00, 0x01)),
        "proto: io_prometheus_client.MetricFamily: illegal tag 0 (wire type 0)");
    assertRejected(
        frame(bytes(0x07)),
        "proto: io_prometheus_client.MetricFamily: illegal tag 0 (wire type 7)");
    assertRejected(
        frame(bytes(0x22, 0x02, 0x02, 0x01)),
        "proto: io_prometheus_client.Metric: illegal tag 0 (wire type 2)");
    assertRejected(
        frame(bytes(0x22, 0x04, 0x0A, 0x02, 0x00, 0x01)),
        "proto: io_prometheus_client.LabelPair: illegal tag 0 (wire type 0)");
    assertRejected(
        frame(bytes(0x22, 0x04, 0x3A, 0x02, 0x00, 0x01)),
        "proto: io_prometheus_client.Histogram: illegal tag 0 (wire type 0)");
    assertRejected(
        frame(bytes(0x22, 0x06, 0x1A, 0x04, 0x12, 0x02, 0x00, 0x01)),
        "proto: io_prometheus_client.Exemplar: illegal tag 0 (wire type 0)");
    assertRejected(
        frame(bytes(0x22, 0x06, 0x3A, 0x04, 0x62, 0x02, 0x00, 0x01)),
        "proto: io_prometheus_client.BucketSpan: illegal tag 0 (wire type 0)");
    assertRejected(
        frame(bytes(0x22, 0x06, 0x1A, 0x04, 0x1A, 0x02, 0x00, 0x01)),
        "proto: timestamp.Timestamp: illegal tag 0 (wire type 0)");
  }

  @Test
  void parse_malformedVarintOrOverlongLength_isUnexpectedEof() {
    byte[] family = gaugeFamily("g", "1", 1).toByteArray();
    byte[] elevenByteVarint = new byte[12];
    Arrays.fill(elevenByteVarint, (byte) 0xFF);
    elevenByteVarint[0] = 0x30; // field 6, varint: unknown
    assertRejected(frame(concat(family, elevenByteVarint, bytes(0x01))), "unexpected EOF");
    assertRejected(frame(concat(family, bytes(0x30, 0xFF))), "unexpected EOF");
    assertRejected(frame(bytes(0x12, 0x7F, 'a', 'b')), "unexpected EOF");
    // An embedded message longer than its parent.
    assertRejected(frame(bytes(0x22, 0x03, 0x1A, 0x05, 0x00)), "unexpected EOF");
    // A group that never ends.
    assertRejected(frame(concat(family, bytes(0x0B))), "unexpected EOF");
  }

  @Test
  void parse_errorAfterValidMessages_returnsNothing() {
    byte[] body = concat(delimited(gaugeFamily("a", "1", 1)), frame(bytes(0x0F)));
    assertRejected(body, "proto: can't skip unknown wire type 7");
  }

  // ------------------------------------------------------------------ tolerated input

  @Test
  void parse_unknownFieldsWrongWireTypesAndGroups_areSkipped() {
    byte[] family = gaugeFamily("g", "1", 2.5).toByteArray();
    byte[] body =
        frame(
            concat(
                bytes(0x08, 0x01), // name (field 1) as a varint: skipped
                bytes(0x48, 0x07), // field 9: unknown
                bytes(0x0B, 0x10, 0x01, 0x1B, 0x1C, 0x0C), // a group with a nested group
                bytes(0x35, 1, 2, 3, 4), // field 6, fixed32: unknown
                family,
                bytes(0x20, 0x01))); // metric (field 4) as a varint: skipped
    List<MetricFamily> families = ProtobufParser.parse(body);
    assertThat(families).extracting(MetricFamily::name).containsExactly("g");
    SimpleValue gauge = only(families).gauge();
    assertThat(gauge).isEqualTo(SimpleValue.of(2.5));
  }

  @Test
  void parse_valueWithWrongWireType_isSkippedAndAbsent() {
    // gauge { value as fixed32 }: Go skips it, so the gauge has no value.
    byte[] body = frame(bytes(0x0A, 0x01, 'g', 0x22, 0x07, 0x12, 0x05, 0x0D, 0, 0, 0x80, 0x3F));
    assertThat(only(ProtobufParser.parse(body)).gauge()).isEqualTo(SimpleValue.absent());
  }

  @Test
  void parse_repeatedSingularMessage_isMerged() {
    Metrics.Metric first =
        Metrics.Metric.newBuilder()
            .setCounter(
                Metrics.Counter.newBuilder()
                    .setValue(1)
                    .setExemplar(Metrics.Exemplar.newBuilder().addLabel(label("a", "1"))))
            .build();
    Metrics.Metric second =
        Metrics.Metric.newBuilder()
            .setCounter(
                Metrics.Counter.newBuilder()
                    .setCreatedTimestamp(ts(5, 0))
                    .setExemplar(Metrics.Exemplar.newBuilder().addLabel(label("b", "2"))))
            .build();
    byte[] metricBytes = concat(first.toByteArray(), second.toByteArray());
    byte[] family = concat(bytes(0x0A, 0x01, 'c', 0x22, metricBytes.length), metricBytes);
    Counter counter = only(ProtobufParser.parse(frame(family))).counter();
    assertThat(counter).isNotNull();
    assertThat(counter.value()).isEqualTo(1);
    assertThat(counter.createdTimestamp()).isEqualTo(new Timestamp(5, 0));
    Exemplar exemplar = counter.exemplar();
    assertThat(exemplar).isNotNull();
    assertThat(exemplar.labelCount()).isEqualTo(2);
    assertThat(exemplar.labelName(1)).isEqualTo("b");
  }

  @Test
  void parse_packedAndUnpackedRepeatedNumbers_areEquivalent() {
    // positive_delta (13, sint64) 2 and -2; negative_count (11, double) 1.0.
    byte[] unpacked = bytes(0x68, 0x04, 0x68, 0x03, 0x59, 0, 0, 0, 0, 0, 0, 0xF0, 0x3F);
    byte[] packed = bytes(0x6A, 0x02, 0x04, 0x03, 0x5A, 0x08, 0, 0, 0, 0, 0, 0, 0xF0, 0x3F);
    for (byte[] histogram : List.of(unpacked, packed)) {
      byte[] metric = concat(bytes(0x3A, histogram.length), histogram);
      byte[] body = frame(concat(bytes(0x0A, 0x01, 'h', 0x22, metric.length), metric));
      Histogram h = only(ProtobufParser.parse(body)).histogram();
      assertThat(h).isNotNull();
      assertThat(h.positiveDeltas()).containsExactly(2, -2);
      assertThat(h.negativeCounts()).containsExactly(1.0);
    }
  }

  // ------------------------------------------------------------------ model content

  @Test
  void parse_allTypes_keepsValuesHelpAndTypes() {
    List<MetricFamily> families = ProtobufParser.parse(delimited(ProtobufScenarios.allTypes()));
    assertThat(families)
        .extracting(MetricFamily::name)
        .containsExactly(
            "pb_counter_total", "pb_gauge", "pb_untyped", "pb_summary", "pb_histogram");
    assertThat(families)
        .extracting(MetricFamily::type)
        .containsExactly(
            MetricType.COUNTER,
            MetricType.GAUGE,
            MetricType.UNTYPED,
            MetricType.SUMMARY,
            MetricType.HISTOGRAM);
    assertThat(families.get(2).help()).isNull();
    MetricFamily counter = families.get(0);
    assertThat(counter.help()).isEqualTo("A counter.");
    assertThat(counter.metrics().get(0).labels()).isEqualTo(Labels.of("code", "200"));
    assertThat(counter.metrics().get(0).counter()).isEqualTo(Counter.of(42));
    assertThat(families.get(1).metrics().get(0).gauge()).isEqualTo(SimpleValue.of(-3.5));
    assertThat(families.get(2).metrics().get(0).untyped()).isEqualTo(SimpleValue.of(7));
    Summary summary = families.get(3).metrics().get(0).summary();
    assertThat(summary)
        .isEqualTo(
            new Summary(
                10, true, 3.5, true, List.of(Quantile.of(0.5, 0.2), Quantile.of(0.99, 0.9)), null));
    Histogram h = families.get(4).metrics().get(0).histogram();
    assertThat(h).isNotNull();
    assertThat(h.sampleCount()).isEqualTo(5);
    assertThat(h.sampleSum()).isEqualTo(2.5);
    assertThat(h.buckets()).containsExactly(Bucket.of(0.1, 1), Bucket.of(1, 4));
    assertThat(h.isNative()).isFalse();
  }

  @Test
  void parse_familyWithoutType_hasNullType() {
    // pb_no_type_is_counter
    Metrics.MetricFamily f =
        Metrics.MetricFamily.newBuilder()
            .setName("pb_notype")
            .addMetric(
                Metrics.Metric.newBuilder().setCounter(Metrics.Counter.newBuilder().setValue(3)))
            .build();
    MetricFamily family = ProtobufParser.parse(delimited(f)).get(0);
    assertThat(family.type()).isNull();
    assertThat(family.effectiveType()).isEqualTo(MetricType.COUNTER);
  }

  @Test
  void parse_helpAndUnit_absentIsNullAndEmptyIsEmpty() {
    Metrics.MetricFamily absent = Metrics.MetricFamily.newBuilder().setName("a").build();
    Metrics.MetricFamily empty =
        Metrics.MetricFamily.newBuilder().setName("e").setHelp("").setUnit("").build();
    Metrics.MetricFamily set =
        Metrics.MetricFamily.newBuilder().setName("s").setHelp("h \\ \n").setUnit("bytes").build();
    List<MetricFamily> families = ProtobufParser.parse(delimited(absent, empty, set));
    assertThat(families).extracting(MetricFamily::help).containsExactly(null, "", "h \\ \n");
    assertThat(families).extracting(MetricFamily::unit).containsExactly(null, "", "bytes");
    assertThat(families.get(0).metrics()).isEmpty();
  }

  @Test
  void parse_duplicateFamilyNames_lastWinsInItsOwnPosition() {
    // pb_duplicate_family_last_wins, plus a family in between.
    byte[] body =
        delimited(
            gaugeFamily("pb_dup", "1", 1), gaugeFamily("b", "1", 1), gaugeFamily("pb_dup", "2", 2));
    List<MetricFamily> families = ProtobufParser.parse(body);
    assertThat(families).extracting(MetricFamily::name).containsExactly("b", "pb_dup");
    assertThat(families.get(1).metrics().get(0).labels()).isEqualTo(Labels.of("x", "2"));
  }

  @Test
  void parse_labels_sortedWithDuplicatesKept() {
    // pb_labels_sanitised's series, and a duplicate name.
    Metrics.MetricFamily f =
        Metrics.MetricFamily.newBuilder()
            .setName("pb_l")
            .setType(Metrics.MetricType.GAUGE)
            .addMetric(
                Metrics.Metric.newBuilder()
                    .addLabel(label("z", "1"))
                    .addLabel(label("job", "other"))
                    .addLabel(label("a", "2"))
                    .addLabel(label("job", "again"))
                    .setGauge(Metrics.Gauge.newBuilder().setValue(1)))
            .build();
    Labels labels = only(ProtobufParser.parse(delimited(f))).labels();
    assertThat(labels.toString()).isEqualTo("{a=\"2\",job=\"other\",job=\"again\",z=\"1\"}");
    assertThat(labels.firstDuplicateName()).isEqualTo("job");
  }

  @Test
  void parse_timestampMs_isKeptEvenWhenZero() {
    for (long ms : new long[] {1000, 0, -5}) {
      Metrics.MetricFamily f =
          gaugeFamily("pb_ts", "1", 1).toBuilder()
              .setMetric(
                  0, gaugeFamily("pb_ts", "1", 1).getMetric(0).toBuilder().setTimestampMs(ms))
              .build();
      assertThat(only(ProtobufParser.parse(delimited(f))).timestampMs()).isEqualTo(ms);
    }
    assertThat(only(ProtobufParser.parse(delimited(gaugeFamily("g", "1", 1)))).timestampMs())
        .isNull();
  }

  @Test
  void parse_specialValues_keptBitForBit() {
    double[] values = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 1e21};
    Metrics.MetricFamily.Builder f =
        Metrics.MetricFamily.newBuilder().setName("pb_g").setType(Metrics.MetricType.GAUGE);
    for (double v : values) {
      f.addMetric(Metrics.Metric.newBuilder().setGauge(Metrics.Gauge.newBuilder().setValue(v)));
    }
    List<Metric> metrics = ProtobufParser.parse(delimited(f.build())).get(0).metrics();
    for (int i = 0; i < values.length; i++) {
      SimpleValue gauge = metrics.get(i).gauge();
      assertThat(gauge).isNotNull();
      assertThat(Double.doubleToRawLongBits(gauge.value()))
          .isEqualTo(Double.doubleToRawLongBits(values[i]));
    }
  }

  @Test
  void parse_missingOptionalFields_haveNoPresence() {
    Metrics.Metric m =
        Metrics.Metric.newBuilder()
            .setGauge(Metrics.Gauge.getDefaultInstance())
            .setUntyped(Metrics.Untyped.getDefaultInstance())
            .setCounter(Metrics.Counter.getDefaultInstance())
            .setSummary(Metrics.Summary.newBuilder().addQuantile(Metrics.Quantile.newBuilder()))
            .setHistogram(
                Metrics.Histogram.newBuilder()
                    .addBucket(Metrics.Bucket.newBuilder())
                    .addPositiveSpan(Metrics.BucketSpan.newBuilder())
                    .addExemplars(Metrics.Exemplar.newBuilder()))
            .build();
    Metric metric =
        only(
            ProtobufParser.parse(
                delimited(Metrics.MetricFamily.newBuilder().setName("m").addMetric(m).build())));
    assertThat(metric.gauge()).isEqualTo(SimpleValue.absent());
    assertThat(metric.untyped()).isEqualTo(SimpleValue.absent());
    assertThat(metric.counter()).isEqualTo(new Counter(0, false, null, null));
    assertThat(metric.summary())
        .isEqualTo(
            new Summary(0, false, 0, false, List.of(new Quantile(0, false, 0, false)), null));
    Histogram h = metric.histogram();
    assertThat(h).isNotNull();
    for (Field field : Field.values()) {
      assertThat(h.has(field)).as(field.name()).isFalse();
    }
    assertThat(h.buckets()).containsExactly(new Bucket(0, false, 0, false, 0, false, null));
    assertThat(h.positiveSpans()).containsExactly(new BucketSpan(0, false, 0, false));
    assertThat(h.exemplars()).containsExactly(new Exemplar(new String[0], 0, false, null));
  }

  @Test
  void parse_presentZeroes_havePresence() {
    Metrics.Histogram.Builder hb =
        Metrics.Histogram.newBuilder()
            .setSampleCount(0)
            .setSchema(0)
            .setZeroThreshold(0)
            .setZeroCountFloat(0)
            .addBucket(Metrics.Bucket.newBuilder().setCumulativeCountFloat(0))
            .addNegativeSpan(Metrics.BucketSpan.newBuilder().setOffset(0).setLength(0));
    Metrics.MetricFamily f =
        Metrics.MetricFamily.newBuilder()
            .setName("h")
            .addMetric(Metrics.Metric.newBuilder().setHistogram(hb))
            .build();
    Histogram h = only(ProtobufParser.parse(delimited(f))).histogram();
    assertThat(h).isNotNull();
    assertThat(h.has(Field.SAMPLE_COUNT)).isTrue();
    assertThat(h.has(Field.SCHEMA)).isTrue();
    assertThat(h.has(Field.ZERO_THRESHOLD)).isTrue();
    assertThat(h.has(Field.ZERO_COUNT_FLOAT)).isTrue();
    assertThat(h.has(Field.SAMPLE_SUM)).isFalse();
    assertThat(h.has(Field.ZERO_COUNT)).isFalse();
    assertThat(h.buckets()).containsExactly(new Bucket(0, false, 0, true, 0, false, null));
    assertThat(h.negativeSpans()).containsExactly(BucketSpan.of(0, 0));
  }

  @Test
  void parse_nativeHistogram_keepsSpansDeltasAndCounts() {
    // pb_native_histogram_only, plus the float variant's fields.
    List<MetricFamily> families = ProtobufParser.parse(delimited(ProtobufScenarios.nativeOnly()));
    Histogram h = only(families).histogram();
    assertThat(h).isNotNull();
    assertThat(h.sampleCount()).isEqualTo(20);
    assertThat(h.sampleSum()).isEqualTo(99.23);
    assertThat(h.schema()).isEqualTo(1);
    assertThat(h.zeroThreshold()).isEqualTo(0.001);
    assertThat(h.zeroCount()).isEqualTo(2);
    assertThat(h.negativeSpans()).containsExactly(BucketSpan.of(0, 2));
    assertThat(h.negativeDeltas()).containsExactly(2, -1);
    assertThat(h.positiveSpans()).containsExactly(BucketSpan.of(0, 2));
    assertThat(h.positiveDeltas()).containsExactly(2, 0);
    assertThat(h.buckets()).isEmpty();
    assertThat(h.isNative()).isTrue();

    Histogram f =
        only(ProtobufParser.parse(delimited(ProtobufScenarios.floatHistogram()))).histogram();
    assertThat(f).isNotNull();
    assertThat(f.isFloat()).isTrue();
    assertThat(f.has(Field.SAMPLE_COUNT)).isFalse();
    assertThat(f.sampleCountFloat()).isEqualTo(10.5);
    assertThat(f.schema()).isEqualTo(-4);
    assertThat(f.positiveSpans()).containsExactly(BucketSpan.of(-3, 2), BucketSpan.of(5, 1));
    assertThat(f.positiveCounts()).containsExactly(1.5, 2.5, 6.5);
    assertThat(f.exemplars()).hasSize(1);
    assertThat(f.createdTimestamp()).isEqualTo(new Timestamp(1_700_000_000L, 5));
  }

  @Test
  void parse_exemplarsAndCreatedTimestamps_areKept() {
    Metrics.Exemplar ex =
        Metrics.Exemplar.newBuilder()
            .addLabel(label("trace_id", "abc"))
            .addLabel(label("span_id", "1"))
            .setValue(0.5)
            .setTimestamp(ts(10, 20))
            .build();
    Metrics.MetricFamily f =
        Metrics.MetricFamily.newBuilder()
            .setName("c_total")
            .addMetric(
                Metrics.Metric.newBuilder()
                    .setCounter(
                        Metrics.Counter.newBuilder()
                            .setValue(1)
                            .setExemplar(ex)
                            .setCreatedTimestamp(ts(-1, 999))))
            .build();
    Counter c = only(ProtobufParser.parse(delimited(f))).counter();
    assertThat(c).isNotNull();
    assertThat(c.createdTimestamp()).isEqualTo(new Timestamp(-1, 999));
    assertThat(c.exemplar())
        .isEqualTo(
            new Exemplar(
                new String[] {"trace_id", "abc", "span_id", "1"},
                0.5,
                true,
                new Timestamp(10, 20)));
  }

  @Test
  void parse_unsignedAndSignedExtremes_areKept() {
    Metrics.Histogram hist =
        Metrics.Histogram.newBuilder()
            .setSampleCount(-1L) // 2^64 - 1
            .setSchema(Integer.MIN_VALUE)
            .addPositiveSpan(Metrics.BucketSpan.newBuilder().setOffset(-7).setLength(-1))
            .addPositiveDelta(Long.MIN_VALUE)
            .build();
    Metrics.MetricFamily f =
        Metrics.MetricFamily.newBuilder()
            .setName("x")
            .addMetric(Metrics.Metric.newBuilder().setHistogram(hist))
            .build();
    Histogram h = only(ProtobufParser.parse(delimited(f))).histogram();
    assertThat(h).isNotNull();
    assertThat(Long.toUnsignedString(h.sampleCount())).isEqualTo("18446744073709551615");
    assertThat(h.schema()).isEqualTo(Integer.MIN_VALUE);
    assertThat(h.positiveSpans()).containsExactly(BucketSpan.of(-7, -1));
    assertThat(h.positiveDeltas()).containsExactly(Long.MIN_VALUE);
  }

  // ------------------------------------------------------------------ deliberate deviations

  @Test
  void parse_emptyOrMissingName_isRejected() {
    Metrics.MetricFamily unnamed = Metrics.MetricFamily.newBuilder().setHelp("h").build();
    Metrics.MetricFamily empty = Metrics.MetricFamily.newBuilder().setName("").build();
    assertRejected(
        delimited(gaugeFamily("a", "1", 1), unnamed),
        "metric family number 2 in the push body has an empty name");
    assertRejected(delimited(empty), "metric family number 1 in the push body has an empty name");
  }

  @Test
  void parse_invalidUtf8LabelValue_isRejectedLikeGo() {
    // The family name comes after the metric: the message still names the family.
    byte[] labelPair = bytes(0x0A, 0x01, 'x', 0x12, 0x01, 0xFF);
    byte[] metric = concat(bytes(0x0A, labelPair.length), labelPair);
    byte[] family = concat(bytes(0x22, metric.length), metric, bytes(0x0A, 0x01, 'm'));
    assertRejected(
        frame(family),
        "metric family \"m\" has a label named \"x\" whose value is not utf8: \"\\xff\"");
  }

  @Test
  void parse_invalidUtf8InOtherStrings_isRejectedNamingTheField() {
    byte[] name = bytes(0x0A, 0x01, 'm');
    assertRejected(
        frame(bytes(0x0A, 0x02, 'a', 0xC3)), "metric family name \"a\\xc3\" is not utf8");
    assertRejected(
        frame(concat(name, bytes(0x12, 0x02, 0xED, 0xA0))),
        "metric family \"m\" has a help text that is not utf8: \"\\xed\\xa0\"");
    assertRejected(
        frame(concat(name, bytes(0x2A, 0x01, 0x80))),
        "metric family \"m\" has a unit that is not utf8: \"\\x80\"");
    byte[] badLabelName = bytes(0x22, 0x05, 0x0A, 0x03, 0x0A, 0x01, 0xFE);
    assertRejected(
        frame(concat(name, badLabelName)),
        "metric family \"m\" has a label name that is not utf8: \"\\xfe\"");
  }

  @Test
  void parse_invalidUtf8InExemplarLabel_isRejected() {
    // metric { counter { exemplar { label { name: "t" value: "é\xff" } } } }
    byte[] lp = bytes(0x0A, 0x01, 't', 0x12, 0x03, 0xC3, 0xA9, 0xFF);
    byte[] exemplar = concat(bytes(0x0A, lp.length), lp);
    byte[] counter = concat(bytes(0x12, exemplar.length), exemplar);
    byte[] metric = concat(bytes(0x1A, counter.length), counter);
    byte[] family = concat(bytes(0x0A, 0x01, 'c', 0x22, metric.length), metric);
    assertRejected(
        frame(family),
        "metric family \"c\" has an exemplar label named \"t\" whose value is not utf8: \"é\\xff\"");
  }

  @Test
  void parse_unknownMetricType_isRejected() {
    assertRejected(
        frame(bytes(0x0A, 0x02, 'e', '9', 0x18, 0x09)),
        "metric family \"e9\" has an unknown metric type 9");
  }

  @Test
  void parse_firstProblemWins_andWireErrorsComeFirst() {
    byte[] badValue = frame(bytes(0x0A, 0x01, 'a', 0x12, 0x01, 0xFF));
    byte[] emptyName = frame(new byte[0]);
    assertRejected(
        concat(badValue, emptyName),
        "metric family \"a\" has a help text that is not utf8: \"\\xff\"");
    assertRejected(concat(badValue, frame(bytes(0x0F))), "proto: can't skip unknown wire type 7");
  }
}
