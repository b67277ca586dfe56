package io.pushgateway.http;

import org.jspecify.annotations.Nullable;

/** The body format of a push, chosen from its {@code Content-Type} as the Go Pushgateway does. */
public enum PushFormat {
  /** The text exposition format 0.0.4: the fallback for everything that is not protobuf. */
  TEXT,
  /** Length-delimited {@code io.prometheus.client.MetricFamily} protobuf messages. */
  PROTOBUF;

  private static final String PROTOBUF_TYPE = "application/vnd.google.protobuf";
  private static final String METRIC_FAMILY = "io.prometheus.client.MetricFamily";

  /**
   * {@link #PROTOBUF} iff the header parses (Go's mime.ParseMediaType) to type {@code
   * application/vnd.google.protobuf} with {@code encoding=delimited} and {@code
   * proto=io.prometheus.client.MetricFamily} (values case-sensitive); otherwise {@link #TEXT}.
   */
  public static PushFormat fromContentType(@Nullable String contentType) {
    MediaType mediaType = MediaType.parse(contentType == null ? "" : contentType);
    if (mediaType != null
        && mediaType.type().equals(PROTOBUF_TYPE)
        && "delimited".equals(mediaType.param("encoding"))
        && METRIC_FAMILY.equals(mediaType.param("proto"))) {
      return PROTOBUF;
    }
    return TEXT;
  }
}
