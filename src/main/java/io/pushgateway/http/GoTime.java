package io.pushgateway.http;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** Go's time layouts used by the API and the UI, in the server's local time zone. */
final class GoTime {
  private GoTime() {}

  /** Go's RFC3339Nano: fraction without trailing zeros, {@code Z} or {@code +hh:mm}. */
  static String rfc3339Nano(Instant t, ZoneId zone) {
    return format(t, zone, true);
  }

  /** Go's RFC3339 (whole seconds). */
  static String rfc3339(Instant t, ZoneId zone) {
    return format(t, zone, false);
  }

  private static String format(Instant t, ZoneId zone, boolean withFraction) {
    ZonedDateTime z = t.atZone(zone);
    StringBuilder sb = new StringBuilder(35);
    pad(sb, z.getYear(), 4).append('-');
    pad(sb, z.getMonthValue(), 2).append('-');
    pad(sb, z.getDayOfMonth(), 2).append('T');
    pad(sb, z.getHour(), 2).append(':');
    pad(sb, z.getMinute(), 2).append(':');
    pad(sb, z.getSecond(), 2);
    int nanos = z.getNano();
    if (withFraction && nanos != 0) {
      StringBuilder frac = new StringBuilder();
      pad(frac, nanos, 9);
      int end = frac.length();
      while (frac.charAt(end - 1) == '0') {
        end--;
      }
      sb.append('.').append(frac, 0, end);
    }
    ZoneOffset offset = z.getOffset();
    if (offset.getTotalSeconds() == 0) {
      return sb.append('Z').toString();
    }
    int total = offset.getTotalSeconds();
    sb.append(total < 0 ? '-' : '+');
    total = Math.abs(total);
    pad(sb, total / 3600, 2).append(':');
    return pad(sb, (total / 60) % 60, 2).toString();
  }

  private static StringBuilder pad(StringBuilder sb, int value, int width) {
    String s = Integer.toString(value);
    for (int i = s.length(); i < width; i++) {
      sb.append('0');
    }
    return sb.append(s);
  }
}
