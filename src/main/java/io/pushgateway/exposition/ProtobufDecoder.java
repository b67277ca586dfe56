package io.pushgateway.exposition;

import static io.pushgateway.exposition.ProtobufWire.FIXED64;
import static io.pushgateway.exposition.ProtobufWire.LEN;
import static io.pushgateway.exposition.ProtobufWire.VARINT;
import static io.pushgateway.exposition.ProtobufWire.is;

import io.pushgateway.gocompat.GoQuote;
import io.pushgateway.model.Counter;
import io.pushgateway.model.Exemplar;
import io.pushgateway.model.Histogram;
import io.pushgateway.model.Labels;
import io.pushgateway.model.Metric;
import io.pushgateway.model.MetricFamily;
import io.pushgateway.model.MetricType;
import io.pushgateway.model.Quantile;
import io.pushgateway.model.SeriesLabeler;
import io.pushgateway.model.SimpleValue;
import io.pushgateway.model.Summary;
import io.pushgateway.model.Timestamp;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Decodes one {@code MetricFamily} message at a time straight into the model, keeping which
 * optional fields were present.
 *
 * <p>Protobuf semantics are kept exactly: for a singular field that occurs twice the last value
 * wins, and a singular embedded message that occurs twice is merged (each parse method continues
 * from the value decoded so far). Unknown fields, and fields whose wire type does not match, are
 * skipped and dropped.
 *
 * <p>Problems the Go Pushgateway would only notice later or not at all (invalid UTF-8, an empty
 * name, an unknown type) do not stop decoding: the first one of a family is reported by {@link
 * #problem()} after {@link #decodeFamily}, worded with the family's name, which may come last.
 */
final class ProtobufDecoder {
  private static final String LABEL_PAIR = "io_prometheus_client.LabelPair";

  private final ProtobufWire wire;
  private final ParseLimits limits;
  private final SeriesLabeler seriesLabels;
  private int seriesCount;
  private int familyNumber;
  private String familyName = "";
  private final ProtobufHistogramDecoder histograms;
  private final ProtobufLabelBuffer metricLabels = new ProtobufLabelBuffer();
  private final ProtobufLabelBuffer exemplarLabels = new ProtobufLabelBuffer();
  private @Nullable Function<String, String> pendingProblem;
  private @Nullable String problem;

  ProtobufDecoder(ProtobufWire wire, ParseLimits limits, SeriesLabeler seriesLabels) {
    this.wire = wire;
    this.seriesLabels = seriesLabels;
    this.limits = limits;
    this.histograms = new ProtobufHistogramDecoder(wire, this);
  }

  /**
   * Decodes the message up to the current limit.
   *
   * @param number the message's position in the body (1-based), for error messages
   */
  MetricFamily decodeFamily(int number) throws IOException {
    pendingProblem = null;
    problem = null;
    familyNumber = number;
    familyName = "";
    String name = "";
    @Nullable String nameProblem = null;
    @Nullable String help = null;
    @Nullable MetricType type = null;
    @Nullable String unit = null;
    List<Metric> metrics = new ArrayList<>();
    while (!wire.atEnd()) {
      long tag = wire.readTag("io_prometheus_client.MetricFamily");
      if (is(tag, 1, LEN)) {
        name = wire.readString();
        nameProblem = wire.lastStringValid() ? null : wire.quoteLastString();
        if (wire.lastStringLength() > limits.maxNameLength()) {
          throw limits.metricNameTooLong(
              wire.lastStringLength(), "metric family number " + number + " in the push body");
        }
        familyName = name;
      } else if (is(tag, 2, LEN)) {
        help = readChecked(" has a help text that is not utf8: ");
      } else if (is(tag, 3, VARINT)) {
        type = readType();
      } else if (is(tag, 4, LEN)) {
        if (++seriesCount > limits.maxSeries()) {
          throw limits.tooManySeries("in metric family number " + number);
        }
        metrics.add(decodeMetric());
      } else if (is(tag, 5, LEN)) {
        unit = readChecked(" has a unit that is not utf8: ");
      } else {
        wire.skipField(tag);
      }
    }
    problem = familyProblem(number, name, nameProblem);
    return new MetricFamily(name, help, type, unit, metrics);
  }

  /** The first problem of the family decoded last, as a complete message, or null. */
  @Nullable String problem() {
    return problem;
  }

  private @Nullable String familyProblem(int number, String name, @Nullable String nameProblem) {
    if (nameProblem != null) {
      return "metric family name " + nameProblem + " is not utf8";
    }
    if (name.isEmpty()) {
      return "metric family number " + number + " in the push body has an empty name";
    }
    if (hasSpaceOrControl(name)) {
      // Go stores it and writes it unescaped: the scrape's lines break, or a name with a newline
      // injects lines of its own. (Other invalid names, like "a.b", are exposed as Go does.)
      return "metric family name " + GoQuote.quote(name) + " has a space or control character";
    }
    Function<String, String> pending = pendingProblem;
    return pending == null ? null : pending.apply("metric family " + GoQuote.quote(name));
  }

  private static boolean hasSpaceOrControl(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c <= ' ' || c == 0x7F || Character.isSpaceChar(c) || Character.isISOControl(c)) {
        return true;
      }
    }
    return false;
  }

  /** Records a problem unless an earlier one exists; the function gets "metric family "x"". */
  private void noteProblem(Function<String, String> describe) {
    if (pendingProblem == null) {
      pendingProblem = describe;
    }
  }

  private String readChecked(String what) throws IOException {
    String s = wire.readString();
    if (!wire.lastStringValid()) {
      String quoted = wire.quoteLastString();
      noteProblem(family -> family + what + quoted);
    }
    return s;
  }

  private @Nullable MetricType readType() throws IOException {
    int number = wire.readVarint32();
    MetricType type = MetricType.forNumber(number);
    if (type == null) {
      noteProblem(family -> family + " has an unknown metric type " + number);
    }
    return type;
  }

  private Metric decodeMetric() throws IOException {
    int oldLimit = wire.enterMessage();
    metricLabels.clear();
    SimpleValue gauge = null;
    Counter counter = null;
    Summary summary = null;
    SimpleValue untyped = null;
    Histogram histogram = null;
    Long timestampMs = null;
    while (!wire.atEnd()) {
      long tag = wire.readTag("io_prometheus_client.Metric");
      if (is(tag, 1, LEN)) {
        decodeLabelPair(metricLabels, "");
      } else if (is(tag, 2, LEN)) {
        gauge = decodeSimpleValue(gauge, "io_prometheus_client.Gauge");
      } else if (is(tag, 3, LEN)) {
        counter = decodeCounter(counter);
      } else if (is(tag, 4, LEN)) {
        summary = decodeSummary(summary);
      } else if (is(tag, 5, LEN)) {
        untyped = decodeSimpleValue(untyped, "io_prometheus_client.Untyped");
      } else if (is(tag, 6, VARINT)) {
        timestampMs = wire.readVarint64();
      } else if (is(tag, 7, LEN)) {
        histogram = histograms.decode(histogram);
      } else {
        wire.skipField(tag);
      }
    }
    wire.exitMessage(oldLimit);
    Labels labels = metricLabels.labels(seriesLabels);
    return new Metric(labels, gauge, counter, summary, untyped, histogram, timestampMs);
  }

  /** Decodes a label pair into {@code into}; {@code kind} is "" or "an exemplar " for messages. */
  private void decodeLabelPair(ProtobufLabelBuffer into, String kind) throws IOException {
    int oldLimit = wire.enterMessage();
    String name = "";
    String value = "";
    @Nullable String badName = null;
    @Nullable String badValue = null;
    int nameLength = 0;
    int valueLength = 0;
    while (!wire.atEnd()) {
      long tag = wire.readTag(LABEL_PAIR);
      if (is(tag, 1, LEN)) {
        name = wire.readString();
        nameLength = wire.lastStringLength();
        badName = wire.lastStringValid() ? null : wire.quoteLastString();
      } else if (is(tag, 2, LEN)) {
        value = wire.readString();
        valueLength = wire.lastStringLength();
        badValue = wire.lastStringValid() ? null : wire.quoteLastString();
      } else {
        wire.skipField(tag);
      }
    }
    wire.exitMessage(oldLimit);
    noteLabelProblem(kind, name, badName, badValue);
    if (kind.isEmpty()) {
      checkSeriesLabel(into, name, nameLength, valueLength);
    }
    into.add(name, value);
  }

  /** Checks a series label, about to be added to {@code labels}, against the limits. */
  private void checkSeriesLabel(
      ProtobufLabelBuffer labels, String name, int nameLength, int valueLength) {
    if (labels.labelCount() >= limits.maxLabelsPerSeries()) {
      throw limits.tooManyLabels(family());
    }
    if (nameLength > limits.maxNameLength()) {
      throw limits.labelNameTooLong(nameLength, family());
    }
    if (valueLength > limits.maxValueLength()) {
      throw limits.labelValueTooLong(valueLength, name, family());
    }
  }

  /** The family being decoded, for messages: by name once known, else by number. */
  private String family() {
    return familyName.isEmpty()
        ? "metric family number " + familyNumber + " in the push body"
        : "metric " + GoQuote.quote(familyName);
  }

  private void noteLabelProblem(
      String kind, String name, @Nullable String badName, @Nullable String badValue) {
    String article = kind.isEmpty() ? "a " : "an ";
    if (badName != null) {
      noteProblem(f -> f + " has " + article + kind + "label name that is not utf8: " + badName);
    } else if (badValue != null) {
      String quotedName = GoQuote.quote(name);
      noteProblem(
          f ->
              f
                  + " has "
                  + article
                  + kind
                  + "label named "
                  + quotedName
                  + " whose value is not utf8: "
                  + badValue);
    }
  }

  private SimpleValue decodeSimpleValue(@Nullable SimpleValue previous, String goTypeName)
      throws IOException {
    int oldLimit = wire.enterMessage();
    SimpleValue result = previous == null ? SimpleValue.absent() : previous;
    while (!wire.atEnd()) {
      long tag = wire.readTag(goTypeName);
      if (is(tag, 1, FIXED64)) {
        result = SimpleValue.of(wire.readDouble());
      } else {
        wire.skipField(tag);
      }
    }
    wire.exitMessage(oldLimit);
    return result;
  }

  private Counter decodeCounter(@Nullable Counter previous) throws IOException {
    int oldLimit = wire.enterMessage();
    double value = previous == null ? 0 : previous.value();
    boolean hasValue = previous != null && previous.hasValue();
    Exemplar exemplar = previous == null ? null : previous.exemplar();
    Timestamp created = previous == null ? null : previous.createdTimestamp();
    while (!wire.atEnd()) {
      long tag = wire.readTag("io_prometheus_client.Counter");
      if (is(tag, 1, FIXED64)) {
        value = wire.readDouble();
        hasValue = true;
      } else if (is(tag, 2, LEN)) {
        exemplar = decodeExemplar(exemplar);
      } else if (is(tag, 3, LEN)) {
        created = decodeTimestamp(created);
      } else {
        wire.skipField(tag);
      }
    }
    wire.exitMessage(oldLimit);
    return new Counter(value, hasValue, exemplar, created);
  }

  private Summary decodeSummary(@Nullable Summary previous) throws IOException {
    int oldLimit = wire.enterMessage();
    long count = previous == null ? 0 : previous.sampleCount();
    boolean hasCount = previous != null && previous.hasSampleCount();
    double sum = previous == null ? 0 : previous.sampleSum();
    boolean hasSum = previous != null && previous.hasSampleSum();
    List<Quantile> quantiles =
        previous == null ? new ArrayList<>() : new ArrayList<>(previous.quantiles());
    Timestamp created = previous == null ? null : previous.createdTimestamp();
    while (!wire.atEnd()) {
      long tag = wire.readTag("io_prometheus_client.Summary");
      if (is(tag, 1, VARINT)) {
        count = wire.readVarint64();
        hasCount = true;
      } else if (is(tag, 2, FIXED64)) {
        sum = wire.readDouble();
        hasSum = true;
      } else if (is(tag, 3, LEN)) {
        quantiles.add(decodeQuantile());
      } else if (is(tag, 4, LEN)) {
        created = decodeTimestamp(created);
      } else {
        wire.skipField(tag);
      }
    }
    wire.exitMessage(oldLimit);
    return new Summary(count, hasCount, sum, hasSum, quantiles, created);
  }

  private Quantile decodeQuantile() throws IOException {
    int oldLimit = wire.enterMessage();
    double quantile = 0;
    boolean hasQuantile = false;
    double value = 0;
    boolean hasValue = false;
    while (!wire.atEnd()) {
      long tag = wire.readTag("io_prometheus_client.Quantile");
      if (is(tag, 1, FIXED64)) {
        quantile = wire.readDouble();
        hasQuantile = true;
      } else if (is(tag, 2, FIXED64)) {
        value = wire.readDouble();
        hasValue = true;
      } else {
        wire.skipField(tag);
      }
    }
    wire.exitMessage(oldLimit);
    return new Quantile(quantile, hasQuantile, value, hasValue);
  }

  /** Decodes an exemplar, continuing from {@code previous} when the field occurs again. */
  Exemplar decodeExemplar(@Nullable Exemplar previous) throws IOException {
    int oldLimit = wire.enterMessage();
    exemplarLabels.clear();
    double value = 0;
    boolean hasValue = false;
    Timestamp timestamp = null;
    if (previous != null) {
      exemplarLabels.addAll(previous);
      value = previous.value();
      hasValue = previous.hasValue();
      timestamp = previous.timestamp();
    }
    while (!wire.atEnd()) {
      long tag = wire.readTag("io_prometheus_client.Exemplar");
      if (is(tag, 1, LEN)) {
        decodeLabelPair(exemplarLabels, "exemplar ");
      } else if (is(tag, 2, FIXED64)) {
        value = wire.readDouble();
        hasValue = true;
      } else if (is(tag, 3, LEN)) {
        timestamp = decodeTimestamp(timestamp);
      } else {
        wire.skipField(tag);
      }
    }
    wire.exitMessage(oldLimit);
    return new Exemplar(exemplarLabels.toArray(), value, hasValue, timestamp);
  }

  /** Decodes a google.protobuf.Timestamp, continuing from {@code previous}. */
  Timestamp decodeTimestamp(@Nullable Timestamp previous) throws IOException {
    int oldLimit = wire.enterMessage();
    long seconds = previous == null ? 0 : previous.seconds();
    int nanos = previous == null ? 0 : previous.nanos();
    while (!wire.atEnd()) {
      long tag = wire.readTag("timestamp.Timestamp");
      if (is(tag, 1, VARINT)) {
        seconds = wire.readVarint64();
      } else if (is(tag, 2, VARINT)) {
        nanos = wire.readVarint32();
      } else {
        wire.skipField(tag);
      }
    }
    wire.exitMessage(oldLimit);
    return new Timestamp(seconds, nanos);
  }
}
