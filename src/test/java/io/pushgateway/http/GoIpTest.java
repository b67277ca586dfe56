package io.pushgateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class GoIpTest {
  private static String format(String address) throws UnknownHostException {
    return GoIp.format(InetAddress.getByName(address));
  }

  @Test
  void format_compressesIpv6LikeGo() throws UnknownHostException {
    assertThat(format("::1")).isEqualTo("::1");
    assertThat(format("::")).isEqualTo("::");
    assertThat(format("2001:db8:0:0:1:0:0:1")).isEqualTo("2001:db8::1:0:0:1");
    assertThat(format("1:0:0:2:0:0:0:3")).isEqualTo("1:0:0:2::3");
    assertThat(format("1:0:2:3:4:5:6:7")).isEqualTo("1:0:2:3:4:5:6:7");
    assertThat(format("FE80:0:0:0:0:0:0:AB")).isEqualTo("fe80::ab");
    assertThat(format("127.0.0.1")).isEqualTo("127.0.0.1");
  }

  @Test
  void remoteAddress_bracketsIpv6() throws UnknownHostException {
    assertThat(JdkExchange.goHostPort(new InetSocketAddress(InetAddress.getByName("::1"), 5678)))
        .isEqualTo("[::1]:5678");
    assertThat(JdkExchange.goHostPort(new InetSocketAddress(InetAddress.getByName("10.0.0.1"), 80)))
        .isEqualTo("10.0.0.1:80");
  }
}
