package io.pushgateway.http;

/**
 * Where handlers report what they served, for the gateway's own metrics ({@code
 * pushgateway_http_requests_total} and the push summaries).
 */
public interface RequestObserver {
  /** Observes nothing (tests). */
  RequestObserver NONE =
      new RequestObserver() {
        @Override
        public void countRequest(String handler, String method, int status) {}

        @Override
        public void observePush(String method, double seconds, long sizeBytes) {}
      };

  /** One answered request of a counted handler. */
  void countRequest(String handler, String method, int status);

  /** One push (PUT or POST, any outcome): its duration and approximate request size. */
  void observePush(String method, double seconds, long sizeBytes);

  /** One push refused for a limit, by the limit's flag name (e.g. {@code push.max-body-bytes}). */
  default void countRefusal(String limit) {}
}
