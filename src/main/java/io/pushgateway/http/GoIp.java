package io.pushgateway.http;

import java.net.Inet6Address;
import java.net.InetAddress;

/** Go's {@code net.IP.String()} text for an address (RFC 5952 style for IPv6, with zone). */
final class GoIp {
  private GoIp() {}

  static String format(InetAddress ip) {
    if (!(ip instanceof Inet6Address v6)) {
      return ip.getHostAddress();
    }
    String text = compress(v6.getAddress());
    String zone = v6.getScopedInterface() != null ? v6.getScopedInterface().getName() : null;
    if (zone == null && v6.getScopeId() != 0) {
      zone = Integer.toString(v6.getScopeId());
    }
    return zone == null ? text : text + "%" + zone;
  }

  /** Lower-case hex groups, the first longest run of two or more zero groups as "::". */
  static String compress(byte[] a) {
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = (a[2 * i] & 0xFF) << 8 | (a[2 * i + 1] & 0xFF);
    }
    int bestStart = -1;
    int bestLen = 0;
    for (int i = 0; i < 8; ) {
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLen) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j > i ? j : i + 1;
    }
    if (bestLen < 2) {
      bestStart = -1;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        sb.append("::");
        i += bestLen - 1;
        continue;
      }
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
        sb.append(':');
      }
      sb.append(Integer.toHexString(groups[i]));
    }
    return sb.toString();
  }
}
