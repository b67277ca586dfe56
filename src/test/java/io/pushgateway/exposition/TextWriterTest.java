package io.pushgateway.exposition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pushgateway.model.Bucket;
import io.pushgateway.model.BucketSpan;
import io.pushgateway.model.Counter;
import io.pushgateway.model.Histogram;
import io.pushgateway.model.Labels;
import io.pushgateway.model.Metric;
import io.pushgateway.model.MetricType;
import io.pushgateway.model.Quantile;
import io.pushgateway.model.SimpleValue;
import io.pushgateway.model.Summary;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Expected texts are the Go Pushgateway's scrape output for the conformance scenarios named in each
 * test (golden/public/*.json), with the model built by hand as the parser and store would.
 */
class TextWriterTest {
  private static final String PUSH_TIME_HELP =
      "Last Unix time when changing this group in the Pushgateway succeeded.";

  @Test
  void counter_ttCounter() {
    assertThat(
            render(
                "c_total",
                "Counts things.",
                MetricType.COUNTER,
                Metric.counter(l("instance", "", "job", "j"), 5),
                Metric.counter(l("instance", "", "job", "j", "x", "y"), 6)))
        .isEqualTo(
            """
            # HELP c_total Counts things.
            # TYPE c_total counter
            c_total{instance="",job="j"} 5
            c_total{instance="",job="j",x="y"} 6
            """);
  }

  @Test
  void gauge_pushTimeAsInSpecExample() {
    assertThat(
            render(
                "push_time_seconds",
                PUSH_TIME_HELP,
                MetricType.GAUGE,
                Metric.gauge(l("instance", "", "job", "some_job"), 1.7954761882491562e+09),
                Metric.gauge(l("instance", "some_instance", "job", "some_job"), 0)))
        .isEqualTo(
            """
            # HELP push_time_seconds %s
            # TYPE push_time_seconds gauge
            push_time_seconds{instance="",job="some_job"} 1.7954761882491562e+09
            push_time_seconds{instance="some_instance",job="some_job"} 0
            """
                .formatted(PUSH_TIME_HELP));
  }

  @Test
  void untyped_withoutHelp_tvGoFloatBoundaries() {
    double[] values = {999999, 1000000, 0.0001, 0.00001, 100000, 1.0000000000000002, 2398.283, 0.1};
    Metric[] metrics = new Metric[values.length];
    for (int i = 0; i < values.length; i++) {
      String k = String.valueOf((char) ('a' + i));
      metrics[i] = Metric.untyped(l("instance", "", "job", "j", "k", k), values[i]);
    }
    assertThat(render("v", null, MetricType.UNTYPED, metrics))
        .isEqualTo(
            """
            # TYPE v untyped
            v{instance="",job="j",k="a"} 999999
            v{instance="",job="j",k="b"} 1e+06
            v{instance="",job="j",k="c"} 0.0001
            v{instance="",job="j",k="d"} 1e-05
            v{instance="",job="j",k="e"} 100000
            v{instance="",job="j",k="f"} 1.0000000000000002
            v{instance="",job="j",k="g"} 2398.283
            v{instance="",job="j",k="h"} 0.1
            """);
  }

  @Test
  void untyped_tvLargeAndSmall() {
    double[] values = {
      123456789012345678d, 0.000001, 1e-300, 1.7976931348623157e308, 5e-324, 1194991616, 1446098
    };
    Metric[] metrics = new Metric[values.length];
    for (int i = 0; i < values.length; i++) {
      String k = String.valueOf((char) ('a' + i));
      metrics[i] = Metric.untyped(l("instance", "", "job", "j", "k", k), values[i]);
    }
    assertThat(render("v", null, MetricType.UNTYPED, metrics))
        .isEqualTo(
            """
            # TYPE v untyped
            v{instance="",job="j",k="a"} 1.2345678901234568e+17
            v{instance="",job="j",k="b"} 1e-06
            v{instance="",job="j",k="c"} 1e-300
            v{instance="",job="j",k="d"} 1.7976931348623157e+308
            v{instance="",job="j",k="e"} 5e-324
            v{instance="",job="j",k="f"} 1.194991616e+09
            v{instance="",job="j",k="g"} 1.446098e+06
            """);
  }

  @Test
  void gauge_specialValues_pbGaugeSpecialValues() {
    assertThat(
            render(
                "pb_g",
                null,
                MetricType.GAUGE,
                Metric.gauge(l("instance", "", "job", "pb", "k", "a"), Double.NaN),
                Metric.gauge(l("instance", "", "job", "pb", "k", "b"), Double.POSITIVE_INFINITY),
                Metric.gauge(l("instance", "", "job", "pb", "k", "c"), Double.NEGATIVE_INFINITY),
                Metric.gauge(l("instance", "", "job", "pb", "k", "d"), -0.0),
                Metric.gauge(l("instance", "", "job", "pb", "k", "e"), 1e21)))
        .isEqualTo(
            """
            # TYPE pb_g gauge
            pb_g{instance="",job="pb",k="a"} NaN
            pb_g{instance="",job="pb",k="b"} +Inf
            pb_g{instance="",job="pb",k="c"} -Inf
            pb_g{instance="",job="pb",k="d"} 0
            pb_g{instance="",job="pb",k="e"} 1e+21
            """);
  }

  @Test
  void labelValues_areEscaped_tvLabelValueEscapes() {
    assertThat(
            render(
                "h4",
                null,
                MetricType.UNTYPED,
                Metric.untyped(l("a", "x\"y\\z\nw", "instance", "", "job", "t2"), 1)))
        .isEqualTo(
            """
            # TYPE h4 untyped
            h4{a="x\\"y\\\\z\\nw",instance="",job="t2"} 1
            """);
  }

  @Test
  void help_escapesBackslashAndNewlineButNotQuotes() {
    assertThat(
            render(
                "pb_u",
                "untyped help \\ with \n newline \"quoted\"",
                MetricType.UNTYPED,
                Metric.untyped(l("a", "1", "instance", "", "job", "pb"), 1)))
        .isEqualTo(
            """
            # HELP pb_u untyped help \\\\ with \\n newline "quoted"
            # TYPE pb_u untyped
            pb_u{a="1",instance="",job="pb"} 1
            """);
  }

  @Test
  void help_emptyButSet_writesLineWithTrailingSpace() {
    assertThat(
            render(
                "eh_metric", "", MetricType.GAUGE, Metric.gauge(l("instance", "", "job", "j"), 1)))
        .isEqualTo(
            "# HELP eh_metric \n# TYPE eh_metric gauge\neh_metric{instance=\"\",job=\"j\"} 1\n");
  }

  @Test
  void unicode_isWrittenRawAsUtf8_tvUnicode() {
    byte[] out =
        renderBytes(
            "u",
            "Ünïcödé help \u2028 ok",
            MetricType.UNTYPED,
            Metric.untyped(l("instance", "", "job", "j", "v", "Πρ \u2028 é"), 1));
    String expected =
        "# HELP u Ünïcödé help \u2028 ok\n"
            + "# TYPE u untyped\n"
            + "u{instance=\"\",job=\"j\",v=\"Πρ \u2028 é\"} 1\n";
    assertThat(out).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void metrics_areWrittenInTheOrderGiven_pushSeriesOrdering() {
    assertThat(
            render(
                "m",
                null,
                MetricType.UNTYPED,
                Metric.untyped(l("instance", "", "job", "foo"), 1),
                Metric.untyped(l("e", "", "instance", "", "job", "foo/bar"), 1),
                Metric.untyped(l("instance", "", "job", "f o", "path", "Πρ"), 1),
                Metric.untyped(l("instance", "", "job", "foo", "x", "foo"), 1),
                Metric.untyped(l("instance", "", "job", "foo/bar", "path", "/var/tmp"), 1),
                Metric.untyped(l("a", "2", "instance", "", "job", "foo"), 1)))
        .isEqualTo(
            """
            # TYPE m untyped
            m{instance="",job="foo"} 1
            m{e="",instance="",job="foo/bar"} 1
            m{instance="",job="f o",path="Πρ"} 1
            m{instance="",job="foo",x="foo"} 1
            m{instance="",job="foo/bar",path="/var/tmp"} 1
            m{a="2",instance="",job="foo"} 1
            """);
  }

  @Test
  void metricWithoutLabels_hasNoBraces() {
    assertThat(render("go_goroutines", null, MetricType.GAUGE, Metric.gauge(Labels.EMPTY, 10)))
        .isEqualTo("# TYPE go_goroutines gauge\ngo_goroutines 10\n");
  }

  @Test
  void summary_ttSummary() {
    Summary s =
        summary(100, 12.5, Quantile.of(0.5, 0.1), Quantile.of(0.9, 0.4), Quantile.of(0.99, 0.5));
    assertThat(
            render(
                "s",
                "A summary.",
                MetricType.SUMMARY,
                Metric.summary(l("instance", "", "job", "j"), s)))
        .isEqualTo(
            """
            # HELP s A summary.
            # TYPE s summary
            s{instance="",job="j",quantile="0.5"} 0.1
            s{instance="",job="j",quantile="0.9"} 0.4
            s{instance="",job="j",quantile="0.99"} 0.5
            s_sum{instance="",job="j"} 12.5
            s_count{instance="",job="j"} 100
            """);
  }

  @Test
  void summary_partialSeriesDefaultToZero_ttSummaryPartial() {
    Summary countOnly = new Summary(3, true, 0, false, List.of(), null);
    Summary quantileOnly = new Summary(0, false, 0, false, List.of(Quantile.of(0.5, 1)), null);
    Summary other = new Summary(0, false, 0, false, List.of(Quantile.of(0.9, 7)), null);
    assertThat(
            render(
                "s2",
                null,
                MetricType.SUMMARY,
                Metric.summary(l("instance", "", "job", "j"), countOnly),
                Metric.summary(l("a", "x", "instance", "", "job", "j"), quantileOnly),
                Metric.summary(l("a", "y", "instance", "", "job", "j"), other)))
        .isEqualTo(
            """
            # TYPE s2 summary
            s2_sum{instance="",job="j"} 0
            s2_count{instance="",job="j"} 3
            s2{a="x",instance="",job="j",quantile="0.5"} 1
            s2_sum{a="x",instance="",job="j"} 0
            s2_count{a="x",instance="",job="j"} 0
            s2{a="y",instance="",job="j",quantile="0.9"} 7
            s2_sum{a="y",instance="",job="j"} 0
            s2_count{a="y",instance="",job="j"} 0
            """);
  }

  @Test
  void summary_quantileLabelsAreFloatFormatted_tvLeQuantileFormatting() {
    Summary s = summary(1, 1, Quantile.of(0.50, 1), Quantile.of(1e-2, 2));
    assertThat(
            render("s", null, MetricType.SUMMARY, Metric.summary(l("instance", "", "job", "j"), s)))
        .isEqualTo(
            """
            # TYPE s summary
            s{instance="",job="j",quantile="0.5"} 1
            s{instance="",job="j",quantile="0.01"} 2
            s_sum{instance="",job="j"} 1
            s_count{instance="",job="j"} 1
            """);
  }

  @Test
  void summary_countIsUnsigned() {
    Summary s = new Summary(-1, true, 0, true, List.of(), null);
    assertThat(render("s", null, MetricType.SUMMARY, Metric.summary(l("job", "j"), s)))
        .isEqualTo(
            """
            # TYPE s summary
            s_sum{job="j"} 0
            s_count{job="j"} 1.8446744073709552e+19
            """);
  }

  @Test
  void summary_withoutLabels_putsOnlyTheQuantileInBraces() {
    Summary s = summary(2, 3, Quantile.of(0.5, 1));
    assertThat(render("s", null, MetricType.SUMMARY, Metric.summary(Labels.EMPTY, s)))
        .isEqualTo("# TYPE s summary\ns{quantile=\"0.5\"} 1\ns_sum 3\ns_count 2\n");
  }

  @Test
  void histogram_withInfBucket_ttHistogram() {
    Histogram h =
        Histogram.builder()
            .sampleCount(20)
            .sampleSum(99.23)
            .addBucket(Bucket.of(0.1, 3))
            .addBucket(Bucket.of(1, 17))
            .addBucket(Bucket.of(Double.POSITIVE_INFINITY, 20))
            .build();
    assertThat(
            render(
                "h",
                "A histogram.",
                MetricType.HISTOGRAM,
                Metric.histogram(l("instance", "", "job", "j"), h)))
        .isEqualTo(
            """
            # HELP h A histogram.
            # TYPE h histogram
            h_bucket{instance="",job="j",le="0.1"} 3
            h_bucket{instance="",job="j",le="1"} 17
            h_bucket{instance="",job="j",le="+Inf"} 20
            h_sum{instance="",job="j"} 99.23
            h_count{instance="",job="j"} 20
            """);
  }

  @Test
  void histogram_withoutInfBucket_getsOneWithTheSampleCount_ttHistogramWithoutInf() {
    Histogram h =
        Histogram.builder()
            .sampleCount(5)
            .sampleSum(7)
            .addBucket(Bucket.of(1, 2))
            .addBucket(Bucket.of(5, 4))
            .build();
    assertThat(
            render(
                "h",
                null,
                MetricType.HISTOGRAM,
                Metric.histogram(l("instance", "", "job", "j"), h)))
        .isEqualTo(
            """
            # TYPE h histogram
            h_bucket{instance="",job="j",le="1"} 2
            h_bucket{instance="",job="j",le="5"} 4
            h_bucket{instance="",job="j",le="+Inf"} 5
            h_sum{instance="",job="j"} 7
            h_count{instance="",job="j"} 5
            """);
  }

  @Test
  void histogram_bucketsInStoredOrder_tvLeQuantileFormatting() {
    Histogram h =
        Histogram.builder()
            .sampleCount(2)
            .sampleSum(3)
            .addBucket(Bucket.of(1e3, 1))
            .addBucket(Bucket.of(0.50, 0))
            .addBucket(Bucket.of(Double.POSITIVE_INFINITY, 2))
            .build();
    assertThat(
            render(
                "h",
                null,
                MetricType.HISTOGRAM,
                Metric.histogram(l("instance", "", "job", "j"), h)))
        .isEqualTo(
            """
            # TYPE h histogram
            h_bucket{instance="",job="j",le="1000"} 1
            h_bucket{instance="",job="j",le="0.5"} 0
            h_bucket{instance="",job="j",le="+Inf"} 2
            h_sum{instance="",job="j"} 3
            h_count{instance="",job="j"} 2
            """);
  }

  @Test
  void histogram_nativeOnly_rendersInfBucketSumAndCount_pbNativeHistogramOnly() {
    Histogram h =
        Histogram.builder()
            .sampleCount(20)
            .sampleSum(99.23)
            .schema(1)
            .zeroThreshold(0.001)
            .zeroCount(2)
            .negativeSpans(List.of(BucketSpan.of(0, 2)))
            .negativeDeltas(new long[] {2, -1})
            .positiveSpans(List.of(BucketSpan.of(0, 2)))
            .positiveDeltas(new long[] {2, 0})
            .build();
    assertThat(
            render(
                "pb_native",
                "native",
                MetricType.HISTOGRAM,
                Metric.histogram(l("instance", "", "job", "pbnative"), h)))
        .isEqualTo(
            """
            # HELP pb_native native
            # TYPE pb_native histogram
            pb_native_bucket{instance="",job="pbnative",le="+Inf"} 20
            pb_native_sum{instance="",job="pbnative"} 99.23
            pb_native_count{instance="",job="pbnative"} 20
            """);
  }

  @Test
  void histogram_floatCountsAreUsedWhenNonZero() {
    Histogram h =
        Histogram.builder()
            .sampleCountFloat(4.5)
            .sampleSum(1)
            .addBucket(new Bucket(0, false, 1.5, true, 0.1, true, null))
            .addBucket(new Bucket(3, true, 0, true, 1, true, null))
            .build();
    assertThat(render("fh", null, MetricType.HISTOGRAM, Metric.histogram(l("job", "j"), h)))
        .isEqualTo(
            """
            # TYPE fh histogram
            fh_bucket{job="j",le="0.1"} 1.5
            fh_bucket{job="j",le="1"} 3
            fh_bucket{job="j",le="+Inf"} 4.5
            fh_sum{job="j"} 1
            fh_count{job="j"} 4.5
            """);
  }

  @Test
  void histogram_missingFieldsRenderAsZero() {
    Histogram h =
        Histogram.builder().addBucket(new Bucket(0, false, 0, false, 0, false, null)).build();
    assertThat(render("h", null, MetricType.HISTOGRAM, Metric.histogram(l("job", "j"), h)))
        .isEqualTo(
            """
            # TYPE h histogram
            h_bucket{job="j",le="0"} 0
            h_bucket{job="j",le="+Inf"} 0
            h_sum{job="j"} 0
            h_count{job="j"} 0
            """);
  }

  @Test
  void histogram_unsignedBucketCounts() {
    Histogram h =
        Histogram.builder().sampleCount(Long.MIN_VALUE).addBucket(Bucket.of(1, -1)).build();
    assertThat(render("h", null, MetricType.HISTOGRAM, Metric.histogram(Labels.EMPTY, h)))
        .isEqualTo(
            """
            # TYPE h histogram
            h_bucket{le="1"} 1.8446744073709552e+19
            h_bucket{le="+Inf"} 9.223372036854776e+18
            h_sum 0
            h_count 9.223372036854776e+18
            """);
  }

  @Test
  void gaugeHistogram_isRenderedAsHistogram() {
    Histogram h = Histogram.builder().sampleCount(1).sampleSum(2).build();
    assertThat(render("gh", null, MetricType.GAUGE_HISTOGRAM, Metric.histogram(l("job", "j"), h)))
        .isEqualTo(
            """
            # TYPE gh histogram
            gh_bucket{job="j",le="+Inf"} 1
            gh_sum{job="j"} 2
            gh_count{job="j"} 1
            """);
  }

  @Test
  void allTypes_pbAllTypes() {
    Labels labels = l("instance", "", "job", "pbsh");
    Histogram h =
        Histogram.builder()
            .sampleCount(5)
            .sampleSum(2.5)
            .addBucket(Bucket.of(0.1, 1))
            .addBucket(Bucket.of(1, 4))
            .build();
    ByteSink out = new ByteSink(16);
    TextWriter.writeFamily(
        out,
        "pb_counter_total",
        "A counter.",
        MetricType.COUNTER,
        List.of(
            Metric.counter(l("code", "200", "instance", "", "job", "pbsh"), 42),
            Metric.counter(l("code", "500", "instance", "", "job", "pbsh"), 1)));
    TextWriter.writeFamily(
        out, "pb_gauge", "A gauge.", MetricType.GAUGE, List.of(Metric.gauge(labels, -3.5)));
    TextWriter.writeFamily(
        out,
        "pb_histogram",
        "A histogram.",
        MetricType.HISTOGRAM,
        List.of(Metric.histogram(labels, h)));
    TextWriter.writeFamily(
        out,
        "pb_summary",
        "A summary.",
        MetricType.SUMMARY,
        List.of(
            Metric.summary(
                labels, summary(10, 3.5, Quantile.of(0.5, 0.2), Quantile.of(0.99, 0.9)))));
    TextWriter.writeFamily(
        out, "pb_untyped", null, MetricType.UNTYPED, List.of(Metric.untyped(labels, 7)));
    assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8))
        .isEqualTo(
            """
            # HELP pb_counter_total A counter.
            # TYPE pb_counter_total counter
            pb_counter_total{code="200",instance="",job="pbsh"} 42
            pb_counter_total{code="500",instance="",job="pbsh"} 1
            # HELP pb_gauge A gauge.
            # TYPE pb_gauge gauge
            pb_gauge{instance="",job="pbsh"} -3.5
            # HELP pb_histogram A histogram.
            # TYPE pb_histogram histogram
            pb_histogram_bucket{instance="",job="pbsh",le="0.1"} 1
            pb_histogram_bucket{instance="",job="pbsh",le="1"} 4
            pb_histogram_bucket{instance="",job="pbsh",le="+Inf"} 5
            pb_histogram_sum{instance="",job="pbsh"} 2.5
            pb_histogram_count{instance="",job="pbsh"} 5
            # HELP pb_summary A summary.
            # TYPE pb_summary summary
            pb_summary{instance="",job="pbsh",quantile="0.5"} 0.2
            pb_summary{instance="",job="pbsh",quantile="0.99"} 0.9
            pb_summary_sum{instance="",job="pbsh"} 3.5
            pb_summary_count{instance="",job="pbsh"} 10
            # TYPE pb_untyped untyped
            pb_untyped{instance="",job="pbsh"} 7
            """);
  }

  @Test
  void repeatedLabelBlock_survivesBufferGrowth() {
    Labels labels = l("a", "x".repeat(300), "b", "Πρ\"\\", "job", "j");
    Histogram.Builder b = Histogram.builder().sampleCount(40).sampleSum(1);
    StringBuilder expected = new StringBuilder("# TYPE h histogram\n");
    String block = "a=\"" + "x".repeat(300) + "\",b=\"Πρ\\\"\\\\\",job=\"j\"";
    for (int i = 0; i < 40; i++) {
      b.addBucket(Bucket.of(i, i));
      expected.append("h_bucket{").append(block).append(",le=\"").append(i).append("\"} ");
      expected.append(i).append('\n');
    }
    expected.append("h_bucket{").append(block).append(",le=\"+Inf\"} 40\n");
    expected.append("h_sum{").append(block).append("} 1\n");
    expected.append("h_count{").append(block).append("} 40\n");
    assertThat(render("h", null, MetricType.HISTOGRAM, Metric.histogram(labels, b.build())))
        .isEqualTo(expected.toString());
  }

  @Test
  void duplicateLabelNames_areWrittenAsGiven() {
    assertThat(render("d", null, MetricType.UNTYPED, Metric.untyped(l("a", "1", "a", "2"), 1)))
        .isEqualTo("# TYPE d untyped\nd{a=\"1\",a=\"2\"} 1\n");
  }

  @Test
  void timestamp_isAppendedToEveryLine() {
    Metric gauge = new Metric(l("job", "j"), SimpleValue.of(1.5), null, null, null, null, -1234L);
    Metric summary =
        new Metric(Labels.EMPTY, null, null, summary(1, 2, Quantile.of(0.5, 3)), null, null, 99L);
    assertThat(render("g", null, MetricType.GAUGE, gauge))
        .isEqualTo("# TYPE g gauge\ng{job=\"j\"} 1.5 -1234\n");
    assertThat(render("s", null, MetricType.SUMMARY, summary))
        .isEqualTo("# TYPE s summary\ns{quantile=\"0.5\"} 3 99\ns_sum 2 99\ns_count 1 99\n");
  }

  @Test
  void absentValueFields_renderAsZero() {
    Metric counter =
        new Metric(l("job", "j"), null, new Counter(0, false, null, null), null, null, null, null);
    Metric gauge = new Metric(l("job", "j"), SimpleValue.absent(), null, null, null, null, null);
    assertThat(render("c", null, MetricType.COUNTER, counter))
        .isEqualTo("# TYPE c counter\nc{job=\"j\"} 0\n");
    assertThat(render("g", null, MetricType.GAUGE, gauge))
        .isEqualTo("# TYPE g gauge\ng{job=\"j\"} 0\n");
  }

  @Test
  void writeMetric_rejectsMetricWithoutTheTypesValueAndWritesNothing() {
    ByteSink out = new ByteSink();
    Metric gauge = Metric.gauge(l("job", "j"), 1);
    assertThatThrownBy(() -> TextWriter.writeMetric(out, "m", MetricType.COUNTER, gauge))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected counter in metric m {job=\"j\"}");
    assertThatThrownBy(() -> TextWriter.writeMetric(out, "m", MetricType.HISTOGRAM, gauge))
        .hasMessage("expected histogram in metric m {job=\"j\"}");
    assertThatThrownBy(() -> TextWriter.writeMetric(out, "m", MetricType.SUMMARY, gauge))
        .hasMessage("expected summary in metric m {job=\"j\"}");
    assertThatThrownBy(() -> TextWriter.writeMetric(out, "m", MetricType.UNTYPED, gauge))
        .hasMessage("expected untyped in metric m {job=\"j\"}");
    Metric counter = Metric.counter(l("job", "j"), 1);
    assertThatThrownBy(() -> TextWriter.writeMetric(out, "m", MetricType.GAUGE, counter))
        .hasMessage("expected gauge in metric m {job=\"j\"}");
    assertThat(out.size()).isZero();
  }

  @Test
  void writeFamily_rejectsEmptyName() {
    ByteSink out = new ByteSink();
    assertThatThrownBy(() -> TextWriter.writeFamily(out, "", null, MetricType.GAUGE, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(out.size()).isZero();
  }

  @Test
  void writeMetric_writesJustTheMetricLines() {
    ByteSink out = new ByteSink();
    TextWriter.writeMetric(out, "m", MetricType.GAUGE, Metric.gauge(l("job", "j"), 2));
    assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8)).isEqualTo("m{job=\"j\"} 2\n");
  }

  private static Summary summary(long count, double sum, Quantile... quantiles) {
    return new Summary(count, true, sum, true, List.of(quantiles), null);
  }

  private static Labels l(String... namesAndValues) {
    return Labels.of(namesAndValues);
  }

  private static String render(
      String name, @Nullable String help, MetricType type, Metric... metrics) {
    return new String(renderBytes(name, help, type, metrics), StandardCharsets.UTF_8);
  }

  private static byte[] renderBytes(
      String name, @Nullable String help, MetricType type, Metric... metrics) {
    ByteSink out = new ByteSink(8);
    TextWriter.writeFamily(out, name, help, type, List.of(metrics));
    return out.toByteArray();
  }
}
