package io.pushgateway.exposition;

import static io.pushgateway.exposition.TextTestSupport.body;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Go's %q, as observed in the 1.5.1 gateway's error messages. */
class TextGoQuoteTest {

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
  void quoteByte_formatsARuneLiteral() {
    assertThat(TextGoQuote.quoteByte('b')).isEqualTo("'b'");
    assertThat(TextGoQuote.quoteByte('"')).isEqualTo("'\"'");
    assertThat(TextGoQuote.quoteByte('\'')).isEqualTo("'\\''");
    assertThat(TextGoQuote.quoteByte('\\')).isEqualTo("'\\\\'");
    assertThat(TextGoQuote.quoteByte('\n')).isEqualTo("'\\n'");
    assertThat(TextGoQuote.quoteByte(0x01)).isEqualTo("'\\x01'");
    assertThat(TextGoQuote.quoteByte(0x80)).isEqualTo("'\\u0080'");
    assertThat(TextGoQuote.quoteByte(0xFF)).isEqualTo("'\u00ff'");
  }

  private static String quote(String s) {
    byte[] b = body(s);
    return TextGoQuote.quote(b, 0, b.length);
  }
}
