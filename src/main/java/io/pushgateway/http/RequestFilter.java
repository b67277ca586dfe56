package io.pushgateway.http;

import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * Runs before the main router for every non-API request (Go's {@code decodeRequest} wrapper, e.g.
 * Content-Encoding decoding by {@code BodyDecoding}).
 */
@FunctionalInterface
public interface RequestFilter {
  /** Lets every request through unchanged. */
  RequestFilter NONE = exchange -> exchange;

  /**
   * Returns the exchange to route (possibly a wrapper, see {@link Exchange#withRequestBody}), or
   * null when the filter has already answered (e.g. 400 for a body that is not gzip).
   */
  @Nullable Exchange filter(Exchange exchange) throws IOException;
}
