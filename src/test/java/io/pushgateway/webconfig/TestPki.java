package io.pushgateway.webconfig;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * Certificates made at test time (never committed): a CA, and server and client certificates it
 * signs, with their keys written as PEM in the forms openssl writes (PKCS#8, PKCS#1 for RSA, SEC1
 * for EC), plus Java SSL contexts for clients that trust the CA or present a client certificate.
 */
public final class TestPki {
  /** Key algorithms. */
  public enum KeyType {
    RSA,
    EC,
    ED25519
  }

  /** PEM forms of a private key. */
  public enum KeyFormat {
    /** {@code PRIVATE KEY} (openssl genpkey, req -newkey). */
    PKCS8,
    /** {@code RSA PRIVATE KEY} / {@code EC PRIVATE KEY} (openssl genrsa -traditional, ecparam). */
    TRADITIONAL
  }

  /** A certificate with its key. */
  public record Issued(X509Certificate certificate, PrivateKey key, X509Certificate issuer) {
    /** The certificate as PEM. */
    public String certPem() {
      return pem(certificate);
    }

    /** The key as PEM in the given form. */
    public String keyPem(KeyFormat format) {
      if (format == KeyFormat.PKCS8) {
        return pkcs8(key);
      }
      return key.getAlgorithm().equals("EC") ? sec1(key, certificate) : pem(key);
    }

    /** Writes {@code name.crt} and {@code name.key} into {@code dir}. */
    public void write(Path dir, String name, KeyFormat format) {
      try {
        Files.writeString(dir.resolve(name + ".crt"), certPem());
        Files.writeString(dir.resolve(name + ".key"), keyPem(format));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

  private final Issued ca;

  private TestPki(Issued ca) {
    this.ca = ca;
  }

  /** A new CA with an EC key. */
  public static TestPki create(String name) {
    KeyPair keys = generate(KeyType.EC);
    X509Certificate cert =
        sign(
            new X500Name("CN=" + name),
            keys,
            new X500Name("CN=" + name),
            keys.getPrivate(),
            true,
            List.of(),
            null);
    return new TestPki(new Issued(cert, keys.getPrivate(), cert));
  }

  /** The CA. */
  public Issued ca() {
    return ca;
  }

  /** A server certificate for localhost and 127.0.0.1. */
  public Issued server(KeyType type) {
    return issue(
        "localhost",
        type,
        List.of(
            new GeneralName(GeneralName.dNSName, "localhost"),
            new GeneralName(GeneralName.iPAddress, "127.0.0.1")),
        KeyPurposeId.id_kp_serverAuth);
  }

  /** A client certificate with the given subject alternative names. */
  public Issued client(String commonName, List<GeneralName> sans) {
    return issue(commonName, KeyType.EC, sans, KeyPurposeId.id_kp_clientAuth);
  }

  private Issued issue(String cn, KeyType type, List<GeneralName> sans, KeyPurposeId purpose) {
    KeyPair keys = generate(type);
    X509Certificate cert =
        sign(
            new X500Name("CN=" + cn),
            keys,
            X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded()),
            ca.key(),
            false,
            sans,
            purpose);
    return new Issued(cert, keys.getPrivate(), ca.certificate());
  }

  /** A self-signed certificate (its own issuer), e.g. a client certificate no CA vouches for. */
  public static Issued selfSigned(String cn, KeyType type) {
    KeyPair keys = generate(type);
    X500Name name = new X500Name("CN=" + cn);
    X509Certificate cert = sign(name, keys, name, keys.getPrivate(), false, List.of(), null);
    return new Issued(cert, keys.getPrivate(), cert);
  }

  /** A client SSL context that trusts this CA, optionally presenting a client certificate. */
  public SSLContext clientContext(Issued clientCert) {
    return context(ca.certificate(), clientCert);
  }

  /** A client SSL context that trusts this CA and presents no certificate. */
  public SSLContext clientContext() {
    return context(ca.certificate(), null);
  }

  /** A client SSL context trusting {@code trusted}, presenting {@code clientCert} if not null. */
  public static SSLContext context(X509Certificate trusted, Issued clientCert) {
    try {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("ca", trusted);
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      KeyManager[] keyManagers = null;
      if (clientCert != null) {
        X509Certificate[] chain =
            clientCert.issuer().equals(clientCert.certificate())
                ? new X509Certificate[] {clientCert.certificate()}
                : new X509Certificate[] {clientCert.certificate(), clientCert.issuer()};
        keyManagers = new KeyManager[] {new AlwaysPresent(clientCert.key(), chain)};
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers, tmf.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Presents the client certificate whatever CAs the server names, as curl does (Java's own key
   * managers would send none to a server that does not name its issuer).
   */
  private static final class AlwaysPresent extends X509ExtendedKeyManager {
    private final PrivateKey key;
    private final X509Certificate[] chain;

    AlwaysPresent(PrivateKey key, X509Certificate[] chain) {
      this.key = key;
      this.chain = chain;
    }

    @Override
    public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine e) {
      return "client";
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
      return "client";
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
      return new String[] {"client"};
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
      return new String[0];
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
      return null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
      return chain.clone();
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
      return key;
    }
  }

  /** PEM of a certificate, or of a key in its traditional form (PKCS#1, SEC1). */
  static String pem(Object object) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(object);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  static String pkcs8(PrivateKey key) {
    try {
      StringWriter out = new StringWriter();
      try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
        writer.writeObject(new JcaPKCS8Generator(key, null).generate());
      }
      return out.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code EC PRIVATE KEY} as openssl writes it, with the curve and the public key (BouncyCastle's
   * PEM writer leaves both out for keys that come from Java, and such a key names no curve).
   */
  static String sec1(PrivateKey key, X509Certificate certificate) {
    try {
      PrivateKeyInfo info = PrivateKeyInfo.getInstance(key.getEncoded());
      SubjectPublicKeyInfo publicKey =
          SubjectPublicKeyInfo.getInstance(certificate.getPublicKey().getEncoded());
      ECPrivateKey sec1 =
          new ECPrivateKey(
              256,
              ((java.security.interfaces.ECPrivateKey) key).getS(),
              publicKey.getPublicKeyData(),
              info.getPrivateKeyAlgorithm().getParameters());
      StringWriter out = new StringWriter();
      try (PemWriter writer = new PemWriter(out)) {
        writer.writeObject(new PemObject("EC PRIVATE KEY", sec1.getEncoded()));
      }
      return out.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The PEM's bytes. */
  static byte[] bytes(String pem) {
    return pem.getBytes(UTF_8);
  }

  static KeyPair generate(KeyType type) {
    try {
      return switch (type) {
        case RSA -> {
          KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
          g.initialize(2048);
          yield g.generateKeyPair();
        }
        case EC -> {
          KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
          g.initialize(new ECGenParameterSpec("secp256r1"));
          yield g.generateKeyPair();
        }
        case ED25519 -> KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      };
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static X509Certificate sign(
      X500Name subject,
      KeyPair subjectKeys,
      X500Name issuer,
      PrivateKey issuerKey,
      boolean isCa,
      List<GeneralName> sans,
      KeyPurposeId purpose) {
    Instant now = Instant.now();
    try {
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              issuer,
              BigInteger.valueOf(SERIAL.incrementAndGet()),
              Date.from(now.minus(Duration.ofHours(1))),
              Date.from(now.plus(Duration.ofDays(2))),
              subject,
              subjectKeys.getPublic());
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
      if (isCa) {
        builder.addExtension(
            Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      } else {
        builder.addExtension(
            Extension.keyUsage,
            true,
            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
      }
      if (purpose != null) {
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
      }
      if (!sans.isEmpty()) {
        builder.addExtension(
            Extension.subjectAlternativeName,
            false,
            new GeneralNames(new ArrayList<>(sans).toArray(new GeneralName[0])));
      }
      String algorithm =
          switch (issuerKey.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> "Ed25519";
          };
      return new JcaX509CertificateConverter()
          .getCertificate(builder.build(new JcaContentSignerBuilder(algorithm).build(issuerKey)));
    } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException(e);
    }
  }
}
