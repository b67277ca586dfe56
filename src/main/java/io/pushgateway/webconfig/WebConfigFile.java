package io.pushgateway.webconfig;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The file named by {@code --web.config.file}, read as the toolkit reads it: checked completely at
 * start-up ({@link #open}), then read again for every request ({@link #current}) and every TLS
 * handshake ({@link #currentTls}), so that changes apply without a restart. The file is read each
 * time; it is parsed again only when its bytes changed.
 */
public final class WebConfigFile {
  private record Reading(
      byte[] content, @Nullable WebConfig config, @Nullable WebConfigException error) {}

  private final String file;
  private final Path directory;
  private final TlsLoader tlsLoader = new TlsLoader();
  private final WebConfig startupConfig;
  private volatile @Nullable Reading last;

  private WebConfigFile(String file) throws WebConfigException {
    this.file = file;
    Path parent = Path.of(file).getParent();
    this.directory = parent == null ? Path.of(".") : parent;
    this.startupConfig = current();
  }

  /**
   * Reads and checks the file as the toolkit does before it serves: the YAML and headers, every
   * password hash, and, when TLS is configured, the certificate, key and client CA files, the
   * client auth policy and the cipher suites HTTP/2 needs.
   *
   * @throws WebConfigException naming the problem in the toolkit's words
   */
  public static WebConfigFile open(String file) throws WebConfigException {
    WebConfigFile webConfig = new WebConfigFile(file);
    WebConfig config = webConfig.startupConfig;
    for (Map.Entry<String, String> user : config.users().entrySet()) {
      try {
        BcryptHash.parse(user.getValue());
      } catch (IllegalArgumentException e) {
        throw new WebConfigException(e.getMessage(), "basic_auth_users." + user.getKey());
      }
    }
    if (config.tls().enabled()) {
      webConfig.tlsLoader.load(config.tls());
      checkHttp2Ciphers(config);
    }
    return webConfig;
  }

  /** The file name as given. */
  public String file() {
    return file;
  }

  /** The configuration the server started with (decides, e.g., whether it speaks TLS at all). */
  public WebConfig startupConfig() {
    return startupConfig;
  }

  /**
   * The file as it is now: read again, parsed again if it changed.
   *
   * @throws WebConfigException if it cannot be read or parsed (the toolkit answers 500 then)
   */
  public WebConfig current() throws WebConfigException {
    byte[] content;
    try {
      content = GoFiles.read(file);
    } catch (IOException e) {
      throw new WebConfigException(e.getMessage() == null ? "" : e.getMessage(), "");
    }
    Reading reading = last;
    if (reading == null || !Arrays.equals(reading.content(), content)) {
      try {
        reading = new Reading(content, WebConfigParser.parse(content, directory), null);
      } catch (WebConfigException e) {
        reading = new Reading(content, null, e);
      }
      last = reading;
    }
    WebConfigException error = reading.error();
    if (error != null) {
      throw error;
    }
    WebConfig config = reading.config();
    if (config == null) {
      throw new IllegalStateException("reading without a result");
    }
    return config;
  }

  /**
   * The TLS settings for a new handshake, from the file and the files it names as they are now.
   *
   * @throws WebConfigException if any of them cannot be used (the handshake fails then)
   */
  public TlsSettings currentTls() throws WebConfigException {
    return tlsLoader.load(current().tls());
  }

  /** Go's HTTP/2 server refuses a TLS 1.2 cipher suite list without its mandatory suite. */
  private static void checkHttp2Ciphers(WebConfig config) throws WebConfigException {
    TlsServerConfig tls = config.tls();
    TlsVersion min = tls.minVersion();
    if (!config.http2()
        || tls.cipherSuites().isEmpty()
        || (min != null && min.compareTo(TlsVersion.TLS13) >= 0)) {
      return;
    }
    if (tls.cipherSuites().stream().noneMatch(GoTlsNames.HTTP2_REQUIRED::contains)) {
      throw new WebConfigException(
          "http2: TLSConfig.CipherSuites is missing an HTTP/2-required AES_128_GCM_SHA256 cipher"
              + " (need at least one of TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 or"
              + " TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256)",
          "tls_server_config.cipher_suites");
    }
  }
}
