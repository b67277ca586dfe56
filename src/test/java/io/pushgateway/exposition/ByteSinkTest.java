package io.pushgateway.exposition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pushgateway.gocompat.GoFloatFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ByteSinkTest {

  @Test
  void appendUtf8_encodesLikeStringGetBytes() {
    String[] samples = {
      "",
      "plain ascii",
      "Πρ",
      "é",
      "\u2028",
      "€ and 😀 mixed",
      "ascii then ü",
      "\u07FF\u0800\uFFFF",
    };
    for (String s : samples) {
      ByteSink sink = new ByteSink(0);
      sink.appendUtf8(s);
      assertThat(sink.toByteArray()).as(s).isEqualTo(s.getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void appendUtf8_writesUnpairedSurrogatesAsQuestionMarks() {
    String s = "a\uD800b\uDC00c\uD83D";
    ByteSink sink = new ByteSink();
    sink.appendUtf8(s);
    assertThat(sink.toByteArray()).isEqualTo(s.getBytes(StandardCharsets.UTF_8));
    assertThat(new String(sink.toByteArray(), StandardCharsets.US_ASCII)).isEqualTo("a?b?c?");
  }

  @Test
  void appends_growFromTinyCapacity() {
    ByteSink sink = new ByteSink(0);
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < 5000; i++) {
      sink.appendAscii("line ");
      sink.appendDecimal(i);
      sink.appendByte('\n');
      expected.append("line ").append(i).append('\n');
    }
    assertThat(sink.size()).isEqualTo(expected.length());
    assertThat(new String(sink.toByteArray(), StandardCharsets.US_ASCII))
        .isEqualTo(expected.toString());
  }

  @Test
  void append_copiesTheGivenRange() {
    ByteSink sink = new ByteSink(2);
    sink.append("xxhelloyy".getBytes(StandardCharsets.US_ASCII), 2, 5);
    assertThat(sink.toByteArray()).isEqualTo("hello".getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void appendDecimal_writesSignedLongs() {
    long[] values = {0, 7, 10, -1, -10, 1234567890123L, Long.MAX_VALUE, Long.MIN_VALUE};
    for (long v : values) {
      ByteSink sink = new ByteSink(1);
      sink.appendDecimal(v);
      assertThat(new String(sink.toByteArray(), StandardCharsets.US_ASCII))
          .isEqualTo(Long.toString(v));
    }
  }

  @Test
  void appendCopyOf_repeatsEarlierBytesEvenWhenGrowing() {
    ByteSink sink = new ByteSink(4);
    sink.appendAscii("abcdef");
    sink.appendCopyOf(1, 4);
    sink.appendCopyOf(0, 10);
    assertThat(new String(sink.toByteArray(), StandardCharsets.US_ASCII))
        .isEqualTo("abcdefbcdeabcdefbcde");
    assertThatThrownBy(() -> sink.appendCopyOf(15, 10))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void reset_keepsNothing() {
    ByteSink sink = new ByteSink();
    sink.appendAscii("old content");
    sink.reset();
    sink.appendAscii("new");
    assertThat(sink.size()).isEqualTo(3);
    assertThat(sink.toByteArray()).isEqualTo("new".getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void writeTo_writesEverythingInSlicesOfAtMost64KiB() throws IOException {
    ByteSink sink = new ByteSink();
    byte[] chunk = new byte[1000];
    for (int i = 0; i < 200; i++) {
      java.util.Arrays.fill(chunk, (byte) i);
      sink.append(chunk, 0, chunk.length);
    }
    List<Integer> slices = new ArrayList<>();
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    OutputStream recording =
        new OutputStream() {
          @Override
          public void write(int b) {
            throw new AssertionError("single-byte write");
          }

          @Override
          public void write(byte[] b, int off, int len) {
            slices.add(len);
            all.write(b, off, len);
          }
        };
    sink.writeTo(recording);
    assertThat(all.toByteArray()).isEqualTo(sink.toByteArray());
    assertThat(slices).allMatch(len -> len <= 64 * 1024).hasSize(4);
  }

  @Test
  void writeTo_writesNothingWhenEmpty() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new ByteSink().writeTo(out);
    assertThat(out.size()).isZero();
  }

  @Test
  void appendFloat_writesTheTextFormatsRendering() {
    SplittableRandom random = new SplittableRandom(4711);
    List<Double> values =
        new ArrayList<>(
            List.of(0.0, -0.0, 1.0, -7.0, 999_999.0, 1e6, 0.5, 1e-7, 1e21, Double.MIN_VALUE));
    values.addAll(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
    for (int i = 0; i < 2_000; i++) {
      values.add(Double.longBitsToDouble(random.nextLong()));
      values.add((double) random.nextLong(-2_000_000, 2_000_000));
    }
    for (double v : values) {
      ByteSink sink = new ByteSink(1);
      sink.appendAscii("<");
      sink.appendFloat(v);
      sink.appendAscii(">");
      assertThat(new String(sink.toByteArray(), StandardCharsets.US_ASCII))
          .as("%s", v)
          .isEqualTo("<" + GoFloatFormat.formatG(v) + ">");
    }
  }
}
