package io.pushgateway.http;

import org.jspecify.annotations.Nullable;

/**
 * The format of a scrape response, negotiated from the {@code Accept} header as the Go Pushgateway
 * 1.5.1 does (client_golang's promhttp with expfmt.Negotiate; OpenMetrics is never offered). Each
 * constant carries the exact response {@code Content-Type}.
 */
public enum ScrapeFormat {
  /** The text format 0.0.4. */
  TEXT("text/plain; version=0.0.4; charset=utf-8"),
  /** Length-delimited protobuf {@code MetricFamily} messages. */
  PROTOBUF_DELIMITED(
      "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily;"
          + " encoding=delimited"),
  /** Protobuf text format, one message after another (a debugging format). */
  PROTOBUF_TEXT(
      "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; encoding=text"),
  /** Protobuf compact text format, one message per line (a debugging format). */
  PROTOBUF_COMPACT_TEXT(
      "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily;"
          + " encoding=compact-text");

  private static final String PROTOBUF_TYPE = "application/vnd.google.protobuf";
  private static final String METRIC_FAMILY = "io.prometheus.client.MetricFamily";

  private final String contentType;

  ScrapeFormat(String contentType) {
    this.contentType = contentType;
  }

  /** The response {@code Content-Type} header value. */
  public String contentType() {
    return contentType;
  }

  /**
   * Negotiates the format from the first {@code Accept} header value (null if absent): the accept
   * entries in goautoneg's order (q-value, then specificity), the first that names a supported
   * format wins, and {@link #TEXT} is the default.
   */
  public static ScrapeFormat negotiate(@Nullable String accept) {
    for (AcceptHeader.Entry entry : AcceptHeader.parse(accept == null ? "" : accept)) {
      ScrapeFormat format = formatOf(entry);
      if (format != null) {
        return format;
      }
    }
    return TEXT;
  }

  private static @Nullable ScrapeFormat formatOf(AcceptHeader.Entry entry) {
    if ((entry.type() + "/" + entry.subtype()).equals(PROTOBUF_TYPE)
        && METRIC_FAMILY.equals(entry.param("proto"))) {
      String encoding = entry.param("encoding");
      if ("delimited".equals(encoding)) {
        return PROTOBUF_DELIMITED;
      } else if ("text".equals(encoding)) {
        return PROTOBUF_TEXT;
      } else if ("compact-text".equals(encoding)) {
        return PROTOBUF_COMPACT_TEXT;
      }
    }
    String version = entry.param("version");
    if (entry.type().equals("text")
        && entry.subtype().equals("plain")
        && (version == null || version.isEmpty() || version.equals("0.0.4"))) {
      return TEXT;
    }
    return null;
  }

  /**
   * Whether to gzip the scrape, decided like promhttp in client_golang 1.14 (Pushgateway 1.5.1):
   * the first {@code Accept-Encoding} value split at commas has an entry that is exactly {@code
   * gzip} or starts with {@code gzip;}. Q-values are not looked at, so {@code gzip;q=0} still means
   * gzip; matching is case-sensitive.
   */
  public static boolean acceptsGzip(@Nullable String acceptEncoding) {
    if (acceptEncoding == null) {
      return false;
    }
    for (String part : acceptEncoding.split(",", -1)) {
      String entry = trimGoSpace(part);
      if (entry.equals("gzip") || entry.startsWith("gzip;")) {
        return true;
      }
    }
    return false;
  }

  private static String trimGoSpace(String s) {
    return MediaType.GoText.trimSpace(s);
  }
}
