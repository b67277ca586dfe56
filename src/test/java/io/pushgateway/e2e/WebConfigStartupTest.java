package io.pushgateway.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An invalid web configuration file stops the gateway before it serves or touches its persistence
 * file: exit status 1 and one error line with the toolkit's wording and the key at fault (the Go
 * Pushgateway logs the same text as "HTTP server stopped" and exits with 0).
 */
@Tag("slow")
class WebConfigStartupTest {
  @TempDir Path dir;

  private record Exit(int status, String output) {}

  private Exit run(String yaml) throws IOException, InterruptedException {
    Path file = dir.resolve("web.yml");
    Files.writeString(file, yaml);
    return runWith(
        "--web.config.file=" + file, "--persistence.file=" + dir.resolve("metrics.store"));
  }

  private Exit runWith(String... flags) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                java,
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                "io.pushgateway.Main",
                "--web.listen-address=127.0.0.1:0"));
    command.addAll(List.of(flags));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("still running: " + output);
    }
    return new Exit(process.exitValue(), output);
  }

  @Test
  void aBadPasswordHashNamesTheUser() throws Exception {
    Exit exit = run("basic_auth_users:\n  john: doe\n");
    assertThat(exit.status()).isEqualTo(1);
    assertThat(exit.output())
        .contains(
            "level=error caller=Main.java:",
            "msg=\"invalid web configuration file\" file=" + dir.resolve("web.yml"),
            "key=basic_auth_users.john"
                + " err=\"crypto/bcrypt: hashedSecret too short to be a bcrypted password\"")
        .doesNotContain("Listening on");
    assertThat(dir.resolve("metrics.store")).doesNotExist();
  }

  @Test
  void otherMistakes() throws Exception {
    assertThat(run("tls_server_config:\n  cert_filse: x\n").output())
        .contains(
            "err=\"yaml: unmarshal errors:\\n  line 2: field cert_filse not found in type"
                + " web.TLSConfig\"");
    Exit missingCert = run("tls_server_config:\n  cert_file: nope.crt\n  key_file: nope.key\n");
    assertThat(missingCert.status()).isEqualTo(1);
    assertThat(missingCert.output())
        .contains(
            "key=tls_server_config.cert_file err=\"failed to read cert_file ("
                + dir.resolve("nope.crt")
                + "): open "
                + dir.resolve("nope.crt")
                + ": no such file or directory\"");
    assertThat(run("http_server_config:\n  headers:\n    X-Custom: a\n").output())
        .contains(
            "key=http_server_config.headers.X-Custom"
                + " err=\"HTTP header \\\"X-Custom\\\" can not be configured\"");
    Exit noFile = runWith("--web.config.file=" + dir.resolve("absent.yml"));
    assertThat(noFile.status()).isEqualTo(1);
    assertThat(noFile.output())
        .contains("err=\"open " + dir.resolve("absent.yml") + ": no such file or directory\"");
  }
}
