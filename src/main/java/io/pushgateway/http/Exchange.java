package io.pushgateway.http;

import io.pushgateway.webconfig.Permissions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP request and its response, as the handlers see it; keeps the server library out of the
 * handlers (the shape of client_java's {@code PrometheusHttpExchange}).
 *
 * <p>A handler answers exactly once, with {@link #respond(int, byte[])}, {@link #respond(int,
 * ByteSource)} or {@link #respondStreaming(int)}; response headers must be set before that. Unlike
 * Go, nothing sniffs a Content-Type: set it explicitly whenever the body is not empty. For HEAD
 * requests the body is dropped but its length is still announced.
 */
public interface Exchange {
  /** The request method as sent, e.g. {@code GET} (case-sensitive, as in Go). */
  String method();

  /**
   * The request path as sent, still percent-encoded (never null; "" only for an absolute-form
   * request without a path). Chars U+0080..U+00FF stand for raw non-ASCII bytes of the request
   * line.
   */
  String rawPath();

  /** The query as sent without the {@code ?}; "" for a bare {@code ?}, null when there is none. */
  @Nullable String rawQuery();

  /** The first value of a request header (name matched case-insensitively), or null. */
  @Nullable String requestHeader(String name);

  /** All values of a request header, in the order received; empty if absent. */
  List<String> requestHeaders(String name);

  /** The names of all request headers, each once (case as the server reports it). */
  List<String> requestHeaderNames();

  /** The request body (after any Content-Encoding decoding a filter installed). */
  InputStream requestBody();

  /** The peer as Go's {@code RemoteAddr}: {@code 1.2.3.4:5678} or {@code [::1]:5678}. */
  String remoteAddress();

  /** Sets a response header, replacing earlier values. */
  void setHeader(String name, String value);

  /** Adds a value to a response header. */
  void addHeader(String name, String value);

  /** Sends the status and the whole body with a Content-Length (an empty body sends 0). */
  void respond(int status, byte[] body) throws IOException;

  /** Sends the status and a body of known size, written in slices of at most 64 KiB. */
  void respond(int status, ByteSource body) throws IOException;

  /**
   * Sends the status with a chunked body and returns the stream for it; closing the stream
   * completes the response.
   */
  OutputStream respondStreaming(int status) throws IOException;

  /** Whether the status line has already been sent (so no other answer is possible). */
  boolean responseStarted();

  /**
   * What the client may do, as the web configuration's authentication established it; everything
   * when there is no web configuration or it grants every user everything.
   */
  default Permissions permissions() {
    return Permissions.ALL;
  }

  /** This exchange with the request body replaced, e.g. by a decompressing stream. */
  default Exchange withRequestBody(InputStream body) {
    return new BodyReplacingExchange(this, body);
  }
}
