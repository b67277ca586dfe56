package io.pushgateway.webconfig;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Object;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * Go's {@code tls.X509KeyPair}: every {@code CERTIFICATE} block of the certificate input, the first
 * {@code ... PRIVATE KEY} block of the key input read as PKCS#1 (RSA), PKCS#8 (RSA, EC, Ed25519) or
 * SEC1 (EC), whatever its label says, and a check that the key belongs to the first certificate.
 * Errors carry Go's texts ({@code tls: private key does not match public key}).
 */
final class X509KeyPair {
  private static final String RSA_OID = "1.2.840.113549.1.1.1";
  private static final String EC_OID = "1.2.840.10045.2.1";
  private static final String ED25519_OID = "1.3.101.112";
  private static final String X25519_OID = "1.3.101.110";

  private X509KeyPair() {}

  /**
   * Loads a key pair from PEM data.
   *
   * @throws IllegalArgumentException with Go's message
   */
  static ServerKey load(byte[] certPem, byte[] keyPem) {
    List<byte[]> certs = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (Pem.Block block : Pem.decode(certPem)) {
      if (block.type().equals("CERTIFICATE")) {
        certs.add(block.bytes());
      } else {
        skipped.add(block.type());
      }
    }
    if (certs.isEmpty()) {
      if (skipped.isEmpty()) {
        throw new IllegalArgumentException("tls: failed to find any PEM data in certificate input");
      }
      if (skipped.size() == 1 && skipped.get(0).endsWith("PRIVATE KEY")) {
        throw new IllegalArgumentException(
            "tls: failed to find certificate PEM data in certificate input, but did find a private"
                + " key; PEM inputs may have been switched");
      }
      throw new IllegalArgumentException(
          "tls: failed to find \"CERTIFICATE\" PEM block in certificate input after skipping PEM"
              + " blocks of the following types: "
              + goList(skipped));
    }
    byte[] keyDer = keyBlock(keyPem);
    List<X509Certificate> chain = new ArrayList<>();
    for (byte[] der : certs) {
      chain.add(certificate(der));
    }
    PrivateKey key = privateKey(keyDer);
    checkMatch(chain.get(0).getPublicKey(), key);
    return new ServerKey(key, chain);
  }

  private static byte[] keyBlock(byte[] keyPem) {
    List<String> skipped = new ArrayList<>();
    for (Pem.Block block : Pem.decode(keyPem)) {
      if (block.type().equals("PRIVATE KEY") || block.type().endsWith(" PRIVATE KEY")) {
        return block.bytes();
      }
      skipped.add(block.type());
    }
    if (skipped.isEmpty()) {
      throw new IllegalArgumentException("tls: failed to find any PEM data in key input");
    }
    if (skipped.size() == 1 && skipped.get(0).equals("CERTIFICATE")) {
      throw new IllegalArgumentException(
          "tls: found a certificate rather than a key in the PEM for the private key");
    }
    throw new IllegalArgumentException(
        "tls: failed to find PEM block with type ending in \"PRIVATE KEY\" in key input after"
            + " skipping PEM blocks of the following types: "
            + goList(skipped));
  }

  /** A DER certificate. */
  static X509Certificate certificate(byte[] der) {
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(der));
    } catch (CertificateException | RuntimeException e) {
      throw new IllegalArgumentException("x509: malformed certificate: " + e.getMessage(), e);
    }
  }

  /** Go's {@code parsePrivateKey}: PKCS#1, then PKCS#8, then SEC1. */
  private static PrivateKey privateKey(byte[] der) {
    try {
      org.bouncycastle.asn1.pkcs.RSAPrivateKey rsa =
          org.bouncycastle.asn1.pkcs.RSAPrivateKey.getInstance(der);
      return KeyFactory.getInstance("RSA")
          .generatePrivate(
              new RSAPrivateCrtKeySpec(
                  rsa.getModulus(),
                  rsa.getPublicExponent(),
                  rsa.getPrivateExponent(),
                  rsa.getPrime1(),
                  rsa.getPrime2(),
                  rsa.getExponent1(),
                  rsa.getExponent2(),
                  rsa.getCoefficient()));
    } catch (GeneralSecurityException | RuntimeException e) {
      // not PKCS#1
    }
    String pkcs8Algorithm = pkcs8Algorithm(der);
    if (pkcs8Algorithm.equals(X25519_OID)) {
      throw new IllegalArgumentException("tls: found unknown private key type in PKCS#8 wrapping");
    }
    String algorithm =
        switch (pkcs8Algorithm) {
          case RSA_OID -> "RSA";
          case EC_OID -> "EC";
          case ED25519_OID -> "Ed25519";
          default -> "";
        };
    if (!algorithm.isEmpty()) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException | RuntimeException e) {
        // not a valid PKCS#8 key of that algorithm
      }
    }
    try {
      org.bouncycastle.asn1.sec.ECPrivateKey sec1 =
          org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(der);
      ASN1Object curve = sec1.getParametersObject();
      if (curve != null) {
        PrivateKeyInfo info =
            new PrivateKeyInfo(
                new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, curve), sec1);
        return KeyFactory.getInstance("EC")
            .generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded()));
      }
    } catch (GeneralSecurityException | java.io.IOException | RuntimeException e) {
      // not SEC1
    }
    throw new IllegalArgumentException("tls: failed to parse private key");
  }

  /** The algorithm OID of a PKCS#8 structure, or "" if the bytes are none. */
  private static String pkcs8Algorithm(byte[] der) {
    try {
      return PrivateKeyInfo.getInstance(der).getPrivateKeyAlgorithm().getAlgorithm().getId();
    } catch (RuntimeException e) {
      return "";
    }
  }

  private static void checkMatch(PublicKey publicKey, PrivateKey privateKey) {
    boolean sameType =
        switch (publicKey) {
          case RSAPublicKey rsa -> privateKey instanceof RSAPrivateKey;
          case ECPublicKey ec -> privateKey instanceof ECPrivateKey;
          case EdECPublicKey ed -> privateKey instanceof EdECPrivateKey;
          default -> throw new IllegalArgumentException("tls: unknown public key algorithm");
        };
    if (!sameType) {
      throw new IllegalArgumentException("tls: private key type does not match public key type");
    }
    boolean matches;
    if (publicKey instanceof RSAPublicKey rsa) {
      BigInteger modulus = ((RSAPrivateKey) privateKey).getModulus();
      matches = rsa.getModulus().equals(modulus);
    } else {
      matches = signsFor(publicKey, privateKey);
    }
    if (!matches) {
      throw new IllegalArgumentException("tls: private key does not match public key");
    }
  }

  /** Whether a signature made with the private key verifies with the public key. */
  private static boolean signsFor(PublicKey publicKey, PrivateKey privateKey) {
    String algorithm = publicKey instanceof ECPublicKey ? "SHA256withECDSA" : "Ed25519";
    byte[] data = new byte[32];
    new SecureRandom().nextBytes(data);
    try {
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(privateKey);
      signer.update(data);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(publicKey);
      verifier.update(data);
      return verifier.verify(signature);
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  /** Go's {@code %v} of a string slice: {@code [A B]}. */
  private static String goList(List<String> items) {
    return "[" + String.join(" ", items) + "]";
  }
}
