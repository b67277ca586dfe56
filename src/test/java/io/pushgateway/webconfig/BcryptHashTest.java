package io.pushgateway.webconfig;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * bcrypt as Go's golang.org/x/crypto/bcrypt checks it. The hashes were made with Go's {@code
 * bcrypt.GenerateFromPassword} (cost 4) and with htpasswd ($2y$, from exporter-toolkit's tests).
 */
class BcryptHashTest {
  private static boolean matches(String hash, String password) {
    return BcryptHash.parse(hash).matches(password.getBytes(UTF_8));
  }

  @Test
  void goVectors() {
    assertThat(matches("$2a$04$obQo1sjbIUQMdxa2AHQrfuybvtvOBlUCQrrPcT9cE9Py0YXH6Wt.S", ""))
        .isTrue();
    assertThat(matches("$2a$04$ShF7frtnVI6Ac1mtJ4qHY./SHl2rAhfzEo3yUjkLHaW/xlIb7LDEa", "a"))
        .isTrue();
    assertThat(matches("$2a$04$x3HE/lZYBf7a50ZR4koDRuDHlv.GfTmF9hOiC36fULA25PgIQ.fzm", "carol123"))
        .isTrue();
    assertThat(
            matches(
                "$2a$04$9YRsaOPMdY8k71HYurNNnOIWRtYH7A0DOHrvYOtJCaPhlLJ88Olsa",
                "p\u00e4ssw\u00f6rd"))
        .isTrue();
    // Raw bytes, not text: Go compares whatever the client sent.
    assertThat(
            BcryptHash.parse("$2a$04$IlFwv3LCFBzZLKc6MhKQRup254T4GArIjfNmR9Q9Ci62PnoyTQLPG")
                .matches("p\u00ffw\u0000z".getBytes(ISO_8859_1)))
        .isTrue();
    assertThat(matches("$2a$04$x3HE/lZYBf7a50ZR4koDRuDHlv.GfTmF9hOiC36fULA25PgIQ.fzm", "carol124"))
        .isFalse();
  }

  @Test
  void passwordsAreCutAtSeventyTwoBytesAsBcryptDoes() {
    String h71 = "$2a$04$0VPylXcJRyd.Q/2r1.oNCO1UzoplFTle9GWE21HY3Z06ONz7XKHQ6";
    String h72 = "$2a$04$9P4pa/Ezon6hoez2M2K1Keahm3IaAjXDpRdxdejt/sXjJ/RL5BVfy";
    String h73 = "$2a$04$PABy8S0A4nXqK4BIO.faQO09pHnyLmB/eYBkPL3Kqp60VG3F62C9a";
    String h100 = "$2a$04$vznlJ4EcK/UXMoYkQNH.Ae0sf4EL3Fv4AH9LQe9a2ibAlmP95HUIS";
    assertThat(matches(h71, "x".repeat(71))).isTrue();
    assertThat(matches(h71, "x".repeat(72))).isFalse();
    assertThat(matches(h72, "x".repeat(72))).isTrue();
    assertThat(matches(h72, "x".repeat(73))).isTrue();
    assertThat(matches(h73, "x".repeat(72))).isTrue();
    assertThat(matches(h100, "y".repeat(100))).isTrue();
    assertThat(matches(h100, "y".repeat(72) + "anything")).isTrue();
  }

  @Test
  void everyVersionGoAcceptsWorks() {
    String tail = "$04$x3HE/lZYBf7a50ZR4koDRuDHlv.GfTmF9hOiC36fULA25PgIQ.fzm";
    for (String version : new String[] {"$2a", "$2b", "$2y", "$2x", "$2", "$1a"}) {
      assertThat(matches(version + tail, "carol123")).as(version).isTrue();
    }
    // htpasswd -nBC 10 (exporter-toolkit's test users carol and dave).
    assertThat(matches("$2y$10$qRTBuFoULoYNA7AQ/F3ck.trZBPyjV64.oA4ZsSBCIWvXuvQlQTuu", "carol123"))
        .isTrue();
    assertThat(
            BcryptHash.parse("$2y$10$2UXri9cIDdgeKjBo4Rlpx.U3ZLDV8X1IxKmsfOvhcM5oXQt/mLmXq").cost())
        .isEqualTo(10);
  }

  @Test
  void parseErrorsAreGos() {
    String rest = "$2UXri9cIDdgeKjBo4Rlpx.U3ZLDV8X1IxKmsfOvhcM5oXQt/mLmXq";
    assertThatThrownBy(() -> BcryptHash.parse("doe"))
        .hasMessage("crypto/bcrypt: hashedSecret too short to be a bcrypted password");
    assertThatThrownBy(() -> BcryptHash.parse("x2y$10" + rest))
        .hasMessage(
            "crypto/bcrypt: bcrypt hashes must start with '$', but hashedSecret started with 'x'");
    assertThatThrownBy(() -> BcryptHash.parse("$3y$10" + rest))
        .hasMessage(
            "crypto/bcrypt: bcrypt algorithm version '3' requested is newer than current version"
                + " '2'");
    assertThatThrownBy(() -> BcryptHash.parse("$2y$xx" + rest))
        .hasMessage("strconv.Atoi: parsing \"xx\": invalid syntax");
    assertThatThrownBy(() -> BcryptHash.parse("$2y$99" + rest))
        .hasMessage("crypto/bcrypt: cost 99 is outside allowed range (4,31)");
    assertThatThrownBy(() -> BcryptHash.parse("$2y$03" + rest))
        .hasMessage("crypto/bcrypt: cost 3 is outside allowed range (4,31)");
  }

  @Test
  void aSaltOutsideBcryptsAlphabetMatchesNothing() {
    assertThat(matches("$2a$04$x3HE/lZYBf7a50ZR4koD!uDHlv.GfTmF9hOiC36fULA25PgIQ.fzm", "carol123"))
        .isFalse();
    assertThat(matches("$2a$04$x3HE/lZYBf7a50ZR4koDRuDHlv.GfTmF9hOiC36fULA25PgIQ.fz", "carol123"))
        .isFalse();
  }
}
