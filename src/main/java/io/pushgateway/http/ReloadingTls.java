package io.pushgateway.http;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import io.pushgateway.log.Log;
import io.pushgateway.webconfig.TlsServerConfig;
import io.pushgateway.webconfig.TlsSettings;
import io.pushgateway.webconfig.TlsVersion;
import io.pushgateway.webconfig.WebConfigException;
import io.pushgateway.webconfig.WebConfigFile;
import java.security.GeneralSecurityException;
import java.security.KeyManagementException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import org.jspecify.annotations.Nullable;

/**
 * TLS for the JDK's HTTPS server with the toolkit's reloading: every new connection reads the web
 * configuration file and the certificate, key and CA files it names again (the toolkit's {@code
 * GetConfigForClient}), so changed certificates serve the next handshake. Each version of the
 * settings gets its own {@link SSLContext} (kept while the files stay the same); a configuration
 * that has become unusable closes the new connection and is logged.
 *
 * <p>Mapping of the toolkit's settings: versions {@code min_version}..{@code max_version}; {@code
 * cipher_suites} order the TLS 1.0–1.2 suites while TLS 1.3 keeps Java's (as Go does); {@code
 * prefer_server_cipher_suites} is the server's suite order; {@code curve_preferences} are the named
 * groups; the client auth policy decides whether a certificate is wanted or needed and {@link
 * ClientCertTrust} how it is judged.
 */
final class ReloadingTls {
  private final WebConfigFile file;
  private final Log log;
  private volatile @Nullable Built last;

  private record Built(TlsSettings settings, SSLContext context, SSLParameters parameters) {}

  private ReloadingTls(WebConfigFile file, Log log) {
    this.file = file;
    this.log = log;
  }

  /** The configurator for an HTTPS server whose TLS settings come from {@code file}. */
  static HttpsConfigurator configurator(WebConfigFile file, Log log) {
    ReloadingTls tls = new ReloadingTls(file, log);
    return new HttpsConfigurator(new PerConnectionContext(tls)) {
      @Override
      public void configure(HttpsParameters params) {
        // The engine already has its parameters (see PerConnectionContext).
      }
    };
  }

  /** A new server engine configured from the file as it is now. */
  SSLEngine newEngine(@Nullable String peerHost, int peerPort) {
    Built built;
    try {
      built = current();
    } catch (WebConfigException | GeneralSecurityException e) {
      log.error(
          "TLS handshake error",
          "client",
          peerHost == null ? "" : peerHost + ":" + peerPort,
          "err",
          e.getMessage());
      throw new IllegalStateException(e.getMessage(), e);
    }
    SSLEngine engine =
        peerHost == null
            ? built.context().createSSLEngine()
            : built.context().createSSLEngine(peerHost, peerPort);
    engine.setUseClientMode(false);
    engine.setSSLParameters(built.parameters());
    return engine;
  }

  private Built current() throws WebConfigException, GeneralSecurityException {
    TlsSettings settings = file.currentTls();
    Built built = last;
    if (built != null && built.settings().equals(settings)) {
      return built;
    }
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(
        new KeyManager[] {new ServerKeyManager(settings.serverKey())},
        new TrustManager[] {ClientCertTrust.of(settings)},
        new SecureRandom());
    built = new Built(settings, context, parameters(settings, context));
    last = built;
    return built;
  }

  private static SSLParameters parameters(TlsSettings settings, SSLContext context) {
    TlsServerConfig c = settings.config();
    SSLParameters defaults = context.getDefaultSSLParameters();
    SSLParameters p = context.getDefaultSSLParameters();
    p.setProtocols(protocols(c, context.getSupportedSSLParameters().getProtocols()));
    if (!c.cipherSuites().isEmpty()) {
      List<String> supported = Arrays.asList(context.getSupportedSSLParameters().getCipherSuites());
      List<String> suites = new ArrayList<>();
      for (String suite : c.tls12CipherSuites()) {
        if (supported.contains(suite)) {
          suites.add(suite);
        }
      }
      // Go does not let cipher_suites touch TLS 1.3; its suites stay Java's defaults.
      for (String suite : defaults.getCipherSuites()) {
        if (TlsServerConfig.isTls13CipherSuite(suite)) {
          suites.add(suite);
        }
      }
      p.setCipherSuites(suites.toArray(new String[0]));
    }
    p.setUseCipherSuitesOrder(c.preferServerCipherSuites());
    if (!c.curvePreferences().isEmpty()) {
      p.setNamedGroups(c.namedGroups().toArray(new String[0]));
    }
    boolean sansChecked = c.clientAllowedSans() != null;
    boolean need =
        settings.clientAuth().requires() || (sansChecked && settings.clientAuth().requests());
    if (need) {
      p.setNeedClientAuth(true);
    } else {
      p.setWantClientAuth(settings.clientAuth().requests());
    }
    return p;
  }

  private static String[] protocols(TlsServerConfig c, String[] supported) {
    TlsVersion min = c.minVersion() == null ? TlsVersion.TLS12 : c.minVersion();
    TlsVersion max = c.maxVersion() == null ? TlsVersion.TLS13 : c.maxVersion();
    List<String> available = Arrays.asList(supported);
    List<String> protocols = new ArrayList<>();
    for (TlsVersion v : TlsVersion.values()) {
      String name = v.jsseName();
      if (v.compareTo(min) >= 0 && v.compareTo(max) <= 0 && available.contains(name)) {
        protocols.add(name);
      }
    }
    return protocols.toArray(new String[0]);
  }

  /**
   * The context the HTTPS server holds: it only makes engines, each from the settings of the moment
   * (the JDK server asks for one per new connection).
   */
  private static final class PerConnectionContext extends SSLContext {
    PerConnectionContext(ReloadingTls tls) {
      super(new Spi(tls), null, "TLS");
    }
  }

  private static final class Spi extends SSLContextSpi {
    private final ReloadingTls tls;

    Spi(ReloadingTls tls) {
      this.tls = tls;
    }

    @Override
    protected void engineInit(
        KeyManager @Nullable [] km, TrustManager @Nullable [] tm, @Nullable SecureRandom sr)
        throws KeyManagementException {
      throw new KeyManagementException("configured by the web configuration file");
    }

    @Override
    protected SSLEngine engineCreateSSLEngine() {
      return tls.newEngine(null, -1);
    }

    @Override
    protected SSLEngine engineCreateSSLEngine(String host, int port) {
      return tls.newEngine(host, port);
    }

    @Override
    protected SSLSocketFactory engineGetSocketFactory() {
      throw new UnsupportedOperationException("engines only");
    }

    @Override
    protected SSLServerSocketFactory engineGetServerSocketFactory() {
      throw new UnsupportedOperationException("engines only");
    }

    @Override
    protected SSLSessionContext engineGetServerSessionContext() {
      throw new UnsupportedOperationException("engines only");
    }

    @Override
    protected SSLSessionContext engineGetClientSessionContext() {
      throw new UnsupportedOperationException("engines only");
    }
  }
}
