package io.pushgateway.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.pushgateway.log.Level;
import io.pushgateway.log.Log;
import io.pushgateway.log.LogFormat;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The server's own log lines go through our {@link Log}, so they follow --log.format. */
class GatewayServerLogTest {
  @Test
  void failingHandler_isLoggedInTheConfiguredFormat() throws Exception {
    ByteArrayOutputStream lines = new ByteArrayOutputStream();
    Log log = Log.create(new PrintStream(lines, true, UTF_8), Level.INFO, LogFormat.JSON);
    ExchangeHandler failing =
        exchange -> {
          throw new IllegalStateException("boom");
        };
    GatewayServer server = GatewayServer.start(List.of("127.0.0.1:0"), failing, log);
    try {
      int port = server.addresses().get(0).getPort();
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/x")).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(500);
    } finally {
      server.stop(Duration.ZERO);
    }
    String logged = lines.toString(UTF_8);
    assertThat(logged)
        .startsWith("{\"ts\":")
        .contains("\"level\":\"warn\"")
        .contains("\"msg\":\"request handler failed\"")
        .contains("\"path\":\"/x\"")
        .contains("boom");
  }
}
