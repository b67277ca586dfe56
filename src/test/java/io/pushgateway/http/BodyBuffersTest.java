package io.pushgateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BodyBuffersTest {
  private static final int MB = 1 << 20;

  @Test
  void keepsLargeBuffersUpToItsLimit_andGivesTheSmallestThatFits() {
    BodyBuffers buffers = new BodyBuffers(5L * MB);
    buffers.give(new byte[MB - 1]); // small: not kept
    buffers.give(new byte[3 * MB]);
    buffers.give(new byte[2 * MB]);
    buffers.give(new byte[MB]); // would pass the limit: not kept
    assertThat(buffers.keptBytes()).isEqualTo(5L * MB);

    assertThat(buffers.take(4L * MB)).isNull();
    assertThat(buffers.take(MB + 1)).hasSize(2 * MB);
    assertThat(buffers.take(MB)).hasSize(3 * MB);
    assertThat(buffers.take(1)).isNull();
    assertThat(buffers.keptBytes()).isZero();
  }

  @Test
  void aReusedBufferYieldsExactlyTheNewBody_notWhatWasInItBefore() throws IOException {
    BodyBuffers buffers = new BodyBuffers(16L * MB);
    byte[] first = filled(3 * MB, (byte) 'a');
    BodyDecoding.Body read = readPooled(first, buffers);
    assertThat(Arrays.copyOf(read.bytes(), read.length())).isEqualTo(first);
    buffers.give(read.bytes());

    byte[] second = filled(2 * MB, (byte) 'b');
    BodyDecoding.Body again = readPooled(second, buffers);
    assertThat(again.bytes()).as("the pooled buffer").isSameAs(read.bytes());
    assertThat(again.length()).isEqualTo(second.length);
    assertThat(Arrays.copyOf(again.bytes(), again.length())).isEqualTo(second);
  }

  @Test
  void aBodyLongerThanDeclaredStillArrivesWhole() throws IOException {
    BodyBuffers buffers = new BodyBuffers(16L * MB);
    buffers.give(new byte[2 * MB]);
    byte[] body = filled(3 * MB, (byte) 'c');
    BodyDecoding.Body read =
        BodyDecoding.readBody(
            new ByteArrayInputStream(body), null, 16L * MB, 2L * MB, bytes -> {}, buffers);
    assertThat(Arrays.copyOf(read.bytes(), read.length())).isEqualTo(body);
  }

  private static BodyDecoding.Body readPooled(byte[] body, BodyBuffers buffers) throws IOException {
    return BodyDecoding.readBody(
        new ByteArrayInputStream(body), null, 16L * MB, body.length, bytes -> {}, buffers);
  }

  private static byte[] filled(int size, byte value) {
    byte[] b = new byte[size];
    Arrays.fill(b, value);
    return b;
  }
}
