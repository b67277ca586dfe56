package io.pushgateway.http;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Replays about a thousand requests recorded against the real Go Pushgateway
 * (go-routing-transcript.tsv, which says how) and compares status, Location, Allow, Content-Type
 * and body with Go's answers.
 */
class DispatcherTranscriptTest {
  /** One recorded request; {@code status} null means Go passed it to an endpoint handler. */
  record Case(
      String config,
      String method,
      String target,
      @Nullable Integer status,
      @Nullable String location,
      @Nullable String allow,
      @Nullable String contentType,
      @Nullable String body) {
    @Override
    public String toString() {
      return config + ": " + method + " " + target;
    }
  }

  static final List<Case> CASES = load();

  private static final Dispatcher DEFAULT =
      Dispatcher.create("", "/metrics", RecordingRoutes.all(false), RequestFilter.NONE);
  private static final Dispatcher PREFIXED =
      Dispatcher.create("/pg", "/prom", RecordingRoutes.all(true), RequestFilter.NONE);

  @ParameterizedTest(name = "{0}")
  @FieldSource("CASES")
  void request_answeredLikeGo(Case c) throws IOException {
    FakeExchange exchange = FakeExchange.request(c.method(), c.target());
    (c.config().equals("default") ? DEFAULT : PREFIXED).handle(exchange);
    if (c.status() == null) {
      assertThat(exchange.status()).as("reaches a handler").isEqualTo(RecordingRoutes.HIT);
      return;
    }
    assertThat(exchange.status()).as("status").isEqualTo(c.status());
    assertThat(exchange.responseHeader("Location")).as("Location").isEqualTo(c.location());
    assertThat(exchange.responseHeader("Allow")).as("Allow").isEqualTo(c.allow());
    assertThat(exchange.responseHeader("Content-Type"))
        .as("Content-Type")
        .isEqualTo(c.contentType());
    if (c.body() != null) {
      assertThat(new String(exchange.bodyBytes(), ISO_8859_1)).as("body").isEqualTo(c.body());
    }
  }

  @org.junit.jupiter.api.Test
  void transcript_coversBothConfigurations() {
    assertThat(CASES).extracting(Case::config).contains("default", "prefixed");
    assertThat(CASES).hasSizeGreaterThan(900);
  }

  private static List<Case> load() {
    try (InputStream in =
        Objects.requireNonNull(
            DispatcherTranscriptTest.class.getResourceAsStream("go-routing-transcript.tsv"))) {
      return new String(in.readAllBytes(), UTF_8)
          .lines()
          .filter(line -> !line.startsWith("#") && !line.isBlank())
          .map(DispatcherTranscriptTest::parse)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Case parse(String line) {
    String[] f = line.split("\t", -1);
    Integer status = f[3].equals("handler") ? null : Integer.valueOf(f[3]);
    return new Case(
        f[0], f[1], unescape(f[2]), status, field(f[4]), field(f[5]), field(f[6]), field(f[7]));
  }

  private static @Nullable String field(String text) {
    return text.equals("-") ? null : unescape(text);
  }

  /** Undoes the file's escapes; {@code \xNN} is one raw byte (a char 0..255). */
  private static String unescape(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char next = text.charAt(++i);
      switch (next) {
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'e' -> {}
        case 'x' -> {
          out.append((char) Integer.parseInt(text.substring(i + 1, i + 3), 16));
          i += 2;
        }
        default -> out.append(next);
      }
    }
    return out.toString();
  }
}
