package io.pushgateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RequestLineCheckTest {
  @Test
  void check_servesOrdinaryRequests() {
    assertThat(RequestLineCheck.check("HTTP/1.1", "GET", List.of("x"))).isNull();
    assertThat(RequestLineCheck.check("HTTP/1.0", "GET", List.of())).isNull();
    assertThat(RequestLineCheck.check("HTTP/1.5", "GET", List.of("x"))).isNull();
    assertThat(RequestLineCheck.check("HTTP/1.1", "CONNECT", List.of())).isNull();
  }

  @Test
  void check_rejectsLikeGo() {
    assertThat(RequestLineCheck.check("HTTP/1.1", "GET", List.of()))
        .isEqualTo(
            new RequestLineCheck.Rejection(400, "400 Bad Request: missing required Host header"));
    assertThat(RequestLineCheck.check("HTTP/1.1", "GET", List.of("a", "b")))
        .isEqualTo(new RequestLineCheck.Rejection(400, "400 Bad Request: too many Host headers"));
    assertThat(RequestLineCheck.check("FOO", "GET", List.of("x")))
        .isEqualTo(new RequestLineCheck.Rejection(400, "400 Bad Request"));
    assertThat(RequestLineCheck.check("HTTP/9.9", "GET", List.of("x")))
        .isEqualTo(
            new RequestLineCheck.Rejection(
                505, "505 HTTP Version Not Supported: unsupported protocol version"));
  }
}
