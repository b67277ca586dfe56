package io.pushgateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathDecodingTest {

  @ParameterizedTest
  @CsvSource({
    "/metrics/job/foo, /metrics/job/foo",
    "/metrics/job/f%20o/path/%CE%A0%CF%81, /metrics/job/f o/path/Πρ",
    "/metrics/job/a+b/v/c+d, /metrics/job/a+b/v/c+d",
    "/metrics/job/foo/a/x%2Fy, /metrics/job/foo/a/x/y",
    "/metrics/job/fo%2fo, /metrics/job/fo/o",
    "/%41%61, /Aa",
    "/%25, /%",
  })
  void decode_followsGoPathUnescaping(String raw, String decoded) {
    assertThat(PathDecoding.decode(raw)).isEqualTo(decoded);
  }

  @Test
  void decode_keepsInvalidUtf8AsDetectableBytes() {
    String decoded = PathDecoding.decode("/metrics/job/bad/x/%FF");

    assertThat(GoString.isValidUtf8(decoded)).isFalse();
    assertThat(GoString.quote(decoded)).isEqualTo("\"/metrics/job/bad/x/\\xff\"");
    assertThat(PathDecoding.decodeToBytes("/x/%FF%00"))
        .isEqualTo(HexFormat.of().parseHex("2f782fff00"));
  }

  @Test
  void decode_takesRawLatin1CharsAsBytes() {
    // The JDK server hands the request line over one char per byte.
    String raw = "/metrics/job/" + new String(new char[] {0xCE, 0xA0});

    assertThat(PathDecoding.decode(raw)).isEqualTo("/metrics/job/Π");
  }

  @Test
  void decode_encodesCharsAboveLatin1AsUtf8() {
    assertThat(PathDecoding.decode("/metrics/job/Π%20x")).isEqualTo("/metrics/job/Π x");
  }

  @ParameterizedTest
  @CsvSource({
    "/metrics/job/%zz, '%zz'",
    "/metrics/job/a%2, '%2'",
    "/metrics/job/a%, '%'",
    "/metrics/job/%G1x, '%G1'",
  })
  void decode_rejectsMalformedEscapesLikeGo(String raw, String escape) {
    assertThatThrownBy(() -> PathDecoding.decode(raw))
        .isInstanceOf(MalformedPathException.class)
        .hasMessage("invalid URL escape \"" + escape + "\"");
  }

  @Test
  void decode_rejectsControlCharacters() {
    assertThatThrownBy(() -> PathDecoding.decode("/metrics/job/a\u0001b"))
        .isInstanceOf(MalformedPathException.class)
        .hasMessage("net/url: invalid control character in URL");
    assertThat(MalformedPathException.RESPONSE_BODY).isEqualTo("400 Bad Request");
  }
}
