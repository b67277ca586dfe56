package io.pushgateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class ListenAddressTest {
  @Test
  void parse_acceptsGoForms() {
    assertThat(ListenAddress.parse(":9091")).isEqualTo(new InetSocketAddress(9091));
    assertThat(ListenAddress.parse("127.0.0.1:9091"))
        .isEqualTo(new InetSocketAddress("127.0.0.1", 9091));
    InetSocketAddress v6 = ListenAddress.parse("[::1]:0");
    assertThat(v6.getAddress().isLoopbackAddress()).isTrue();
    assertThat(v6.getPort()).isZero();
    assertThat(ListenAddress.parse("localhost:9091").getAddress().isLoopbackAddress()).isTrue();
  }

  @Test
  void parse_rejectsWithGoMessages() {
    assertThatThrownBy(() -> ListenAddress.parse("9091"))
        .hasMessage("address 9091: missing port in address");
    assertThatThrownBy(() -> ListenAddress.parse("::1:9091"))
        .hasMessage("address ::1:9091: too many colons in address");
    assertThatThrownBy(() -> ListenAddress.parse(":http"))
        .hasMessage("address :http: invalid port \"http\"");
    assertThatThrownBy(() -> ListenAddress.parse(":70000"))
        .hasMessage("address :70000: invalid port \"70000\"");
  }
}
