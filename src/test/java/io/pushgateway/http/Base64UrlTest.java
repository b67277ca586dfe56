package io.pushgateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.pushgateway.gocompat.GoQuote;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Base64UrlTest {

  /**
   * Go 1.19: base64.RawURLEncoding.DecodeString(strings.TrimRight(s, "=")). Columns: input (\n for
   * LF, \r for CR), decoded bytes as a Go-quoted string, error offset (-1: none).
   */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Zm9vY | '\"foo\"' | 4",
        "Zm9+ | '\"\"' | 3",
        "a | '\"\"' | 0",
        "Zm9=v | '\"\"' | 3",
        "= | '\"\"' | -1",
        "=== | '\"\"' | -1",
        "Zm9v== | '\"foo\"' | -1",
        "Zm9v= | '\"foo\"' | -1",
        "Zm8 | '\"fo\"' | -1",
        "Zm9 | '\"fo\"' | -1",
        "Zm8= | '\"fo\"' | -1",
        "Zm9vZm+v | '\"foo\"' | 6",
        "Zm9vYmFyYmF6Y | '\"foobarbaz\"' | 12",
        "'' | '\"\"' | -1",
        "Zm9v\\nY | '\"foo\"' | 5",
        "Zm9vY\\n | '\"foo\"' | 5",
        "Zg\\n | '\"f\"' | -1",
        "\\n | '\"\"' | -1",
        "Zm9v\\r\\n | '\"foo\"' | -1",
        "Zm9vYg=x= | '\"foo\"' | 6",
        "_-8 | '\"\\xff\\xef\"' | -1",
        "Zm9v Zm9v | '\"foo\"' | 4",
        "YWJjZGVmZ2hp | '\"abcdefghi\"' | -1",
        "YWJjZGVmZ2hpag | '\"abcdefghij\"' | -1",
        "YWJjZGVmZ2hpa | '\"abcdefghi\"' | 12",
        "YWJjZGVmZ2h=aa | '\"abcdef\"' | 11",
        "YWJjZGVmZ2hpamtsbW5vcA | '\"abcdefghijklmnop\"' | -1",
        "YWJjZGVmZ2hpamtsbW5v+A | '\"abcdefghijklmno\"' | 20",
        "Zm9vL2Jhcg | '\"foo/bar\"' | -1",
        "L3Zhci90bXA | '\"/var/tmp\"' | -1",
        "dGVzdC9qb2I= | '\"test/job\"' | -1",
        "_w | '\"\\xff\"' | -1",
        "Zm9vYmFy/ | '\"foobar\"' | 8",
        "Zm\\n9v | '\"foo\"' | -1",
        "\\nZm9v | '\"foo\"' | -1",
        "Zm9vYmFyYmF6YmFt\\n\\n\\nY | '\"foobarbazbam\"' | 19",
        "Zg=\\n | '\"\"' | 2",
        "Zm9vYmE=Zm9v | '\"foo\"' | 7",
        "w4k | '\"É\"' | -1",
        "8J-YgA | '\"😀\"' | -1",
      })
  void decode_matchesGo(String input, String quotedDecoded, int errorOffset) {
    String unescaped = input.replace("\\n", "\n").replace("\\r", "\r");

    Base64Url.Result result = Base64Url.decode(unescaped.getBytes(StandardCharsets.UTF_8));

    assertThat(GoQuote.quote(result.decoded())).isEqualTo(quotedDecoded);
    assertThat(result.errorOffset()).isEqualTo(errorOffset);
    if (errorOffset >= 0) {
      assertThat(result.errorText()).isEqualTo("illegal base64 data at input byte " + errorOffset);
    }
  }

  @ParameterizedTest
  @CsvSource({"ff", "c3"})
  void decode_rejectsNonAsciiBytesAtTheirOffset(String hex) {
    byte[] input = {'Z', 'm', (byte) Integer.parseInt(hex, 16)};

    assertThat(Base64Url.decode(input).errorOffset()).isEqualTo(2);
  }
}
