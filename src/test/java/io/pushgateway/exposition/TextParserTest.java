package io.pushgateway.exposition;

import static io.pushgateway.exposition.TextTestSupport.FF;
import static io.pushgateway.exposition.TextTestSupport.body;
import static io.pushgateway.exposition.TextTestSupport.describeExactly;
import static io.pushgateway.exposition.TextTestSupport.parseAndRender;
import static io.pushgateway.exposition.TextTestSupport.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pushgateway.model.Bucket;
import io.pushgateway.model.Counter;
import io.pushgateway.model.Histogram;
import io.pushgateway.model.Labels;
import io.pushgateway.model.Metric;
import io.pushgateway.model.MetricFamily;
import io.pushgateway.model.MetricType;
import io.pushgateway.model.Quantile;
import io.pushgateway.model.SimpleValue;
import io.pushgateway.model.Summary;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Acceptance, rejection and results of the text format parser. Each table row names where its
 * expectation comes from: {@link Source#GO_1_5_1} rows were pushed to the installed Go gateway
 * 1.5.1 (the message is its 400 body); {@link Source#EXPFMT_HEAD} rows follow current expfmt, which
 * the gateway's newer versions use (checked against HEAD's text_parse.go); {@link Source#DEVIATION}
 * rows are deliberate differences.
 */
class TextParserTest {
  /** Where an expectation was established. */
  enum Source {
    GO_1_5_1,
    EXPFMT_HEAD,
    DEVIATION
  }

  private static final String PFX = "text format parsing error in line ";

  static Stream<Arguments> errorCases() {
    return Stream.of(
        // Lines, end of input.
        err(Source.GO_1_5_1, "foo 1\r\n", "1: expected float as value, got \"1\\r\""),
        err(Source.GO_1_5_1, "foo 1", "1: unexpected end of input stream"),
        err(Source.GO_1_5_1, "foo 1\n# comment", "2: unexpected end of input stream"),
        err(Source.GO_1_5_1, "foo 1\n#", "2: unexpected end of input stream"),
        err(Source.GO_1_5_1, "foo 1\n# TYPE", "2: unexpected end of input stream"),
        err(Source.GO_1_5_1, "foo{a=\"1\"}", "1: unexpected end of input stream"),
        err(Source.GO_1_5_1, "foo{a=\"1", "1: unexpected end of input stream"),
        err(Source.GO_1_5_1, "foo 1 5", "1: unexpected end of input stream"),
        err(Source.GO_1_5_1, "# HELP foo bar", "1: unexpected end of input stream"),
        err(Source.GO_1_5_1, "\n\n# c\n\nfoo bar\n", "5: expected float as value, got \"bar\""),
        // Comments, HELP and TYPE.
        err(
            Source.GO_1_5_1,
            "# TYPE foo counter\n# TYPE foo counter\nfoo 1\n",
            "2: second TYPE line for metric name \"foo\", or TYPE reported after samples"),
        err(
            Source.GO_1_5_1,
            "foo 1\n# TYPE foo counter\n",
            "2: second TYPE line for metric name \"foo\", or TYPE reported after samples"),
        err(
            Source.GO_1_5_1,
            "# TYPE x summary\nx_count 1\n# TYPE x_sum gauge\nx_sum 2\n",
            "3: second TYPE line for metric name \"x\", or TYPE reported after samples"),
        err(
            Source.GO_1_5_1,
            "# HELP foo one\n# HELP foo two\n",
            "2: second HELP line for metric name \"foo\""),
        err(
            Source.GO_1_5_1,
            "# HELP foo one\n# HELP foo two \\t\n",
            "2: second HELP line for metric name \"foo\""),
        err(Source.GO_1_5_1, "# TYPE x foo\nx 1\n", "1: unknown metric type \"foo\""),
        err(Source.GO_1_5_1, "# TYPE x counter \n", "1: unknown metric type \"counter \""),
        err(Source.GO_1_5_1, "# TYPE x counter\r\n", "1: unknown metric type \"counter\\r\""),
        err(
            Source.GO_1_5_1,
            "# TYPE x coun" + FF + "ter\n",
            "1: unknown metric type \"coun\\xffter\""),
        // TYPE values lose their backslashes.
        err(Source.GO_1_5_1, "# TYPE x bo\\\\gus\n", "1: unknown metric type \"bogus\""),
        err(Source.GO_1_5_1, "# TYPE met-ric counter\n", "1: invalid metric name in comment"),
        err(Source.GO_1_5_1, "# HELP 1x help\n", "1: invalid metric name in comment"),
        err(Source.GO_1_5_1, "# HELP x a\\tb\n", "1: invalid escape sequence '\\t'"),
        err(Source.GO_1_5_1, "# HELP x a\\\n", "1: invalid escape sequence '\\\n'"),
        // Metric names.
        err(Source.GO_1_5_1, "-x 1\n", "1: invalid metric name"),
        err(Source.GO_1_5_1, "1x 2\n", "1: invalid metric name"),
        err(Source.GO_1_5_1, "}x 2\n", "1: invalid metric name"),
        err(Source.GO_1_5_1, "foo-bar 1\n", "1: expected float as value, got \"-bar\""),
        err(Source.GO_1_5_1, "blablabla\n", "1: expected float as value, got \"\""),
        err(Source.GO_1_5_1, "x \n", "1: expected float as value, got \"\""),
        err(Source.GO_1_5_1, "x{}\n", "1: expected float as value, got \"\""),
        // Label syntax.
        err(Source.GO_1_5_1, "x{a=b} 1\n", "1: expected '\"' at start of label value, found 'b'"),
        err(Source.GO_1_5_1, "x{a=\"1\" b=\"2\"} 1\n", "1: unexpected end of label value \"1\""),
        err(Source.GO_1_5_1, "x{a=\"b\"c} 1\n", "1: unexpected end of label value \"b\""),
        err(Source.GO_1_5_1, "x{a=\"1\",a=\"2\"} 1\n", "1: duplicate label names for metric \"x\""),
        err(Source.GO_1_5_1, "h5{a=\"1\",b=\"\",a=x", "1: duplicate label names for metric \"h5\""),
        err(
            Source.GO_1_5_1,
            "# TYPE h histogram\nh_bucket{a=\"1\",a=\"2\"} 1\n",
            "2: duplicate label names for metric \"h\""),
        err(Source.GO_1_5_1, "x{__name__=\"y\"} 1\n", "1: label name \"__name__\" is reserved"),
        // 1.5.1 checks the reserved name before looking for '='.
        err(Source.GO_1_5_1, "x{__name__:} 1\n", "1: label name \"__name__\" is reserved"),
        err(Source.GO_1_5_1, "x{a:b=\"1\"} 1\n", "1: expected '=' after label name, found ':'"),
        err(Source.GO_1_5_1, "x{a b=\"1\"} 1\n", "1: expected '=' after label name, found 'b'"),
        err(Source.GO_1_5_1, "x{a\n", "1: expected '=' after label name, found '\\n'"),
        err(Source.GO_1_5_1, "m{=\"1\"} 1\n", "1: invalid label name for metric \"m\""),
        err(Source.GO_1_5_1, "m{,} 1\n", "1: invalid label name for metric \"m\""),
        err(Source.GO_1_5_1, "m{a=\"1\",,} 1\n", "1: invalid label name for metric \"m\""),
        err(
            Source.GO_1_5_1,
            "# TYPE h histogram\nh_bucket{1=\"1\"} 1\n",
            "2: invalid label name for metric \"h\""),
        // Label values.
        err(Source.GO_1_5_1, "x{a=\"\\t\"} 1\n", "1: invalid escape sequence '\\t'"),
        err(Source.GO_1_5_1, "x{a=\"\\\u00c3\"} 1\n", "1: invalid escape sequence '\\\u00c3'"),
        err(
            Source.GO_1_5_1,
            "x{a=\"new\nline\"} 1\n",
            "1: label value \"new\" contains unescaped new-line"),
        err(
            Source.GO_1_5_1,
            "x{a=\"new" + FF + "\nline\"} 1\n",
            "1: label value \"new\\xff\" contains unescaped new-line"),
        err(
            Source.GO_1_5_1,
            "x{a=\"a\\\"b\nc\"} 1\n",
            "1: label value \"a\\\"b\" contains unescaped new-line"),
        err(Source.GO_1_5_1, "x{a=\"" + FF + "\"} 1\n", "1: invalid label value \"\\xff\""),
        err(
            Source.GO_1_5_1,
            "x{a=\"b\uDCFF\uDCFE\uDCE2\uDC82\"} 1\n",
            "1: invalid label value \"b\\xff\\xfe\\xe2\\x82\""),
        err(
            Source.GO_1_5_1,
            "x{a=\"\uDCED\uDCA0\uDC80\"} 1\n",
            "1: invalid label value \"\\xed\\xa0\\x80\""),
        err(
            Source.GO_1_5_1,
            "x{a=\"\u2028\u0007\\\\\\\"\u007f\u001b\\nq\u00a0\u00ad\uD83D\uDE00\uFFFD\uDBFF\uDFFF\u0800\u0378\"c} 1\n",
            "1: unexpected end of label value"
                + " \"\\u2028\\a\\\\\\\"\\x7f\\x1b\\nq\\u00a0\\u00ad\uD83D\uDE00\uFFFD\\U0010ffff\u0800\\u0378\""),
        err(
            Source.GO_1_5_1,
            "x{a=\"\r\u000b\f\b\"c} 1\n",
            "1: unexpected end of label value \"\\r\\v\\f\\b\""),
        // Go formats an unexpected byte as a quoted rune.
        err(
            Source.GO_1_5_1,
            "x{a=" + FF + "} 1\n",
            "1: expected '\"' at start of label value, found '\u00ff'"),
        err(
            Source.GO_1_5_1,
            "x{a=\uDC80} 1\n",
            "1: expected '\"' at start of label value, found '\\u0080'"),
        err(
            Source.GO_1_5_1,
            "x{a=\u0001} 1\n",
            "1: expected '\"' at start of label value, found '\\x01'"),
        err(Source.GO_1_5_1, "x{a='} 1\n", "1: expected '\"' at start of label value, found '\\''"),
        err(
            Source.GO_1_5_1,
            "x{a=\\} 1\n",
            "1: expected '\"' at start of label value, found '\\\\'"),
        err(
            Source.GO_1_5_1,
            "x{a" + FF + "=\"1\"} 1\n",
            "1: expected '=' after label name, found '\u00ff'"),
        // Values.
        err(Source.GO_1_5_1, "x abc\n", "1: expected float as value, got \"abc\""),
        err(Source.GO_1_5_1, "x 0x10\n", "1: expected float as value, got \"0x10\""),
        err(Source.GO_1_5_1, "x 1e400\n", "1: expected float as value, got \"1e400\""),
        err(Source.GO_1_5_1, "x 1_0\n", "1: expected float as value, got \"1_0\""),
        err(Source.GO_1_5_1, "x 0x1p-3\n", "1: expected float as value, got \"0x1p-3\""),
        err(
            Source.GO_1_5_1,
            "x 1.7976931348623159e308\n",
            "1: expected float as value, got \"1.7976931348623159e308\""),
        err(Source.GO_1_5_1, "x +nan\n", "1: expected float as value, got \"+nan\""),
        err(Source.GO_1_5_1, "x infinit\n", "1: expected float as value, got \"infinit\""),
        err(Source.GO_1_5_1, "x .\n", "1: expected float as value, got \".\""),
        err(Source.GO_1_5_1, "x 1e\n", "1: expected float as value, got \"1e\""),
        err(Source.GO_1_5_1, "x 1d\n", "1: expected float as value, got \"1d\""),
        err(Source.GO_1_5_1, "x " + FF + "\n", "1: expected float as value, got \"\\xff\""),
        // Timestamps.
        err(Source.GO_1_5_1, "h23 7 \n", "1: expected integer as timestamp, got \"\""),
        err(Source.GO_1_5_1, "h23 7\t\n", "1: expected integer as timestamp, got \"\""),
        err(Source.GO_1_5_1, "x 1 2.5\n", "1: expected integer as timestamp, got \"2.5\""),
        err(Source.GO_1_5_1, "x 1 1_0\n", "1: expected integer as timestamp, got \"1_0\""),
        err(
            Source.GO_1_5_1,
            "x 1 9223372036854775808\n",
            "1: expected integer as timestamp, got \"9223372036854775808\""),
        err(Source.GO_1_5_1, "x 1 2\r\n", "1: expected integer as timestamp, got \"2\\r\""),
        err(Source.GO_1_5_1, "x 1 2 3\n", "1: spurious string after timestamp: \" 3\""),
        err(Source.GO_1_5_1, "x 1 2 \n", "1: spurious string after timestamp: \" \""),
        err(Source.GO_1_5_1, "x 1 2\t\\x\n", "1: spurious string after timestamp: \"\\tx\""),
        // Summaries and histograms.
        err(
            Source.GO_1_5_1,
            "# TYPE h histogram\nh_bucket{le=\"abc\"} 1\n",
            "2: expected float as value for 'le' label, got \"abc\""),
        err(
            Source.GO_1_5_1,
            "# TYPE s summary\ns{quantile=\"x\"} 1\n",
            "2: expected float as value for 'quantile' label, got \"x\""),
        err(
            Source.GO_1_5_1,
            "# TYPE s summary\ns{quantile=\"0x1p-3\"} 1\n",
            "2: expected float as value for 'quantile' label, got \"0x1p-3\""),
        err(
            Source.EXPFMT_HEAD,
            "# TYPE h histogram\nh_bucket{le=\"1\"} 2\nh_count -2693\n",
            "3: negative count for histogram \"h\""),
        err(
            Source.EXPFMT_HEAD,
            "# TYPE h histogram\nh_count -2693.5\n",
            "2: negative count for histogram \"h\""),
        err(
            Source.EXPFMT_HEAD,
            "# TYPE h histogram\nh_bucket{le=\"1\"} -412\n",
            "2: negative bucket population for histogram \"h\""),
        err(
            Source.EXPFMT_HEAD,
            "# TYPE h gaugehistogram\nh_bucket{le=\"1\"} -0.5\n",
            "2: negative bucket population for histogram \"h\""),
        err(
            Source.EXPFMT_HEAD,
            "# TYPE h histogram\nh_bucket{le=\"1\"} -Inf\n",
            "2: negative bucket population for histogram \"h\""),
        // Quoted names (not in 1.5.1).
        err(Source.EXPFMT_HEAD, "{\"a.b\"} 1\n", "1: invalid metric name \"a.b\""),
        err(
            Source.EXPFMT_HEAD,
            "{\"metric.name\",foo=\"bla\"} 3.14\n",
            "1: invalid metric name \"metric.name\""),
        err(Source.EXPFMT_HEAD, "x{\"a.b\"=\"1\"} 1\n", "1: invalid label name \"a.b\""),
        err(
            Source.EXPFMT_HEAD,
            "metric_name{\"foo\"=\"bar\", \"dotted.label\"=\"bla\"} 3.14\n",
            "1: invalid label name \"dotted.label\""),
        err(
            Source.EXPFMT_HEAD,
            "x{\"__name__\"=\"1\"} 1\n",
            "1: label name \"__name__\" is reserved"),
        err(Source.EXPFMT_HEAD, "# TYPE \"a.b\" counter\n", "1: invalid metric name \"a.b\""),
        err(Source.EXPFMT_HEAD, "# TYPE \"\" counter\n", "1: invalid metric name \"\""),
        err(Source.EXPFMT_HEAD, "\"\" 1\n", "1: invalid metric name"),
        err(Source.EXPFMT_HEAD, "{} 3.14\n", "1: invalid metric name"),
        err(Source.EXPFMT_HEAD, "{label=\"bla\"} 3.14 2\n", "1: invalid metric name"),
        err(
            Source.EXPFMT_HEAD,
            "{\"one\",\"two\"} 1\n",
            "1: multiple metric names for metric \"one\""),
        err(
            Source.EXPFMT_HEAD,
            "{\"metric.name\".label=\"bla\"} 3.14\n",
            "1: unexpected end of metric name '.'"),
        err(Source.EXPFMT_HEAD, "{\"a\\tb\"} 1\n", "1: invalid escape sequence '\\t'"),
        err(
            Source.EXPFMT_HEAD,
            "\n# TYPE \"metric\nname\" counter\n",
            "2: metric name \"metric\" contains unescaped new-line"),
        err(
            Source.EXPFMT_HEAD,
            "x{\"new\nline\"=\"bla\"} 3.14\n",
            "1: label name \"new\" contains unescaped new-line"),
        err(
            Source.EXPFMT_HEAD,
            "# TYPE s summary\n{\"s\",quantile=\"x\"} 1\n",
            "2: expected float as value for 'quantile' label, got \"x\""),
        err(
            Source.EXPFMT_HEAD,
            "# TYPE h histogram\n{le=\"x\",\"h_bucket\"} 1\n",
            "2: expected float as value for 'le' label, got \"x\""),
        // HEAD names the family of the previous name it read when a '{' line has none yet.
        err(Source.EXPFMT_HEAD, "x 1\n{\"\"} 2\n", "2: invalid label name for metric \"x\""),
        err(Source.EXPFMT_HEAD, "{\"\"} 2\n", "1: invalid label name for metric \"\""),
        // Deliberate deviations.
        err(
            Source.DEVIATION,
            "# HELP x a" + FF + "b\nx 1\n",
            "1: HELP docstring for metric name \"x\" is not valid UTF-8"),
        // HEAD attaches these labels to the previous line's metric (a bug); 1.5.1 rejects them.
        err(Source.DEVIATION, "foo 1\n{a=\"1\"} 2\n", "2: invalid metric name"));
  }

  private static Arguments err(Source source, String body, String lineAndMessage) {
    return Arguments.of(source, body, PFX + lineAndMessage);
  }

  @ParameterizedTest(name = "[{index}] {0}: {1}")
  @MethodSource("errorCases")
  void parse_rejectsInvalidBodies(Source source, String body, String message) {
    assertThatThrownBy(() -> TextParser.parse(body(body)))
        .isInstanceOf(ParseException.class)
        .hasMessage(message);
  }

  static Stream<Arguments> validCases() {
    return Stream.of(
        ok(Source.GO_1_5_1, "", ""),
        ok(Source.GO_1_5_1, "\n\n  \t\n", ""),
        ok(Source.GO_1_5_1, "# TYPE only_type counter\n# HELP only_help x\n", ""),
        ok(
            Source.GO_1_5_1,
            "some_metric 3.14\nanother_metric{instance=\"testinstance\",job=\"testjob\"} 42\n",
            """
            some_metric UNTYPED
              {} untyped=3.14
            another_metric UNTYPED
              {instance="testinstance",job="testjob"} untyped=42.0"""),
        ok(
            Source.GO_1_5_1,
            "#\n# random comment\n# EOF\n# TYPE\n# HELP h23\n#HELP\n# TYPE h23\nm 1\n",
            """
            m UNTYPED
              {} untyped=1.0"""),
        ok(
            Source.GO_1_5_1,
            "# HELP c_total Counts things.\n# TYPE c_total counter\nc_total 5\nc_total{x=\"y\"} 6\n",
            """
            c_total COUNTER help="Counts things."
              {} counter=5.0
              {x="y"} counter=6.0"""),
        ok(
            Source.GO_1_5_1,
            "# HELP g A gauge.\n# TYPE g gauge\ng -1.5\n",
            """
            g GAUGE help="A gauge."
              {} gauge=-1.5"""),
        // HELP with a name and only blanks after it is ignored: no help at all.
        ok(
            Source.GO_1_5_1,
            "# HELP hx \nhx 1\n",
            """
            hx UNTYPED
              {} untyped=1.0"""),
        ok(
            Source.GO_1_5_1,
            "# HELP hx Only help.\nhx 1\n",
            """
            hx UNTYPED help="Only help."
              {} untyped=1.0"""),
        // No blank is needed after '#'; trailing blanks and \r stay in the docstring.
        ok(
            Source.GO_1_5_1,
            "#HELP\thx\t Tabs  \r\n  \t#   TYPE    hx   gauge\nhx 1\n",
            """
            hx GAUGE help="Tabs  \\r"
              {} gauge=1.0"""),
        ok(
            Source.GO_1_5_1,
            "# HELP h2 a\\\\b\\nc\nh2 1\n",
            """
            h2 UNTYPED help="a\\\\b\\nc"
              {} untyped=1.0"""),
        ok(
            Source.EXPFMT_HEAD,
            "# HELP h2 say \\\"hi\\\"\nh2 1\n",
            """
            h2 UNTYPED help="say \\"hi\\""
              {} untyped=1.0"""),
        ok(
            Source.GO_1_5_1,
            "# TYPE a COUNTER\na 1\n# TYPE b Gauge\nb 2\n# TYPE c \u017fummary\nc_count 3\n",
            """
            a COUNTER
              {} counter=1.0
            b GAUGE
              {} gauge=2.0
            c SUMMARY
              {} summary(count=3 sum=- q=[])"""),
        // TYPE values lose their backslashes.
        ok(
            Source.GO_1_5_1,
            "# TYPE h HIST\\OGRAM\nh_count 1\n",
            """
            h HISTOGRAM
              {} histogram(count=1 countf=- sum=- b=[])"""),
        ok(
            Source.GO_1_5_1,
            "# TYPE g gauge_histogram\ng_bucket{le=\"1\"} 2\n",
            """
            g GAUGE_HISTOGRAM
              {} histogram(count=- countf=- sum=- b=[1.0:2])"""),
        ok(
            Source.EXPFMT_HEAD,
            "# TYPE g GaugeHistogram\ng_bucket{le=\"1\"} 2\ng_count 2\ng_sum 1.5\n",
            """
            g GAUGE_HISTOGRAM
              {} histogram(count=2 countf=- sum=1.5 b=[1.0:2])"""),
        ok(
            Source.GO_1_5_1,
            "foo{a=\"1\"} 1\nbar 1\nfoo{a=\"2\"} 2\n",
            """
            foo UNTYPED
              {a="1"} untyped=1.0
              {a="2"} untyped=2.0
            bar UNTYPED
              {} untyped=1.0"""),
        ok(
            Source.GO_1_5_1,
            "foo 1\nfoo 2\nbar{a=\"1\",b=\"2\"} 1\nbar{b=\"2\",a=\"1\"} 2\n",
            """
            foo UNTYPED
              {} untyped=1.0
              {} untyped=2.0
            bar UNTYPED
              {a="1",b="2"} untyped=1.0
              {a="1",b="2"} untyped=2.0"""),
        ok(
            Source.GO_1_5_1,
            "\n   m 1\n\t n{ a = \"1\" , } 2\n\n",
            """
            m UNTYPED
              {} untyped=1.0
            n UNTYPED
              {a="1"} untyped=2.0"""),
        ok(
            Source.GO_1_5_1,
            "m{} 2\nh8{a=\"x\",} 1\nk {z=\"1\",a=\"2\"}3\n:a:b_9 4\nfoo 1\n   ",
            """
            m UNTYPED
              {} untyped=2.0
            h8 UNTYPED
              {a="x"} untyped=1.0
            k UNTYPED
              {a="2",z="1"} untyped=3.0
            :a:b_9 UNTYPED
              {} untyped=4.0
            foo UNTYPED
              {} untyped=1.0"""),
        // The parser accepts other "__" names; the consistency check rejects them.
        ok(
            Source.GO_1_5_1,
            "h7{__x=\"x\"} 1\n",
            """
            h7 UNTYPED
              {__x="x"} untyped=1.0"""),
        ok(
            Source.GO_1_5_1,
            "h4{a=\"x\\\"y\\\\z\\nw\"} 1\nu{v=\"\u03a0\u03c1 \u2028 \u00e9\"} 1\n",
            """
            h4 UNTYPED
              {a="x\\"y\\\\z\\nw"} untyped=1.0
            u UNTYPED
              {v="\u03a0\u03c1 \\u2028 \u00e9"} untyped=1.0"""),
        // Timestamps are kept (the store rejects them).
        ok(
            Source.GO_1_5_1,
            "foo 1 1000\nfoo 2 -5\nfoo 3 +7\nfoo 4 -9223372036854775808\n",
            """
            foo UNTYPED
              {} untyped=1.0 @1000
              {} untyped=2.0 @-5
              {} untyped=3.0 @7
              {} untyped=4.0 @-9223372036854775808"""),
        // _sum, _count and _bucket are folded only into an already declared family.
        ok(
            Source.GO_1_5_1,
            "x_sum 1\nx_count 2\ny_bucket{le=\"1\"} 3\n# TYPE x summary\nx_count 4\n",
            """
            x_sum UNTYPED
              {} untyped=1.0
            x_count UNTYPED
              {} untyped=2.0
              {} untyped=4.0
            y_bucket UNTYPED
              {le="1"} untyped=3.0"""),
        ok(
            Source.GO_1_5_1,
            "# TYPE x counter\nx_count 1\n# TYPE h histogram\nh_total 2\n",
            """
            x_count UNTYPED
              {} untyped=1.0
            h_total UNTYPED
              {} untyped=2.0"""),
        ok(
            Source.GO_1_5_1,
            "# TYPE x summary\n# HELP x_count The count.\nx_count 1\n",
            """
            x SUMMARY help="The count."
              {} summary(count=1 sum=- q=[])"""),
        ok(
            Source.GO_1_5_1,
            "# HELP s A summary.\n# TYPE s summary\ns{quantile=\"0.5\"} 0.1\ns{quantile=\"0.9\"} 0.4\n"
                + "s{quantile=\"0.99\"} 0.5\ns_sum 12.5\ns_count 100\n",
            """
            s SUMMARY help="A summary."
              {} summary(count=100 sum=12.5 q=[0.5:0.1, 0.9:0.4, 0.99:0.5])"""),
        ok(
            Source.GO_1_5_1,
            "# TYPE s2 summary\ns2{quantile=\"0.5\",a=\"x\"} 1\ns2_count 3\ns2{a=\"y\",quantile=\"0.9\"} 7\n",
            """
            s2 SUMMARY
              {a="x"} summary(count=- sum=- q=[0.5:1.0])
              {} summary(count=3 sum=- q=[])
              {a="y"} summary(count=- sum=- q=[0.9:7.0])"""),
        // Label order does not matter for folding; a line without quantile adds nothing.
        ok(
            Source.GO_1_5_1,
            "# TYPE s summary\ns{b=\"2\",a=\"1\",quantile=\"0.5\"} 1\ns{a=\"1\",b=\"2\"} 9\n"
                + "s_sum{a=\"1\",b=\"2\"} 3\ns_sum{b=\"2\",a=\"1\"} 4\n",
            """
            s SUMMARY
              {a="1",b="2"} summary(count=- sum=4.0 q=[0.5:1.0])"""),
        // quantile is special only in summaries (repeating it is fine), le only in histograms.
        ok(
            Source.GO_1_5_1,
            "# TYPE s summary\ns{quantile=\"1\",quantile=\"2\"} 5\ns{quantile=\"NaN\"} 6\ns{le=\"1\"} 7\n",
            """
            s SUMMARY
              {} summary(count=- sum=- q=[2.0:5.0])
              {le="1"} summary(count=- sum=- q=[])"""),
        ok(
            Source.GO_1_5_1,
            "# TYPE s summary\ns_count -1\ns_count{a=\"nan\"} NaN\ns_count{a=\"frac\"} 2.7\n"
                + "s_count{a=\"neg\"} -1.5\ns_count{a=\"big\"} 1e30\ns_count{a=\"high\"} 9.3e18\n",
            """
            s SUMMARY
              {} summary(count=18446744073709551615 sum=- q=[])
              {a="nan"} summary(count=9223372036854775808 sum=- q=[])
              {a="frac"} summary(count=2 sum=- q=[])
              {a="neg"} summary(count=18446744073709551615 sum=- q=[])
              {a="big"} summary(count=9223372036854775808 sum=- q=[])
              {a="high"} summary(count=9300000000000000000 sum=- q=[])"""),
        ok(
            Source.GO_1_5_1,
            "# HELP h A histogram.\n# TYPE h histogram\nh_bucket{le=\"0.1\"} 3\nh_bucket{le=\"1\"} 17\n"
                + "h_bucket{le=\"+Inf\"} 20\nh_sum 99.23\nh_count 20\n",
            """
            h HISTOGRAM help="A histogram."
              {} histogram(count=20 countf=- sum=99.23 b=[0.1:3, 1.0:17, Infinity:20])"""),
        // A bucket line needs le but not the _bucket suffix; le="NaN" adds no bucket.
        ok(
            Source.GO_1_5_1,
            "# TYPE h histogram\nh_bucket 5\nh_bucket{le=\"NaN\"} 5\nh{le=\"3\"} 4\n"
                + "h_bucket{le=\"1e3\",a=\"b\"} 1\n",
            """
            h HISTOGRAM
              {} histogram(count=- countf=- sum=- b=[3.0:4])
              {a="b"} histogram(count=- countf=- sum=- b=[1000.0:1])"""),
        // Float counts (current expfmt): if any count is not integral, all become floats.
        ok(
            Source.EXPFMT_HEAD,
            "# TYPE h histogram\nh_bucket{le=\"1\"} 1.5\nh_bucket{le=\"2\"} 3\nh_count 3\n"
                + "h_bucket{a=\"int\",le=\"1\"} 2\nh_count{a=\"int\"} 2\n"
                + "h_bucket{a=\"nocount\",le=\"1\"} 0.5\n"
                + "h_count{a=\"big\"} 1e20\n",
            """
            h HISTOGRAM
              {} histogram(count=- countf=3.0 sum=- b=[1.0:f1.5, 2.0:f3.0])
              {a="int"} histogram(count=2 countf=- sum=- b=[1.0:2])
              {a="nocount"} histogram(count=- countf=0.0 sum=- b=[1.0:f0.5])
              {a="big"} histogram(count=- countf=1.0E20 sum=- b=[])"""),
        ok(
            Source.EXPFMT_HEAD,
            "# TYPE h histogram\nh_bucket{le=\"1\"} -0\nh_bucket{le=\"2\"} 9223372036854775808\n",
            """
            h HISTOGRAM
              {} histogram(count=- countf=- sum=- b=[1.0:0, 2.0:9223372036854775808])"""),
        // A timestamp on any line of a summary or histogram goes to the folded metric.
        ok(
            Source.GO_1_5_1,
            "# TYPE s summary\ns{quantile=\"0.5\"} 1\ns_count 2 1234\n",
            """
            s SUMMARY
              {} summary(count=2 sum=- q=[0.5:1.0]) @1234"""),
        ok(
            Source.GO_1_5_1,
            "v{k=\"a\"} 1e3\nv{k=\"b\"} 1E3\nv{k=\"c\"} 1e-7\nv{k=\"f\"} .5\nv{k=\"g\"} +5\n"
                + "v{k=\"h\"} 5.\nv{k=\"i\"} 1.5e+2\nv{k=\"j\"} 00012\nv{k=\"k\"} 1e-400\n"
                + "v{k=\"l\"} 0e99999999999999999999\nv{k=\"m\"} 2.4703282292062328e-324\n"
                + "v{k=\"n\"} 1.7976931348623158e308\nv{k=\"o\"} 123456789012345678\n",
            """
            v UNTYPED
              {k="a"} untyped=1000.0
              {k="b"} untyped=1000.0
              {k="c"} untyped=1.0E-7
              {k="f"} untyped=0.5
              {k="g"} untyped=5.0
              {k="h"} untyped=5.0
              {k="i"} untyped=150.0
              {k="j"} untyped=12.0
              {k="k"} untyped=0.0
              {k="l"} untyped=0.0
              {k="m"} untyped=4.9E-324
              {k="n"} untyped=1.7976931348623157E308
              {k="o"} untyped=1.2345678901234568E17"""),
        ok(
            Source.GO_1_5_1,
            "v{k=\"a\"} NaN\nv{k=\"b\"} +Inf\nv{k=\"c\"} -Inf\nv{k=\"d\"} Inf\nv{k=\"e\"} inf\n"
                + "v{k=\"f\"} Infinity\nv{k=\"g\"} nan\nv{k=\"h\"} -iNfInItY\nnz -0\nnz2 -0.0\n",
            """
            v UNTYPED
              {k="a"} untyped=NaN
              {k="b"} untyped=Infinity
              {k="c"} untyped=-Infinity
              {k="d"} untyped=Infinity
              {k="e"} untyped=Infinity
              {k="f"} untyped=Infinity
              {k="g"} untyped=NaN
              {k="h"} untyped=-Infinity
            nz UNTYPED
              {} untyped=-0.0
            nz2 UNTYPED
              {} untyped=-0.0"""),
        ok(
            Source.GO_1_5_1,
            "# TYPE h histogram\nh_bucket{le=\"1e3\"} 1\nh_bucket{le=\"0.50\"} 0\n"
                + "# TYPE s summary\ns{quantile=\"0.50\"} 1\ns{quantile=\"1e-2\"} 2\n",
            """
            h HISTOGRAM
              {} histogram(count=- countf=- sum=- b=[1000.0:1, 0.5:0])
            s SUMMARY
              {} summary(count=- sum=- q=[0.5:1.0, 0.01:2.0])"""),
        // Quoted names (current expfmt), validated as legacy names.
        ok(
            Source.EXPFMT_HEAD,
            "# HELP \"q\" Quoted.\n# TYPE \"q\" counter\n{\"q\"} 1\n{\"q\",a=\"1\"} 2\n"
                + "{a=\"2\", \"q\"} 3\n\"q\" 4\nq{\"b\"=\"3\"} 5\n{ \"q\" , \"c\" = \"4\" , } 6\n{q} 7\n",
            """
            q COUNTER help="Quoted."
              {} counter=1.0
              {a="1"} counter=2.0
              {a="2"} counter=3.0
              {} counter=4.0
              {b="3"} counter=5.0
              {c="4"} counter=6.0
              {} counter=7.0"""),
        ok(
            Source.EXPFMT_HEAD,
            "# TYPE s summary\n{\"s\",quantile=\"0.5\",a=\"x\"} 1\n{a=\"x\",quantile=\"0.9\",\"s\"} 2\n"
                + "{\"s_count\",a=\"x\"} 3\n",
            """
            s SUMMARY
              {a="x"} summary(count=3 sum=- q=[0.5:1.0, 0.9:2.0])"""));
  }

  private static Arguments ok(Source source, String body, String rendering) {
    return Arguments.of(source, body, rendering);
  }

  @ParameterizedTest(name = "[{index}] {0}: {1}")
  @MethodSource("validCases")
  void parse_acceptsValidBodies(Source source, String body, String rendering) {
    assertThat(parseAndRender(body)).isEqualTo(rendering);
  }

  @Test
  void parse_buildsModelObjectsWithPresence() {
    byte[] body =
        body(
            "# HELP c Help.\n# TYPE c counter\nc{b=\"2\",a=\"1\"} 1.5\n# TYPE g gauge\ng 2\nu 3\n");

    List<MetricFamily> families = TextParser.parse(body);

    assertThat(families).extracting(MetricFamily::name).containsExactly("c", "g", "u");
    MetricFamily c = families.get(0);
    assertThat(c.help()).isEqualTo("Help.");
    assertThat(c.type()).isEqualTo(MetricType.COUNTER);
    assertThat(c.unit()).isNull();
    Metric counter = c.metrics().get(0);
    assertThat(counter.labels()).isEqualTo(Labels.of("a", "1", "b", "2"));
    assertThat(counter.counter()).isEqualTo(new Counter(1.5, true, null, null));
    assertThat(counter.gauge()).isNull();
    assertThat(counter.untyped()).isNull();
    assertThat(counter.summary()).isNull();
    assertThat(counter.histogram()).isNull();
    assertThat(counter.timestampMs()).isNull();
    assertThat(families.get(1).help()).isNull();
    assertThat(families.get(1).metrics().get(0).gauge()).isEqualTo(SimpleValue.of(2));
    assertThat(families.get(2).type()).isEqualTo(MetricType.UNTYPED);
    assertThat(families.get(2).metrics().get(0).untyped()).isEqualTo(SimpleValue.of(3));
  }

  @Test
  void parse_setsSummaryAndHistogramFieldsOnlyWhenSeen() {
    List<MetricFamily> families =
        TextParser.parse(
            body(
                "# TYPE s summary\ns{quantile=\"0.5\"} 1\ns_sum{a=\"1\"} 2\n"
                    + "# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_sum{a=\"1\"} 2\n"));

    Summary s0 = families.get(0).metrics().get(0).summary();
    Summary s1 = families.get(0).metrics().get(1).summary();
    assertThat(s0).isEqualTo(new Summary(0, false, 0, false, List.of(Quantile.of(0.5, 1)), null));
    assertThat(s1).isEqualTo(new Summary(0, false, 2, true, List.of(), null));
    Histogram h0 = families.get(1).metrics().get(0).histogram();
    Histogram h1 = families.get(1).metrics().get(1).histogram();
    assertThat(h0).isNotNull();
    assertThat(h1).isNotNull();
    for (Histogram.Field field : Histogram.Field.values()) {
      assertThat(h0.has(field)).as(field.name()).isFalse();
      assertThat(h1.has(field)).as(field.name()).isEqualTo(field == Histogram.Field.SAMPLE_SUM);
    }
    assertThat(h0.buckets()).containsExactly(Bucket.of(1, 1));
    assertThat(h0.isNative()).isFalse();
  }

  @Test
  void parse_usesGoNanBits() {
    List<MetricFamily> families = TextParser.parse(body("x NaN\ny nan\n"));

    for (MetricFamily f : families) {
      SimpleValue v = f.metrics().get(0).untyped();
      assertThat(v).isNotNull();
      assertThat(Double.doubleToRawLongBits(v.value())).isEqualTo(0x7FF8000000000001L);
    }
  }

  @Test
  void parse_keepsNegativeZero() {
    SimpleValue v = TextParser.parse(body("x -0\n")).get(0).metrics().get(0).untyped();

    assertThat(v).isNotNull();
    assertThat(Double.doubleToRawLongBits(v.value())).isEqualTo(Double.doubleToRawLongBits(-0.0));
  }

  @Test
  void parse_readsOnlyTheGivenRange() {
    byte[] bytes = body("garbage{x 1\na 2\n}}}");

    List<MetricFamily> families = TextParser.parse(bytes, 12, 4);

    assertThat(render(families)).isEqualTo("a UNTYPED\n  {} untyped=2.0");
  }

  @Test
  void parse_reportsErrorsAtTheRangeEnd() {
    byte[] bytes = body("a 1\nb 2\n");

    assertThatThrownBy(() -> TextParser.parse(bytes, 0, 7))
        .isInstanceOf(ParseException.class)
        .hasMessage(PFX + "2: unexpected end of input stream");
  }

  @Test
  void parse_givesEqualResultsTwice() {
    String text =
        "# HELP s S.\n# TYPE s summary\ns{quantile=\"0.5\",a=\"x\"} 1\ns_sum{a=\"x\"} 2\n"
            + "# TYPE h histogram\nh_bucket{le=\"1\"} 1.5\nh_count 2\nc{a=\"1\"} 1\nc{a=\"2\"} 2\n";
    byte[] bytes = body(text);

    String first = describeExactly(TextParser.parse(bytes));
    String second = describeExactly(TextParser.parse(bytes.clone()));

    assertThat(second).isEqualTo(first);
    assertThat(first).contains("h=histogram(count=- countf=2.0 sum=- b=[1.0:f1.5])");
  }

  @Test
  void parse_acceptsUtf8NamesWhenEnabled() {
    byte[] bytes = body("# TYPE \"my.metric\" gauge\n{\"my.metric\",\"dotted.label\"=\"v\"} 42\n");

    assertThatThrownBy(() -> TextParser.parse(bytes))
        .hasMessage(PFX + "1: invalid metric name \"my.metric\"");
    assertThat(render(TextParser.parse(bytes, 0, bytes.length, true)))
        .isEqualTo("my.metric GAUGE\n  {dotted.label=\"v\"} gauge=42.0");
  }

  @Test
  void parse_rejectsInvalidUtf8NamesEvenWhenEnabled() {
    byte[] bytes = body("{\"a" + FF + "\"} 1\n");

    assertThatThrownBy(() -> TextParser.parse(bytes, 0, bytes.length, true))
        .hasMessage(PFX + "1: invalid metric name \"a\\xff\"");
  }

  @Test
  void parse_handlesLargeBodies() {
    StringBuilder sb = new StringBuilder("# TYPE big_seconds histogram\n");
    for (int i = 0; i < 2000; i++) {
      sb.append("big_seconds_bucket{instance=\"i").append(i).append("\",le=\"1\"} 1\n");
      sb.append("big_seconds_count{instance=\"i").append(i).append("\"} 1\n");
      sb.append("plain{instance=\"i").append(i).append("\"} ").append(i).append('\n');
    }

    List<MetricFamily> families = TextParser.parse(body(sb.toString()));

    assertThat(families).hasSize(2);
    assertThat(families.get(0).metrics()).hasSize(2000);
    assertThat(families.get(1).metrics()).hasSize(2000);
    assertThat(families.get(1).metrics().get(1999).untyped()).isEqualTo(SimpleValue.of(1999));
  }
}
