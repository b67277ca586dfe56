package io.pushgateway.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-23T23:23:01.963456789Z"), ZoneId.of("Asia/Kolkata"));

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  private Log log(Level level, LogFormat format) {
    return Log.create(out, level, format, CLOCK);
  }

  private String written() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** The line number of the statement after the one calling this. */
  private static int nextLine() {
    return StackWalker.getInstance().walk(s -> s.skip(1).findFirst()).orElseThrow().getLineNumber()
        + 1;
  }

  @Test
  void logfmt_writesTsLevelCallerMsgThenPairs() {
    Log log = log(Level.INFO, LogFormat.LOGFMT);

    int line = nextLine();
    log.info("starting pushgateway", "version", "(version=1.11.3, branch=HEAD, revision=abc)");

    assertThat(written())
        .isEqualTo(
            "ts=2026-11-23T23:23:01.963Z level=info caller=LogTest.java:"
                + line
                + " msg=\"starting pushgateway\""
                + " version=\"(version=1.11.3, branch=HEAD, revision=abc)\"\n");
  }

  @Test
  void json_writesOneObjectPerLineInTheSameOrder() {
    Log log = log(Level.INFO, LogFormat.JSON);

    int line = nextLine();
    log.warn("write queue is full", "n", 3, "ok", true, "f", 1e6, "none", null, "s", "a\"b");

    assertThat(written())
        .isEqualTo(
            "{\"ts\":\"2026-11-23T23:23:01.963Z\",\"level\":\"warn\",\"caller\":\"LogTest.java:"
                + line
                + "\",\"msg\":\"write queue is full\",\"n\":3,\"ok\":true,\"f\":1000000,"
                + "\"none\":null,\"s\":\"a\\\"b\"}\n");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "plain | plain",
        "'' | \"\"",
        "two words | \"two words\"",
        "a=b | \"a=b\"",
        "say \"hi\" | \"say \\\"hi\\\"\"",
        "back\\slash | back\\slash",
        "caf\u00e9 | caf\u00e9",
        "a\u00a0b | \"a\\u00a0b\"",
        "a\u2028b | \"a\\u2028b\"",
        "\ufffd | \"\ufffd\"",
        "\u200b | \"\\u200b\"",
        "\ud83d\ude00 | \ud83d\ude00",
        ":9091 | :9091",
        "/tmp/x.data | /tmp/x.data",
      })
  void logfmt_quotesValuesLikeGo(String value, String shown) {
    log(Level.INFO, LogFormat.LOGFMT).info("m", "k", value);

    assertThat(written()).endsWith(" msg=m k=" + shown + "\n");
  }

  @Test
  void logfmt_escapesControlCharactersAndLeavesDelete() {
    log(Level.INFO, LogFormat.LOGFMT).info("m", "k", "a\nb\tc\u0001\u007f", "d", "x\u007fy");

    assertThat(written()).endsWith(" msg=m k=\"a\\nb\\tc\\x01\\x7f\" d=x\u007fy\n");
  }

  @Test
  void logfmt_quotesKeysToo() {
    log(Level.INFO, LogFormat.LOGFMT).info("m", "a key", 1, "", 2);

    assertThat(written()).endsWith(" msg=m \"a key\"=1 \"\"=2\n");
  }

  @Test
  void logfmt_formatsValuesByType() {
    log(Level.INFO, LogFormat.LOGFMT)
        .info(
            "m",
            "i",
            42,
            "l",
            -7L,
            "b",
            false,
            "d",
            1e6,
            "h",
            0.5,
            "nan",
            Double.NaN,
            "inf",
            Double.NEGATIVE_INFINITY,
            "big",
            1.23456789e8,
            "small",
            1e-5,
            "none",
            null,
            "err",
            new IllegalStateException("bad thing"),
            "npe",
            new NullPointerException());

    assertThat(written())
        .endsWith(
            " msg=m i=42 l=-7 b=false d=1e+06 h=0.5 nan=NaN inf=-Inf big=1.23456789e+08"
                + " small=1e-05 none=<nil> err=\"bad thing\" npe=java.lang.NullPointerException\n");
  }

  @Test
  void json_formatsNumbersLikeEncodingJson() {
    log(Level.INFO, LogFormat.JSON)
        .info("m", "a", 1e21, "b", 1e-7, "c", 0.000001, "d", -0.0, "e", Double.POSITIVE_INFINITY);

    assertThat(written())
        .endsWith(
            ",\"msg\":\"m\",\"a\":1e+21,\"b\":1e-7,\"c\":0.000001,\"d\":-0,\"e\":\"+Inf\"}\n");
  }

  @Test
  void json_escapesStringsWithoutHtmlEscaping() {
    log(Level.INFO, LogFormat.JSON).info("<m>", "k", "a\nb\r\t\u0001\\ & \u2028 \u00e9 \u007f");

    assertThat(written())
        .endsWith(",\"msg\":\"<m>\",\"k\":\"a\\nb\\r\\t\\u0001\\\\ & \\u2028 \u00e9 \u007f\"}\n");
  }

  @Test
  void reservedKeysAreRenamedAndDanglingKeysMarked() {
    log(Level.INFO, LogFormat.LOGFMT)
        .info("m", "ts", 1, "level", 2, "caller", 3, "time", 4, "source", 5, "msg", 6, 7, "last");

    assertThat(written())
        .endsWith(
            " msg=m logged_ts=1 logged_level=2 logged_caller=3 logged_time=4 logged_source=5"
                + " msg=6 !BADKEY=7 !BADKEY=last\n");
  }

  @Test
  void levelFilter_dropsLinesBelowTheConfiguredLevel() {
    Log log = log(Level.WARN, LogFormat.LOGFMT);

    log.debug("d");
    log.info("i");
    log.warn("w");
    log.error("e");
    log.log(Level.INFO, "i2");

    assertThat(written().lines().map(l -> l.substring(l.indexOf(" msg=") + 5)))
        .containsExactly("w", "e");
    assertThat(log.isDebugEnabled()).isFalse();
    assertThat(log.isEnabled(Level.ERROR)).isTrue();
    assertThat(log.level()).isEqualTo(Level.WARN);
  }

  @Test
  void debugLevel_namesTheCallingMethodInCaller() {
    Log log = log(Level.DEBUG, LogFormat.LOGFMT);

    int line = nextLine();
    log.debug("external URL", "url", "");

    assertThat(written())
        .isEqualTo(
            "ts=2026-11-23T23:23:01.963Z level=debug caller=LogTest.java(LogTest."
                + "debugLevel_namesTheCallingMethodInCaller):"
                + line
                + " msg=\"external URL\" url=\"\"\n");
    assertThat(log.isDebugEnabled()).isTrue();
  }

  @Test
  void discard_writesNothing() {
    Log log = Log.discard();

    log.error("e");

    assertThat(log.isEnabled(Level.ERROR)).isFalse();
  }

  @Test
  void concurrentLines_areNeverInterleaved() throws InterruptedException {
    Log log = log(Level.INFO, LogFormat.LOGFMT);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      int id = t;
      threads.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    for (int i = 0; i < 200; i++) {
                      log.info("line", "thread", id, "i", i, "pad", "x".repeat(200));
                    }
                  }));
    }
    for (Thread thread : threads) {
      thread.join();
    }

    assertThat(written().lines())
        .hasSize(1600)
        .allMatch(
            l -> l.matches("ts=\\S+ level=info caller=\\S+ msg=line thread=\\d i=\\d+ pad=x{200}"));
  }
}
