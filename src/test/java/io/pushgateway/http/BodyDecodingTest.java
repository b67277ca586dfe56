package io.pushgateway.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlift.compress.snappy.SnappyFramedOutputStream;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BodyDecodingTest {
  private static final long LIMIT = 1 << 20;
  private static final byte[] TEXT = "m 1\n".getBytes(UTF_8);

  /** What Go's gzip writer (NoCompression) produces for "m 1\n". */
  private static final byte[] GO_MEMBER =
      hex("1f8b08000000000000ff000400fbff6d20310a010000ffff8e58cdf604000000");

  /** Go's writer with Name, Comment and Extra set (flags FEXTRA|FNAME|FCOMMENT). */
  private static final byte[] GO_MEMBER_WITH_FIELDS =
      hex(
          "1f8b081c0000000004ff020078786e616d6500636f6d6d656e7400000400fbff6d20310a010000ffff"
              + "8e58cdf604000000");

  private static final byte[] HEADER = hex("1f8b0800000000000003");

  private static byte[] hex(String s) {
    return HexFormat.of().parseHex(s);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }

  private static byte[] snappy(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (SnappyFramedOutputStream s = new SnappyFramedOutputStream(out)) {
      s.write(data);
    }
    return out.toByteArray();
  }

  private static byte[] read(byte[] body, String encoding) throws IOException {
    return BodyDecoding.readBody(new ByteArrayInputStream(body), encoding, LIMIT);
  }

  private static void assertBadRequest(byte[] body, String encoding, String message) {
    assertThatThrownBy(() -> read(body, encoding))
        .isInstanceOf(BadRequestException.class)
        .hasMessage(message);
  }

  // Identity.

  @ParameterizedTest
  @ValueSource(strings = {"identity", "deflate", "gzip, identity", "x-gzip", "br", ""})
  void readBody_usesOtherEncodingsAsSent(String encoding) throws IOException {
    assertThat(read(TEXT, encoding)).isEqualTo(TEXT);
  }

  @Test
  void readBody_withoutEncoding() throws IOException {
    assertThat(BodyDecoding.readBody(new ByteArrayInputStream(TEXT), null, LIMIT)).isEqualTo(TEXT);
  }

  /** Whatever length a client declares, true, too short or too long, the body is read as sent. */
  @ParameterizedTest
  @CsvSource({
    "0, -1",
    "0, 0",
    "0, 10",
    "1, 1",
    "100, 100",
    "100, 50",
    "100, 200",
    "8192, 8192",
    "8193, 8193",
    "20000, 20000",
    "20000, 16384",
    "20000, 30000",
    "1048576, 1048576"
  })
  void readBody_declaredLengthIsOnlyAHint(int size, long declared) throws IOException {
    byte[] body = new byte[size];
    for (int i = 0; i < size; i++) {
      body[i] = (byte) (i * 31);
    }
    long[] taken = {0};
    byte[] read =
        BodyDecoding.readBody(
            new ByteArrayInputStream(body), null, LIMIT, declared, bytes -> taken[0] += bytes);
    assertThat(read).isEqualTo(body);
    assertThat(taken[0]).as("bytes announced").isGreaterThanOrEqualTo(size);
  }

  @Test
  void readBody_oneByteOverTheLimitIsRefusedEvenWhenDeclaredExactly() {
    byte[] body = new byte[(int) LIMIT + 1];
    assertThatThrownBy(
            () ->
                BodyDecoding.readBody(
                    new ByteArrayInputStream(body), null, LIMIT, LIMIT, bytes -> {}))
        .isInstanceOf(BodyTooLargeException.class);
    assertThatCode(
            () ->
                BodyDecoding.readBody(
                    new ByteArrayInputStream(body, 0, (int) LIMIT), null, LIMIT, LIMIT, b -> {}))
        .doesNotThrowAnyException();
  }

  // Gzip.

  @ParameterizedTest
  @ValueSource(strings = {"gzip", "GZIP", "GZip", " gzip\t"})
  void readBody_gzipIsCaseInsensitive(String encoding) throws IOException {
    assertThat(read(gzip(TEXT), encoding)).isEqualTo(TEXT);
  }

  @Test
  void readBody_gzipWrittenByGo() throws IOException {
    assertThat(read(GO_MEMBER, "gzip")).isEqualTo(TEXT);
    assertThat(read(GO_MEMBER_WITH_FIELDS, "gzip")).isEqualTo(TEXT);
  }

  @Test
  void readBody_gzipReadsConcatenatedMembers() throws IOException {
    byte[] body = concat(gzip("a 1\n".getBytes(UTF_8)), GO_MEMBER, gzip(new byte[0]));

    assertThat(read(body, "gzip")).isEqualTo("a 1\nm 1\n".getBytes(UTF_8));
  }

  @Test
  void readBody_gzipOfLargeBody() throws IOException {
    byte[] data = new byte[300_000];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) ("metric_" + i % 977).charAt(i % 7);
    }
    assertThat(read(gzip(data), "gzip")).isEqualTo(data);
  }

  /** Expected texts printed by Go 1.19's compress/gzip for the same bytes. */
  @Test
  void readBody_gzipErrorsHaveGoTexts() {
    byte[] badCrc = GO_MEMBER.clone();
    badCrc[badCrc.length - 8] ^= 1;
    byte[] badSize = GO_MEMBER.clone();
    badSize[badSize.length - 1] ^= 1;

    assertBadRequest(new byte[0], "gzip", "EOF");
    assertBadRequest(Arrays.copyOf(HEADER, 5), "gzip", "unexpected EOF");
    assertBadRequest(TEXT, "gzip", "unexpected EOF");
    assertBadRequest("this is not gzip\n".getBytes(UTF_8), "gzip", "gzip: invalid header");
    assertBadRequest(hex("1f8b0700000000000003"), "gzip", "gzip: invalid header");
    assertBadRequest(HEADER, "gzip", "unexpected EOF");
    assertBadRequest(Arrays.copyOf(GO_MEMBER, 12), "gzip", "unexpected EOF");
    assertBadRequest(Arrays.copyOf(GO_MEMBER, GO_MEMBER.length - 4), "gzip", "unexpected EOF");
    assertBadRequest(badCrc, "gzip", "gzip: invalid checksum");
    assertBadRequest(badSize, "gzip", "gzip: invalid checksum");
  }

  @Test
  void readBody_gzipTrailingBytesMustBeAnotherMember() {
    assertBadRequest(concat(GO_MEMBER, new byte[] {1, 2, 3, 4, 5}), "gzip", "unexpected EOF");
    assertBadRequest(concat(GO_MEMBER, new byte[20]), "gzip", "gzip: invalid header");
    assertBadRequest(concat(GO_MEMBER, new byte[10]), "gzip", "gzip: invalid header");
  }

  @Test
  void readBody_gzipCorruptDeflateData() {
    assertBadRequest(
        concat(HEADER, hex("07000000000000000000")),
        "gzip",
        "flate: corrupt input before offset 1");
  }

  @Test
  void readBody_gzipHeaderFields() throws IOException {
    byte[] rest = Arrays.copyOfRange(GO_MEMBER, 10, GO_MEMBER.length);
    byte[] name511 = new byte[511];
    Arrays.fill(name511, (byte) 'a');
    byte[] name512 = new byte[512];
    Arrays.fill(name512, (byte) 'a');
    byte[] fnameFlag = hex("1f8b0808000000000003");

    assertThat(read(concat(fnameFlag, name511, new byte[1], rest), "gzip")).isEqualTo(TEXT);
    assertBadRequest(concat(fnameFlag, name512, new byte[1], rest), "gzip", "gzip: invalid header");
    assertBadRequest(concat(fnameFlag, "abc".getBytes(UTF_8)), "gzip", "unexpected EOF");
    assertBadRequest(
        concat(hex("1f8b0804000000000003"), new byte[] {5, 0, 1}), "gzip", "unexpected EOF");
    assertBadRequest(concat(hex("1f8b0804000000000003"), new byte[] {5}), "gzip", "unexpected EOF");
    assertBadRequest(
        concat(hex("1f8b0802000000000003"), new byte[2], rest), "gzip", "gzip: invalid header");
    assertThat(read(concat(hex("1f8b08e0000000000003"), rest), "gzip")).isEqualTo(TEXT);
  }

  @Test
  void readBody_gzipHeaderCrcIsChecked() throws IOException {
    byte[] header = hex("1f8b0802000000000003");
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(header);
    int v = (int) crc.getValue();
    byte[] rest = Arrays.copyOfRange(GO_MEMBER, 10, GO_MEMBER.length);

    assertThat(read(concat(header, new byte[] {(byte) v, (byte) (v >> 8)}, rest), "gzip"))
        .isEqualTo(TEXT);
  }

  // Snappy.

  @Test
  void readBody_snappyFramedFromAnotherEncoder() throws IOException {
    byte[] data = new byte[200_000];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) ("some_metric{a=\"" + i / 100 + "\"} 1\n").charAt(i % 12);
    }

    assertThat(read(snappy(TEXT), "snappy")).isEqualTo(TEXT);
    assertThat(read(snappy(data), "SNAPPY")).isEqualTo(data);
  }

  @Test
  void readBody_snappyEmptyBodyIsEmpty() throws IOException {
    assertThat(read(new byte[0], "snappy")).isEmpty();
    assertThat(read(hex("ff060000734e61507059"), "snappy")).isEmpty();
  }

  @Test
  void readBody_snappyHandcraftedChunks() throws IOException {
    // Stream identifier, padding, an uncompressed chunk of "m 1\n", a skippable chunk.
    byte[] uncompressed = concat(hex("01080000"), hex(maskedCrcHex(TEXT)), TEXT);
    byte[] body =
        concat(hex("ff060000734e61507059"), hex("fe020000abcd"), uncompressed, hex("80010000ee"));

    assertThat(read(body, "snappy")).isEqualTo(TEXT);
  }

  @Test
  void readBody_snappyCompressedChunkWithCopies() throws IOException {
    // Block: length 12, literal "abcd", copy-1 (length 8, offset 4).
    byte[] decoded = "abcdabcdabcd".getBytes(UTF_8);
    byte[] block = concat(hex("0c0c"), "abcd".getBytes(UTF_8), hex("1104"));
    byte[] chunk =
        concat(new byte[] {0, (byte) (block.length + 4), 0, 0}, hex(maskedCrcHex(decoded)), block);

    assertThat(read(concat(hex("ff060000734e61507059"), chunk), "snappy")).isEqualTo(decoded);
  }

  @Test
  void readBody_snappyErrorsHaveGoTexts() throws IOException {
    byte[] good = snappy(TEXT);
    byte[] badCrc = good.clone();
    badCrc[good.length - 1] ^= 1;

    assertBadRequest(TEXT, "snappy", "snappy: corrupt input");
    assertBadRequest("m 1".getBytes(UTF_8), "snappy", "snappy: corrupt input");
    assertBadRequest(Arrays.copyOf(good, good.length - 1), "snappy", "snappy: corrupt input");
    assertBadRequest(concat(good, new byte[] {0}), "snappy", "snappy: corrupt input");
    assertBadRequest(badCrc, "snappy", "snappy: corrupt input");
    assertBadRequest(hex("ff060000734e61507058"), "snappy", "snappy: corrupt input");
    assertBadRequest(hex("ff050000734e615070"), "snappy", "snappy: corrupt input");
    assertBadRequest(
        hex("01080000" + maskedCrcHex(TEXT) + "6d20310a"), "snappy", "snappy: corrupt input");
    assertBadRequest(
        hex("ff060000734e61507059" + "00030000000000"), "snappy", "snappy: corrupt input");
  }

  @Test
  void readBody_snappyUnsupportedChunks() {
    assertBadRequest(hex("ff060000734e6150705902000000"), "snappy", "snappy: unsupported input");
    assertBadRequest(hex("ff060000734e61507059cfd02b01"), "snappy", "snappy: unsupported input");
  }

  @Test
  void readBody_snappyCorruptBlocks() {
    String id = "ff060000734e61507059";
    // Copy before any output; decoded length above 64 KiB; literal longer than the block.
    assertCorruptBlock(id, "0401000000");
    assertCorruptBlock(id, "8080050000");
    assertCorruptBlock(id, "040c61");
    // Decoded length does not match.
    assertCorruptBlock(id, "05" + "0c" + "61626364");
  }

  private static void assertCorruptBlock(String id, String blockHex) {
    byte[] block = hex(blockHex);
    byte[] chunk = concat(new byte[] {0, (byte) (block.length + 4), 0, 0}, new byte[4], block);
    assertBadRequest(concat(hex(id), chunk), "snappy", "snappy: corrupt input");
  }

  private static String maskedCrcHex(byte[] data) {
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    crc.update(data);
    int c = (int) crc.getValue();
    int masked = (c >>> 15 | c << 17) + 0xA282EAD8;
    return HexFormat.of()
        .formatHex(
            new byte[] {
              (byte) masked, (byte) (masked >> 8), (byte) (masked >> 16), (byte) (masked >> 24)
            });
  }

  // Size limits.

  @Test
  void readBody_rejectsRawBodyOverTheLimit() {
    assertThatThrownBy(
            () -> BodyDecoding.readBody(new ByteArrayInputStream(new byte[11]), null, 10))
        .isInstanceOf(BodyTooLargeException.class)
        .hasMessage(
            "push refused: request body larger than 10 bytes, limit --push.max-body-bytes=10");
  }

  @Test
  void readBody_acceptsBodyAtTheLimit() throws IOException {
    assertThat(BodyDecoding.readBody(new ByteArrayInputStream(new byte[10]), null, 10)).hasSize(10);
  }

  @Test
  void readBody_rejectsGzipBombs() throws IOException {
    byte[] bomb = gzip(new byte[5_000_000]);

    assertThatThrownBy(() -> BodyDecoding.readBody(new ByteArrayInputStream(bomb), "gzip", 100_000))
        .isInstanceOf(BodyTooLargeException.class)
        .hasMessage(
            "push refused: decompressed request body larger than 100000 bytes,"
                + " limit --push.max-body-bytes=100000")
        .extracting(e -> ((BodyTooLargeException) e).limitBytes())
        .isEqualTo(100_000L);
  }

  @Test
  void readBody_rejectsSnappyBombs() throws IOException {
    byte[] bomb = snappy(new byte[5_000_000]);

    assertThat(bomb.length).isLessThan(1_000_000);
    assertThatThrownBy(
            () -> BodyDecoding.readBody(new ByteArrayInputStream(bomb), "snappy", 1_000_000))
        .isInstanceOf(BodyTooLargeException.class)
        .hasMessage(
            "push refused: decompressed request body larger than 1000000 bytes,"
                + " limit --push.max-body-bytes=1000000");
  }

  // The check before routing.

  @Test
  void checkGzipHeader_rejectsLikeGoBeforeRouting() {
    assertHeaderRejected(new byte[0], "EOF");
    assertHeaderRejected(TEXT, "unexpected EOF");
    assertHeaderRejected("this is not gzip\n".getBytes(UTF_8), "gzip: invalid header");
  }

  private static void assertHeaderRejected(byte[] body, String message) {
    InputStream in = new BufferedInputStream(new ByteArrayInputStream(body));
    assertThatThrownBy(() -> BodyDecoding.checkGzipHeader("gzip", in))
        .isInstanceOf(BadRequestException.class)
        .hasMessage(message);
  }

  @Test
  void checkGzipHeader_leavesTheBodyReadable() throws IOException {
    byte[] body = concat(GO_MEMBER_WITH_FIELDS, GO_MEMBER);
    InputStream in = new BufferedInputStream(new ByteArrayInputStream(body));

    BodyDecoding.checkGzipHeader("GZIP", in);

    assertThat(BodyDecoding.readBody(in, "GZIP", LIMIT)).isEqualTo("m 1\nm 1\n".getBytes(UTF_8));
  }

  @Test
  void checkGzipHeader_acceptsAValidHeaderWithBrokenData() {
    // Go only reads the header before routing; a truncated stream is not seen by, e.g., DELETE.
    InputStream in = new BufferedInputStream(new ByteArrayInputStream(HEADER));

    assertThatCode(() -> BodyDecoding.checkGzipHeader("gzip", in)).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "null",
      value = {"null", "snappy", "identity", "deflate"})
  void checkGzipHeader_ignoresOtherEncodings(String encoding) {
    InputStream in = new ByteArrayInputStream(new byte[0]);

    assertThatCode(() -> BodyDecoding.checkGzipHeader(encoding, in)).doesNotThrowAnyException();
  }

  @Test
  void checkGzipHeader_needsMarkSupport() {
    InputStream in =
        new InputStream() {
          @Override
          public int read() {
            return -1;
          }
        };

    assertThatThrownBy(() -> BodyDecoding.checkGzipHeader("gzip", in))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
