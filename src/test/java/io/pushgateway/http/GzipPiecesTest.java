package io.pushgateway.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class GzipPiecesTest {
  @Test
  void concatenatedPieces_decompressToTheConcatenatedInput() throws Exception {
    Random rnd = new Random(3);
    List<GzipPieces.Piece> pieces = new ArrayList<>();
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    for (int i = 0; i < 50; i++) {
      byte[] data = new byte[rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(200_000)];
      for (int j = 0; j < data.length; j++) {
        data[j] =
            (byte) ("metric_name{a=\"b\"} 1\n".charAt(j % 21) + (rnd.nextInt(50) == 0 ? 1 : 0));
      }
      expected.write(data);
      pieces.add(GzipPieces.deflate(data));
    }
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    GzipPieces.write(gz, pieces);
    assertThat((long) gz.size()).isEqualTo(GzipPieces.size(pieces));
    byte[] decompressed =
        new GZIPInputStream(new ByteArrayInputStream(gz.toByteArray())).readAllBytes();
    assertThat(decompressed).isEqualTo(expected.toByteArray());
  }

  @Test
  void emptyBody_isAValidGzipStream() throws Exception {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    GzipPieces.write(gz, List.of());
    assertThat(new GZIPInputStream(new ByteArrayInputStream(gz.toByteArray())).readAllBytes())
        .isEmpty();
  }

  @Test
  void combine_equalsTheCrcOfTheWhole() {
    Random rnd = new Random(5);
    for (int i = 0; i < 200; i++) {
      byte[] a = new byte[rnd.nextInt(5000)];
      byte[] b = new byte[rnd.nextInt(5000)];
      rnd.nextBytes(a);
      rnd.nextBytes(b);
      assertThat(GzipPieces.combine(crc(a), crc(b), b.length)).isEqualTo(crc(a, b));
    }
    assertThat(GzipPieces.combine(crc("x".getBytes(UTF_8)), 0, 0))
        .isEqualTo(crc("x".getBytes(UTF_8)));
  }

  private static int crc(byte[]... parts) {
    CRC32 crc = new CRC32();
    for (byte[] p : parts) {
      crc.update(p);
    }
    return (int) crc.getValue();
  }
}
