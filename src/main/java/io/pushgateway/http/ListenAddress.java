package io.pushgateway.http;

import java.net.InetSocketAddress;

/** Parses Go listen addresses: {@code :9091}, {@code 127.0.0.1:9091}, {@code [::1]:9091}, names. */
final class ListenAddress {
  private ListenAddress() {}

  /**
   * The socket address to bind for {@code address}; an empty host means all interfaces.
   *
   * @throws IllegalArgumentException with Go's {@code net.SplitHostPort} complaint
   */
  static InetSocketAddress parse(String address) {
    int colon = address.lastIndexOf(':');
    if (colon < 0) {
      throw invalid(address, "missing port in address");
    }
    String host = address.substring(0, colon);
    if (host.startsWith("[")) {
      if (!host.endsWith("]")) {
        throw invalid(address, "missing ']' in address");
      }
      host = host.substring(1, host.length() - 1);
    } else if (host.indexOf(':') >= 0) {
      throw invalid(address, "too many colons in address");
    }
    int port = parsePort(address, address.substring(colon + 1));
    return host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
  }

  private static int parsePort(String address, String text) {
    try {
      int port = Integer.parseInt(text);
      if (port >= 0 && port <= 65535 && !text.startsWith("+")) {
        return port;
      }
    } catch (NumberFormatException e) {
      // Go would also look the name up as a service (e.g. "http"); we only take numbers.
    }
    throw invalid(address, "invalid port \"" + text + "\"");
  }

  private static IllegalArgumentException invalid(String address, String why) {
    return new IllegalArgumentException("address " + address + ": " + why);
  }
}
