package io.pushgateway.webconfig;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Authorization header as Go's {@code Request.BasicAuth} reads it, checked with bcrypt. */
class BasicAuthTest {
  private static final Map<String, String> USERS =
      Map.of(
          "carol", "$2a$04$x3HE/lZYBf7a50ZR4koDRuDHlv.GfTmF9hOiC36fULA25PgIQ.fzm",
          "empty", "$2a$04$obQo1sjbIUQMdxa2AHQrfuybvtvOBlUCQrrPcT9cE9Py0YXH6Wt.S",
          "broken", "not a hash");

  private final BasicAuth auth = new BasicAuth();

  private static String basic(String credentials) {
    return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(UTF_8));
  }

  @Test
  void rightCredentialsNameTheUser() {
    assertThat(auth.authenticate(USERS, basic("carol:carol123"))).isEqualTo("carol");
    assertThat(auth.authenticate(USERS, basic("empty:"))).isEqualTo("empty");
    // Asked again: answered from the cache, same result.
    assertThat(auth.authenticate(USERS, basic("carol:carol123"))).isEqualTo("carol");
  }

  @Test
  void wrongOrMissingCredentialsNameNobody() {
    assertThat(auth.authenticate(USERS, null)).isNull();
    assertThat(auth.authenticate(USERS, basic("carol:wrong"))).isNull();
    assertThat(auth.authenticate(USERS, basic("carol:wrong"))).isNull();
    assertThat(auth.authenticate(USERS, basic("nobody:carol123"))).isNull();
    // The dummy hash's own password opens nothing.
    assertThat(auth.authenticate(USERS, basic("fakeuser:fakepassword"))).isNull();
    assertThat(auth.authenticate(USERS, basic("broken:not a hash"))).isNull();
    assertThat(auth.authenticate(USERS, basic("carol"))).isNull();
    assertThat(auth.authenticate(USERS, "Bearer abc")).isNull();
  }

  @Test
  void headerSyntaxAsGoReadsIt() {
    String token = Base64.getEncoder().encodeToString("carol:carol123".getBytes(UTF_8));
    assertThat(token).endsWith("=");
    assertThat(auth.authenticate(USERS, "basic " + token)).isEqualTo("carol");
    assertThat(auth.authenticate(USERS, "BASIC " + token)).isEqualTo("carol");
    // Go insists on base64 padding and a single space.
    assertThat(auth.authenticate(USERS, "Basic " + token.replace("=", ""))).isNull();
    assertThat(auth.authenticate(USERS, "Basic  " + token)).isNull();
    assertThat(auth.authenticate(USERS, "Basic")).isNull();
    // Unicode case folding (the long s folds to S in Java) does not count, as in Go.
    assertThat(auth.authenticate(USERS, "Ba\u017fic " + token)).isNull();
  }

  @Test
  void passwordsMayContainColonsAndAnyByte() {
    Map<String, String> users =
        Map.of("u", "$2a$04$IlFwv3LCFBzZLKc6MhKQRup254T4GArIjfNmR9Q9Ci62PnoyTQLPG");
    byte[] credentials = "u:p\u00ffw\u0000z".getBytes(ISO_8859_1);
    assertThat(auth.authenticate(users, "Basic " + Base64.getEncoder().encodeToString(credentials)))
        .isEqualTo("u");
  }

  @Test
  void aChangedHashIsCheckedAgain() {
    assertThat(auth.authenticate(USERS, basic("carol:carol123"))).isEqualTo("carol");
    Map<String, String> changed = Map.of("carol", USERS.get("empty"));
    assertThat(auth.authenticate(changed, basic("carol:carol123"))).isNull();
    assertThat(auth.authenticate(changed, basic("carol:"))).isEqualTo("carol");
  }
}
