package io.pushgateway.exposition;

import io.pushgateway.gocompat.GoFloatParser;
import io.pushgateway.gocompat.GoQuote;
import io.pushgateway.gocompat.GoUtf8;
import io.pushgateway.model.Counter;
import io.pushgateway.model.LabelNames;
import io.pushgateway.model.Labels;
import io.pushgateway.model.Metric;
import io.pushgateway.model.MetricFamily;
import io.pushgateway.model.MetricType;
import io.pushgateway.model.SeriesLabeler;
import io.pushgateway.model.SharedStrings;
import io.pushgateway.model.SimpleValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Parser for push bodies in the Prometheus text format 0.0.4, accepting and rejecting exactly what
 * the Go Pushgateway's parser (expfmt's {@code TextParser}) does, with the same error messages.
 *
 * <p>It follows Pushgateway 1.5.1, plus these later expfmt additions: {@code \"} in HELP, quoted
 * metric and label names ({@code {"name",a="1"}}, {@code # TYPE "name" gauge}), float histogram
 * counts and the {@code gaugehistogram} type. Deliberate deviations: a HELP docstring must be valid
 * UTF-8; a line starting with a label set but naming no metric is always rejected, and a quote
 * inside an unquoted name ends the name, as in 1.5.1.
 */
public final class TextParser {
  private static final String HEADER = "text format parsing error in line ";
  private static final String METRIC_NAME_LABEL = "__name__";
  private static final int ROLE_PLAIN = 0;
  private static final int ROLE_COUNT = 1;
  private static final int ROLE_SUM = 2;
  private static final int LINEAR_DUPLICATE_CHECK_PAIRS = 16;

  /** Bit 0: may start a metric name; bit 1: may continue one; bits 2 and 3: same for labels. */
  private static final byte[] NAME_CHARS = new byte[256];

  static {
    for (int c = 0; c < 256; c++) {
      boolean start = LabelNames.isLegacyStart(c);
      boolean part = LabelNames.isLegacyPart(c);
      int bits = 0;
      bits |= start || c == ':' ? 1 : 0;
      bits |= part || c == ':' ? 2 : 0;
      bits |= start ? 4 : 0;
      bits |= part ? 8 : 0;
      NAME_CHARS[c] = (byte) bits;
    }
  }

  private final byte[] buf;
  private final int end;
  private final boolean utf8Names;
  private final ParseLimits limits;
  private final SeriesLabeler seriesLabels;
  private int pos;
  private int seriesCount;

  /** The byte most recently read ({@code buf[pos - 1]}). */
  private int cur;

  private int line;

  private final Map<String, TextFamilyBuilder> families = new HashMap<>();
  private final List<TextFamilyBuilder> familyOrder = new ArrayList<>();

  /** The most recent name token: unquoted ones are a slice of buf, quoted ones are in scratch. */
  private byte[] tok;

  private int tokOff;
  private int tokLen;
  private boolean tokQuoted;
  private byte[] scratch = new byte[64];
  private int scratchLen;

  /** The most recent label value, as bytes (unescaped). */
  private byte[] val;

  private int valOff;
  private int valLen;

  private @Nullable TextFamilyBuilder lastResolvedFamily;
  private byte @Nullable [] lastNameBytes;
  private @Nullable TextFamilyBuilder lastNameFamily;
  private int lastNameRole;

  // State of the current sample line.
  private @Nullable TextFamilyBuilder family;
  private int role;
  private boolean nameInBraces;
  private String[] pairs = new String[16];
  private int pairLen;

  /** The names in {@code pairs}, kept once a line has many labels (null: not kept). */
  private @Nullable Set<String> pairNames;

  private double quantile;
  private double bucket;

  private TextParser(
      byte[] buf,
      int offset,
      int length,
      boolean utf8Names,
      ParseLimits limits,
      SeriesLabeler seriesLabels) {
    this.buf = buf;
    this.seriesLabels = seriesLabels;
    this.pos = offset;
    this.end = offset + length;
    this.utf8Names = utf8Names;
    this.limits = limits;
    this.tok = buf;
    this.val = buf;
  }

  /** Parses a whole push body with legacy (pre-UTF-8) name validation. */
  public static List<MetricFamily> parse(byte[] body) {
    return parse(body, 0, body.length);
  }

  /**
   * Parses {@code body[offset, offset+length)} with legacy name validation. Families come in order
   * of first appearance; families without samples are dropped.
   *
   * @throws ParseException with the Go gateway's 400 text if the body is not valid
   */
  public static List<MetricFamily> parse(byte[] body, int offset, int length) {
    return parse(body, offset, length, false);
  }

  /**
   * Like {@link #parse(byte[], int, int)}; with {@code utf8Names} quoted metric and label names may
   * be any non-empty valid UTF-8 (the Go gateway's {@code --push.enable-utf8-names}).
   */
  public static List<MetricFamily> parse(byte[] body, int offset, int length, boolean utf8Names) {
    return parse(body, offset, length, utf8Names, ParseLimits.NONE);
  }

  /**
   * Like {@link #parse(byte[], int, int, boolean)}, and stops as soon as the body exceeds one of
   * the {@code limits}.
   *
   * @throws PushLimitException if the body exceeds a limit (checked as the body is read, so a
   *     syntax error after that point is not reported)
   */
  public static List<MetricFamily> parse(
      byte[] body, int offset, int length, boolean utf8Names, ParseLimits limits) {
    return parse(body, offset, length, utf8Names, limits, SeriesLabeler.AS_READ);
  }

  /**
   * Like {@link #parse(byte[], int, int, boolean, ParseLimits)}, and replaces the labels of each
   * series by {@code seriesLabels} of their pairs (a push adds its grouping labels so): counters,
   * gauges and untyped series as they are read, which saves a second copy of every series of a
   * large body, summaries and histograms once folded.
   */
  public static List<MetricFamily> parse(
      byte[] body,
      int offset,
      int length,
      boolean utf8Names,
      ParseLimits limits,
      SeriesLabeler seriesLabels) {
    Objects.checkFromIndexSize(offset, length, body.length);
    TextParser p = new TextParser(body, offset, length, utf8Names, limits, seriesLabels);
    p.parseLines();
    return p.result();
  }

  private List<MetricFamily> result() {
    List<MetricFamily> out = new ArrayList<>(familyOrder.size());
    for (TextFamilyBuilder f : familyOrder) {
      if (!f.isEmpty()) {
        out.add(f.build(seriesLabels));
      }
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // Lines

  private void parseLines() {
    while (true) {
      line++;
      int c;
      do {
        if (pos >= end) {
          return; // the only place where the input may end
        }
        c = buf[pos++];
      } while (c == ' ' || c == '\t');
      cur = c & 0xFF;
      switch (cur) {
        case '#' -> comment();
        case '\n' -> {}
        case '{' -> sampleLine(true);
        default -> sampleLine(false);
      }
    }
  }

  private void comment() {
    skipBlankTab();
    if (cur == '\n') {
      return;
    }
    int keywordStart = pos - 1;
    skipToken();
    if (cur == '\n') {
      return;
    }
    int keywordLen = pos - 1 - keywordStart;
    boolean help = isKeyword(keywordStart, keywordLen, "HELP");
    if (!help && !isKeyword(keywordStart, keywordLen, "TYPE")) {
      while (cur != '\n') {
        next();
      }
      return;
    }
    skipBlankTab();
    readMetricNameToken();
    if (cur == '\n') {
      return;
    }
    if (!isBlankOrTab(cur)) {
      throw error("invalid metric name in comment");
    }
    resolveFamily();
    skipBlankTab();
    if (cur == '\n') {
      return;
    }
    if (help) {
      readHelp(currentFamily());
    } else {
      readType(currentFamily());
    }
  }

  private boolean isKeyword(int start, int len, String keyword) {
    if (len != keyword.length()) {
      return false;
    }
    for (int i = 0; i < len; i++) {
      if (buf[start + i] != keyword.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private void readHelp(TextFamilyBuilder f) {
    if (f.help != null) {
      throw error("second HELP line for metric name " + GoQuote.quote(f.name));
    }
    int start = pos - 1;
    int i = start;
    while (true) {
      if (i >= end) {
        pos = end;
        throw eofError();
      }
      byte c = buf[i];
      if (c == '\n') {
        break;
      }
      if (c == '\\') {
        pos = i + 1;
        readEscapedHelp(f, start, i);
        return;
      }
      i++;
    }
    pos = i + 1;
    cur = '\n';
    f.help = helpString(f, buf, start, i);
  }

  /** The rest of a docstring that has escapes, from the backslash at {@code buf[pos - 1]}. */
  private void readEscapedHelp(TextFamilyBuilder f, int start, int backslash) {
    scratchLen = 0;
    appendScratch(buf, start, backslash);
    cur = '\\';
    while (cur != '\n') {
      if (cur == '\\') {
        next();
        appendScratch(unescape(cur));
      } else {
        appendScratch(cur);
      }
      next();
    }
    f.help = helpString(f, scratch, 0, scratchLen);
  }

  /** The docstring, shared with an earlier equal one (every group pushes the same help). */
  private String helpString(TextFamilyBuilder f, byte[] b, int from, int to) {
    int utf8 = GoUtf8.check(b, from, to);
    if (utf8 == GoUtf8.INVALID) {
      // Go stores such bytes verbatim, but a Java String cannot hold them.
      throw error(
          "HELP docstring for metric name " + GoQuote.quote(f.name) + " is not valid UTF-8");
    }
    return utf8 == GoUtf8.ASCII
        ? SharedStrings.ascii(b, from, to - from)
        : SharedStrings.share(GoUtf8.decode(b, from, to, utf8));
  }

  private void readType(TextFamilyBuilder f) {
    if (f.type != null) {
      throw error(
          "second TYPE line for metric name "
              + GoQuote.quote(f.name)
              + ", or TYPE reported after samples");
    }
    readRestOfLineWithoutBackslashes();
    MetricType type = TextTypeNames.parse(scratch, 0, scratchLen);
    if (type == null) {
      throw error("unknown metric type " + GoQuote.quoteRange(scratch, 0, scratchLen));
    }
    f.type = type;
  }

  // ---------------------------------------------------------------------------------------------
  // Sample lines

  private void sampleLine(boolean startsWithBrace) {
    family = null;
    role = ROLE_PLAIN;
    pairLen = 0;
    pairNames = null;
    quantile = Double.NaN;
    bucket = Double.NaN;
    nameInBraces = false;
    if (startsWithBrace) {
      readLabels(true);
    } else {
      readMetricNameToken();
      if (tokLen == 0) {
        throw error("invalid metric name");
      }
      resolveFamily();
      setUntypedIfUnset();
      skipBlankTabIfCurrentBlankTab();
      if (cur == '{') {
        readLabels(false);
      }
    }
    readValueAndTimestamp();
  }

  private void setUntypedIfUnset() {
    TextFamilyBuilder f = currentFamily();
    if (f.type == null) {
      f.type = MetricType.UNTYPED;
    }
  }

  private TextFamilyBuilder currentFamily() {
    TextFamilyBuilder f = family;
    if (f == null) {
      throw new IllegalStateException("no family");
    }
    return f;
  }

  /**
   * The family named in messages. Before a line starting with '{' has named its family, expfmt
   * still holds the family of the last name it resolved (none at first: "").
   */
  private String familyNameForMessage() {
    TextFamilyBuilder f = family != null ? family : lastResolvedFamily;
    return f == null ? "" : f.name;
  }

  /** The current series for a limit's message: {@code metric "m" (line 3)}. */
  private String seriesForMessage() {
    return "metric " + GoQuote.quote(familyNameForMessage()) + " (line " + line + ")";
  }

  /** The label set; {@code cur} is its '{'. Returns with {@code cur} at the value's first byte. */
  private void readLabels(boolean braceLine) {
    while (true) {
      skipBlankTab();
      if (cur == '}') {
        if (family == null) {
          throw error("invalid metric name");
        }
        skipBlankTab();
        return;
      }
      readLabelNameToken();
      if (tokLen == 0) {
        throw error("invalid label name for metric " + GoQuote.quote(familyNameForMessage()));
      }
      if (braceLine) {
        skipBlankTabIfCurrentBlankTab();
        if (cur != '=') {
          if (metricNameInBraces()) {
            return;
          }
          continue;
        }
        checkReservedLabelName();
      } else {
        // Go 1.5.1 checks the reserved name before looking for '='.
        checkReservedLabelName();
        skipBlankTabIfCurrentBlankTab();
        if (cur != '=') {
          throw error("expected '=' after label name, found " + GoQuote.quoteRune(cur));
        }
      }
      if (readLabelPair()) {
        return;
      }
    }
  }

  /**
   * A name in a label set not followed by '=' on a line starting with '{': the metric name. Returns
   * true if the label set ended with it.
   */
  private boolean metricNameInBraces() {
    if (nameInBraces) {
      throw error("multiple metric names for metric " + GoQuote.quote(familyNameForMessage()));
    }
    if (cur != ',' && cur != '}') {
      throw error("unexpected end of metric name " + GoQuote.quoteRune(cur));
    }
    resolveFamily();
    setUntypedIfUnset();
    nameInBraces = true;
    foldSpecialLabelsReadSoFar();
    if (cur == ',') {
      return false;
    }
    skipBlankTab();
    return true;
  }

  private void checkReservedLabelName() {
    if (tokenEquals(METRIC_NAME_LABEL)) {
      throw error("label name \"__name__\" is reserved");
    }
  }

  private boolean tokenEquals(String s) {
    if (tokLen != s.length()) {
      return false;
    }
    for (int i = 0; i < tokLen; i++) {
      if (tok[tokOff + i] != s.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /**
   * From the '=' after a label name: the value and what follows it. Returns true if the label set
   * ended.
   */
  private boolean readLabelPair() {
    if (tokLen > limits.maxNameLength()) {
      throw limits.labelNameTooLong(tokLen, seriesForMessage());
    }
    String name = labelNameString();
    boolean special = isSpecialLabel(name);
    if (!special) {
      checkDuplicate(name);
      addPair(name);
    }
    skipBlankTab();
    if (cur != '"') {
      throw error("expected '\"' at start of label value, found " + GoQuote.quoteRune(cur));
    }
    readLabelValue();
    if (valLen > limits.maxValueLength()) {
      throw limits.labelValueTooLong(valLen, name, seriesForMessage());
    }
    int utf8 = GoUtf8.check(val, valOff, valOff + valLen);
    if (utf8 == GoUtf8.INVALID) {
      throw error("invalid label value " + GoQuote.quoteRange(val, valOff, valOff + valLen));
    }
    if (special) {
      setSpecial(name, val, valOff, valLen);
    } else {
      pairs[pairLen - 1] =
          utf8 == GoUtf8.ASCII
              ? SharedStrings.ascii(val, valOff, valLen)
              : GoUtf8.decode(val, valOff, valOff + valLen, utf8);
    }
    skipBlankTab();
    if (cur == ',') {
      return false;
    }
    if (cur == '}') {
      if (family == null) {
        throw error("invalid metric name");
      }
      skipBlankTab();
      return true;
    }
    throw error(
        "unexpected end of label value " + GoQuote.quoteRange(val, valOff, valOff + valLen));
  }

  private String labelNameString() {
    if (!tokQuoted) {
      return asciiString(tok, tokOff, tokLen);
    }
    if (!(utf8Names
        ? GoUtf8.isValid(tok, tokOff, tokOff + tokLen)
        : isLegacyName(tok, tokOff, tokLen, 4, 8))) {
      throw error("invalid label name " + GoQuote.quoteRange(tok, tokOff, tokOff + tokLen));
    }
    return GoUtf8.decodeValid(tok, tokOff, tokOff + tokLen);
  }

  private boolean isSpecialLabel(String name) {
    TextFamilyBuilder f = family;
    if (f == null || f.type == null) {
      return false;
    }
    return switch (f.type) {
      case SUMMARY -> name.equals("quantile");
      case HISTOGRAM, GAUGE_HISTOGRAM -> name.equals("le");
      default -> false;
    };
  }

  private void checkDuplicate(String name) {
    if (isDuplicate(name)) {
      throw error("duplicate label names for metric " + GoQuote.quote(familyNameForMessage()));
    }
  }

  /** A scan for the usual few labels; a set beyond that, so a huge label set stays linear. */
  private boolean isDuplicate(String name) {
    if (pairLen < 2 * LINEAR_DUPLICATE_CHECK_PAIRS) {
      for (int i = 0; i < pairLen; i += 2) {
        if (pairs[i].equals(name)) {
          return true;
        }
      }
      return false;
    }
    Set<String> names = pairNames;
    if (names == null) {
      names = new HashSet<>();
      for (int i = 0; i < pairLen; i += 2) {
        names.add(pairs[i]);
      }
      pairNames = names;
    }
    return names.contains(name);
  }

  private void addPair(String name) {
    if (pairLen / 2 >= limits.maxLabelsPerSeries()) {
      throw limits.tooManyLabels(seriesForMessage());
    }
    if (pairLen + 2 > pairs.length) {
      pairs = Arrays.copyOf(pairs, pairs.length * 2);
    }
    pairs[pairLen] = name;
    pairs[pairLen + 1] = "";
    pairLen += 2;
    if (pairNames != null) {
      pairNames.add(name);
    }
  }

  /** A {@code quantile} (summary) or {@code le} (histogram) label: its value must be a float. */
  private void setSpecial(String name, byte[] b, int off, int len) {
    double v;
    try {
      v = GoFloatParser.parseFloat(b, off, len);
    } catch (GoFloatParser.InvalidNumberException e) {
      throw error(
          "expected float as value for '"
              + name
              + "' label, got "
              + GoQuote.quoteRange(b, off, off + len));
    }
    if (name.equals("le")) {
      bucket = v;
    } else {
      quantile = v;
    }
  }

  /**
   * On a line like {@code {a="1","name",quantile="0.5"}} the family is known only after some labels
   * were read; treat those read before it as if the name had come first.
   */
  private void foldSpecialLabelsReadSoFar() {
    int kept = 0;
    for (int i = 0; i < pairLen; i += 2) {
      String name = pairs[i];
      String value = pairs[i + 1];
      if (isSpecialLabel(name)) {
        byte[] b = value.getBytes(StandardCharsets.UTF_8);
        setSpecial(name, b, 0, b.length);
      } else {
        pairs[kept++] = name;
        pairs[kept++] = value;
      }
    }
    pairLen = kept;
    pairNames = null;
  }

  /** The quoted label value starting at {@code cur == '"'}; leaves {@code cur} at its end quote. */
  private void readLabelValue() {
    int start = pos;
    int i = start;
    while (true) {
      if (i >= end) {
        pos = end;
        throw eofError();
      }
      byte c = buf[i];
      if (c == '"') {
        break;
      }
      if (c == '\\') {
        pos = i + 1;
        readEscapedLabelValue(start, i);
        return;
      }
      if (c == '\n') {
        throw unescapedNewLine("label value", buf, start, i);
      }
      i++;
    }
    pos = i + 1;
    cur = '"';
    val = buf;
    valOff = start;
    valLen = i - start;
  }

  private void readEscapedLabelValue(int start, int backslash) {
    scratchLen = 0;
    appendScratch(buf, start, backslash);
    cur = '\\';
    while (cur != '"') {
      if (cur == '\\') {
        next();
        appendScratch(unescape(cur));
      } else if (cur == '\n') {
        throw unescapedNewLine("label value", scratch, 0, scratchLen);
      } else {
        appendScratch(cur);
      }
      next();
    }
    val = scratch;
    valOff = 0;
    valLen = scratchLen;
  }

  private ParseException unescapedNewLine(String what, byte[] b, int from, int to) {
    return error(what + " " + GoQuote.quoteRange(b, from, to) + " contains unescaped new-line");
  }

  /**
   * The byte an escape sequence stands for: {@code \\}, {@code \n} or {@code \"}. (Go 1.5.1
   * rejected {@code \"} in HELP; current expfmt accepts it, and so does this parser.)
   */
  private int unescape(int c) {
    return switch (c) {
      case '\\' -> '\\';
      case 'n' -> '\n';
      case '"' -> '"';
      default -> throw error("invalid escape sequence '\\" + (char) c + "'");
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Value and timestamp

  /** From the value's first byte ({@code cur}) to the end of the line. */
  private void readValueAndTimestamp() {
    int start = pos - 1;
    skipToken();
    double value;
    try {
      value = GoFloatParser.parseFloat(buf, start, pos - 1 - start);
    } catch (GoFloatParser.InvalidNumberException e) {
      throw error("expected float as value, got " + GoQuote.quoteRange(buf, start, pos - 1));
    }
    Long timestamp = cur == '\n' ? null : readTimestamp();
    TextFamilyBuilder f = currentFamily();
    MetricType type = Objects.requireNonNull(f.type);
    int before = f.seriesCount();
    switch (type) {
      case COUNTER ->
          f.add(
              timestamp == null
                  ? Metric.counter(labels(), value)
                  : new Metric(labels(), null, Counter.of(value), null, null, null, timestamp));
      case GAUGE ->
          f.add(
              timestamp == null
                  ? Metric.gauge(labels(), value)
                  : new Metric(labels(), SimpleValue.of(value), null, null, null, null, timestamp));
      case UNTYPED ->
          f.add(
              timestamp == null
                  ? Metric.untyped(labels(), value)
                  : new Metric(labels(), null, null, null, SimpleValue.of(value), null, timestamp));
      case SUMMARY -> summaryLine(f, value, timestamp);
      case HISTOGRAM, GAUGE_HISTOGRAM -> histogramLine(f, value, timestamp);
    }
    seriesCount += f.seriesCount() - before;
    if (seriesCount > limits.maxSeries()) {
      throw limits.tooManySeries("at line " + line);
    }
  }

  /** The labels of the current sample line. */
  private Labels labels() {
    return seriesLabels.labels(pairs, pairLen);
  }

  private void summaryLine(TextFamilyBuilder f, double value, @Nullable Long timestamp) {
    TextSummaryBuilder s = f.summary(pairs, pairLen);
    if (role == ROLE_COUNT) {
      s.count(value);
    } else if (role == ROLE_SUM) {
      s.sum(value);
    } else if (!Double.isNaN(quantile)) {
      s.quantile(quantile, value);
    }
    if (timestamp != null) {
      s.timestampMs(timestamp);
    }
  }

  private void histogramLine(TextFamilyBuilder f, double value, @Nullable Long timestamp) {
    TextHistogramBuilder h = f.histogram(pairs, pairLen);
    if (role == ROLE_COUNT) {
      if (!h.count(value)) {
        throw error("negative count for histogram " + GoQuote.quote(f.name));
      }
    } else if (role == ROLE_SUM) {
      h.sum(value);
    } else if (!Double.isNaN(bucket)) {
      if (!h.bucket(bucket, value)) {
        throw error("negative bucket population for histogram " + GoQuote.quote(f.name));
      }
    }
    if (timestamp != null) {
      h.timestampMs(timestamp);
    }
  }

  /** From the blank after the value to the end of the line. */
  private long readTimestamp() {
    skipBlankTab();
    int start = pos - 1;
    skipToken();
    long timestamp;
    try {
      timestamp = GoFloatParser.parseInt64(buf, start, pos - 1 - start);
    } catch (GoFloatParser.InvalidNumberException e) {
      throw error("expected integer as timestamp, got " + GoQuote.quoteRange(buf, start, pos - 1));
    }
    readRestOfLineWithoutBackslashes();
    if (scratchLen > 0) {
      throw error("spurious string after timestamp: " + GoQuote.quoteRange(scratch, 0, scratchLen));
    }
    return timestamp;
  }

  /**
   * The rest of the line from {@code cur} into scratch. Like expfmt's {@code
   * readTokenUntilNewline(false)}, it drops every backslash (so {@code HIST\OGRAM} is a valid
   * type).
   */
  private void readRestOfLineWithoutBackslashes() {
    scratchLen = 0;
    while (cur != '\n') {
      if (cur != '\\') {
        appendScratch(cur);
      }
      next();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Names and families

  /** A metric name starting at {@code cur}: quoted, or legacy characters (maybe none). */
  private void readMetricNameToken() {
    if (cur == '"') {
      readQuotedName("metric name");
    } else {
      readUnquotedName(1, 2);
    }
  }

  /** A label name starting at {@code cur}: quoted, or legacy characters (maybe none). */
  private void readLabelNameToken() {
    if (cur == '"') {
      readQuotedName("label name");
    } else {
      readUnquotedName(4, 8);
    }
  }

  private void readUnquotedName(int startBit, int continueBit) {
    int start = pos - 1;
    tok = buf;
    tokOff = start;
    tokQuoted = false;
    if ((NAME_CHARS[cur] & startBit) == 0) {
      tokLen = 0;
      return;
    }
    int i = pos;
    while (i < end && (NAME_CHARS[buf[i] & 0xFF] & continueBit) != 0) {
      i++;
    }
    if (i >= end) {
      pos = end;
      throw eofError();
    }
    cur = buf[i] & 0xFF;
    pos = i + 1;
    tokLen = i - start;
  }

  /** A name in double quotes with escapes; leaves {@code cur} at the byte after the end quote. */
  private void readQuotedName(String what) {
    scratchLen = 0;
    next();
    while (cur != '"') {
      if (cur == '\\') {
        next();
        appendScratch(unescape(cur));
      } else if (cur == '\n') {
        throw unescapedNewLine(what, scratch, 0, scratchLen);
      } else {
        appendScratch(cur);
      }
      next();
    }
    next();
    tok = scratch;
    tokOff = 0;
    tokLen = scratchLen;
    tokQuoted = true;
  }

  /**
   * Sets {@link #family} and {@link #role} for the name token, like expfmt's {@code
   * setOrCreateCurrentMF}: an existing family of that name; else {@code x_sum}/{@code x_count} of a
   * summary {@code x}, or {@code x_sum}/{@code x_count}/{@code x_bucket} of a histogram {@code x};
   * else a new family.
   */
  private void resolveFamily() {
    if (tokLen > limits.maxNameLength()) {
      throw limits.metricNameTooLong(tokLen, "line " + line);
    }
    resolveFamilyOfToken();
    lastResolvedFamily = family;
  }

  private void resolveFamilyOfToken() {
    byte[] last = lastNameBytes;
    if (!tokQuoted
        && last != null
        && Arrays.equals(tok, tokOff, tokOff + tokLen, last, 0, last.length)) {
      family = lastNameFamily;
      role = lastNameRole;
      return;
    }
    resolveFamily(metricNameString());
    // Resolving a name never changes later: cache it for the next lines of the family.
    if (!tokQuoted) {
      lastNameBytes = Arrays.copyOfRange(tok, tokOff, tokOff + tokLen);
      lastNameFamily = family;
      lastNameRole = role;
    }
  }

  private String metricNameString() {
    if (!tokQuoted) {
      return asciiString(tok, tokOff, tokLen);
    }
    if (!(utf8Names
        ? tokLen > 0 && GoUtf8.isValid(tok, tokOff, tokOff + tokLen)
        : isLegacyName(tok, tokOff, tokLen, 1, 2))) {
      throw error("invalid metric name " + GoQuote.quoteRange(tok, tokOff, tokOff + tokLen));
    }
    return GoUtf8.decodeValid(tok, tokOff, tokOff + tokLen);
  }

  private void resolveFamily(String name) {
    role = ROLE_PLAIN;
    TextFamilyBuilder f = families.get(name);
    if (f != null) {
      family = f;
      return;
    }
    boolean isCount = hasSuffix(name, "_count");
    boolean isSum = hasSuffix(name, "_sum");
    if (isCount || isSum) {
      String base = name.substring(0, name.length() - (isCount ? 6 : 4));
      f = families.get(base);
      if (f != null && (f.type == MetricType.SUMMARY || isHistogram(f.type))) {
        family = f;
        role = isCount ? ROLE_COUNT : ROLE_SUM;
        return;
      }
    } else if (hasSuffix(name, "_bucket")) {
      f = families.get(name.substring(0, name.length() - 7));
      if (f != null && isHistogram(f.type)) {
        family = f;
        return;
      }
    }
    f = new TextFamilyBuilder(name);
    families.put(name, f);
    familyOrder.add(f);
    family = f;
  }

  private static boolean isHistogram(@Nullable MetricType type) {
    return type == MetricType.HISTOGRAM || type == MetricType.GAUGE_HISTOGRAM;
  }

  /** Go's isCount/isSum/isBucket: the suffix and at least one more character. */
  private static boolean hasSuffix(String name, String suffix) {
    return name.length() > suffix.length() && name.endsWith(suffix);
  }

  /** Whether the bytes form a legacy name, given the start and continue bits of NAME_CHARS. */
  private static boolean isLegacyName(byte[] b, int off, int len, int startBit, int continueBit) {
    if (len == 0 || (NAME_CHARS[b[off] & 0xFF] & startBit) == 0) {
      return false;
    }
    for (int i = off + 1; i < off + len; i++) {
      if ((NAME_CHARS[b[i] & 0xFF] & continueBit) == 0) {
        return false;
      }
    }
    return true;
  }

  /** An ASCII string, shared with earlier identical names (see {@link SharedStrings}). */
  private static String asciiString(byte[] b, int off, int len) {
    return SharedStrings.ascii(b, off, len);
  }

  // ---------------------------------------------------------------------------------------------
  // Bytes

  private void next() {
    if (pos >= end) {
      throw eofError();
    }
    cur = buf[pos++] & 0xFF;
  }

  /** Reads at least one byte, then up to the first that is neither blank nor tab. */
  private void skipBlankTab() {
    do {
      next();
    } while (cur == ' ' || cur == '\t');
  }

  private void skipBlankTabIfCurrentBlankTab() {
    if (isBlankOrTab(cur)) {
      skipBlankTab();
    }
  }

  /** From {@code cur} up to the next blank, tab or newline, which is left in {@code cur}. */
  private void skipToken() {
    int i = pos - 1;
    while (true) {
      if (i >= end) {
        pos = end;
        throw eofError();
      }
      byte c = buf[i];
      if (c == ' ' || c == '\t' || c == '\n') {
        cur = c;
        pos = i + 1;
        return;
      }
      i++;
    }
  }

  private static boolean isBlankOrTab(int c) {
    return c == ' ' || c == '\t';
  }

  private void appendScratch(int c) {
    if (scratchLen == scratch.length) {
      scratch = Arrays.copyOf(scratch, scratch.length * 2);
    }
    scratch[scratchLen++] = (byte) c;
  }

  private void appendScratch(byte[] b, int from, int to) {
    int n = to - from;
    if (scratchLen + n > scratch.length) {
      scratch = Arrays.copyOf(scratch, Math.max(scratch.length * 2, scratchLen + n));
    }
    System.arraycopy(b, from, scratch, scratchLen, n);
    scratchLen += n;
  }

  private ParseException eofError() {
    return error("unexpected end of input stream");
  }

  private ParseException error(String message) {
    return new ParseException(HEADER + line + ": " + message);
  }
}
