package io.pushgateway.gocompat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Go's %q, as printed by Go's strconv and observed in the 1.5.1 gateway's error messages. */
class GoQuoteTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "abc | \"abc\"",
        "'' | \"\"",
        "a\"b | \"a\\\"b\"",
        "a\\b | \"a\\\\b\"",
        "caf\u00e9 | \"caf\u00e9\"",
        "\u00a0 | \"\\u00a0\"",
        "\ud83d\ude00 | \"\ud83d\ude00\"",
        "\udb80\udc00 | \"\\U000f0000\"",
      })
  void quote_escapesLikeStrconvQuote(String s, String quoted) {
    assertThat(GoQuote.quote(s)).isEqualTo(quoted);
  }

  @Test
  void quote_usesShortEscapesForControlCharacters() {
    assertThat(GoQuote.quote("\u0007\b\f\n\r\t\u000b\u0000\u001f\u007f"))
        .isEqualTo("\"\\a\\b\\f\\n\\r\\t\\v\\x00\\x1f\\x7f\"");
  }

  @Test
  void quote_writesInvalidUtf8BytesAsHex() {
    byte[] bytes = {'a', (byte) 0xff, (byte) 0xc3, 'b', (byte) 0xed, (byte) 0xa0, (byte) 0x80};

    assertThat(GoQuote.quote(bytes)).isEqualTo("\"a\\xff\\xc3b\\xed\\xa0\\x80\"");
  }

  /** Expected values printed by Go 1.19's strconv.Quote for the same bytes. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      value = {
        "6122625c63 | '\"a\\\"b\\\\c\"'",
        "0007080c0a0d090b1f7f | '\"\\x00\\a\\b\\f\\n\\r\\t\\v\\x1f\\x7f\"'",
        "cea0cf81 | '\"Πρ\"'",
        "c2a0c2adc3a9 | '\"\\u00a0\\u00adé\"'",
        "fffe | '\"\\xff\\xfe\"'",
        "e28241 | '\"\\xe2\\x82A\"'",
        "eda080 | '\"\\xed\\xa0\\x80\"'",
        "f4908080 | '\"\\xf4\\x90\\x80\\x80\"'",
        "c0af | '\"\\xc0\\xaf\"'",
        "f09f9880 | '\"😀\"'",
        "e2808be280a8ee8080 | '\"\\u200b\\u2028\\ue000\"'",
        "f3a08081 | '\"\\U000e0001\"'",
        "efbfbd | '\"�\"'",
        "cdb8 | '\"\\u0378\"'",
        "f48fbfbf | '\"\\U0010ffff\"'",
        "'' | '\"\"'",
      })
  void quote_matchesGoStrconvQuote(String hex, String expected) {
    byte[] bytes = HexFormat.of().parseHex(hex);
    assertThat(GoQuote.quote(bytes)).isEqualTo(expected);
    assertThat(ByteStrings.quote(ByteStrings.of(bytes))).isEqualTo(expected);
  }

  @Test
  void quote_escapesLikeGo() {
    assertThat(quote("plain é 😀")).isEqualTo("\"plain é 😀\"");
    assertThat(quote("\"\\\n\r\t\u0007\b\f\u000b'"))
        .isEqualTo("\"\\\"\\\\\\n\\r\\t\\a\\b\\f\\v'\"");
    assertThat(quote("\u0000\u001b\u007f")).isEqualTo("\"\\x00\\x1b\\x7f\"");
    assertThat(quote("\u0080\u00a0\u00ad\u2028\u0378\uFEFF"))
        .isEqualTo("\"\\u0080\\u00a0\\u00ad\\u2028\\u0378\\ufeff\"");
    assertThat(quote("\uDBFF\uDFFF\uFFFD")).isEqualTo("\"\\U0010ffff\uFFFD\"");
  }

  @Test
  void quote_showsInvalidUtf8BytesAsHex() {
    assertThat(quote("b\uDCFF\uDCFE\uDCE2\uDC82")).isEqualTo("\"b\\xff\\xfe\\xe2\\x82\"");
    // Surrogates and overlong forms are invalid in Go too.
    assertThat(quote("\uDCED\uDCA0\uDC80\uDCC0\uDCAF\uDCF4\uDC90\uDC80\uDC80"))
        .isEqualTo("\"\\xed\\xa0\\x80\\xc0\\xaf\\xf4\\x90\\x80\\x80\"");
  }

  @Test
  void quote_rendersLikeGoPercentQ() {
    assertThat(GoQuote.quote("a\"b\\\t\n\u0001\u007f")).isEqualTo("\"a\\\"b\\\\\\t\\n\\x01\\x7f\"");
    assertThat(GoQuote.quote("é\u00a0\u200b😀\ufffd")).isEqualTo("\"é\\u00a0\\u200b😀\ufffd\"");
    byte[] raw = {
      'x',
      (byte) 0xF0,
      (byte) 0x9F,
      (byte) 0x98,
      'y',
      (byte) 0xF4,
      (byte) 0x90,
      (byte) 0x80,
      (byte) 0x80
    };
    assertThat(GoQuote.quoteRange(raw, 0, raw.length))
        .isEqualTo("\"x\\xf0\\x9f\\x98y\\xf4\\x90\\x80\\x80\"");
    assertThat(GoQuote.quoteRange(raw, 1, 5)).isEqualTo("\"\\xf0\\x9f\\x98y\"");
  }

  @Test
  void quoteRune_formatsARuneLiteral() {
    assertThat(GoQuote.quoteRune('b')).isEqualTo("'b'");
    assertThat(GoQuote.quoteRune('"')).isEqualTo("'\"'");
    assertThat(GoQuote.quoteRune('\'')).isEqualTo("'\\''");
    assertThat(GoQuote.quoteRune('\\')).isEqualTo("'\\\\'");
    assertThat(GoQuote.quoteRune('\n')).isEqualTo("'\\n'");
    assertThat(GoQuote.quoteRune(0x01)).isEqualTo("'\\x01'");
    assertThat(GoQuote.quoteRune(0x80)).isEqualTo("'\\u0080'");
    assertThat(GoQuote.quoteRune(0xFF)).isEqualTo("'\u00ff'");
  }

  /** Quotes {@code s}, taking U+DC80..U+DCFF as the raw bytes 0x80..0xFF. */
  private static String quote(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0xDC80 && c <= 0xDCFF) {
        out.write(c - 0xDC00);
      } else {
        int end = Character.isHighSurrogate(c) ? i + 2 : i + 1;
        out.writeBytes(s.substring(i, end).getBytes(StandardCharsets.UTF_8));
        i = end - 1;
      }
    }
    byte[] b = out.toByteArray();
    return GoQuote.quoteRange(b, 0, b.length);
  }
}
