package io.pushgateway.log;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
}
