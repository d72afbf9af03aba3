package sa.qayd.zatca.signing;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import sa.qayd.zatca.hash.Digests;

/**
 * An EGS unit's signing identity: its secp256k1 private key and the certificate ZATCA issued for
 * it. Everything derived from the certificate that goes into each document is computed once here.
 */
public final class Signer {

    /** BouncyCastle, passed explicitly: the JDK no longer implements secp256k1. Not registered globally. */
    public static final Provider BC = new BouncyCastleProvider();

    private final PrivateKey privateKey;
    private final X509Certificate certificate;
    private final String certificateBase64;
    private final String certificateDigest;
    private final String issuerName;
    private final String serialNumber;

    private Signer(PrivateKey privateKey, X509Certificate certificate) {
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        this.certificate = Objects.requireNonNull(certificate, "certificate");
        try {
            this.certificateBase64 = Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate cannot be encoded", e);
        }
        this.certificateDigest = Digests.base64HexSha256(certificateBase64);
        this.issuerName = issuerName(certificate);
        this.serialNumber = certificate.getSerialNumber().toString();
    }

    public static Signer of(PrivateKey privateKey, X509Certificate certificate) {
        return new Signer(privateKey, certificate);
    }

    /**
     * From the SDK / portal text forms: the key as PEM or bare base64 (SEC1 "EC PRIVATE KEY" or
     * PKCS#8), the certificate as PEM or as the bare base64 body.
     */
    public static Signer fromPem(String privateKeyPem, String certificatePem) {
        return new Signer(parsePrivateKey(privateKeyPem), parseCertificate(certificatePem));
    }

    public static X509Certificate parseCertificate(String pemOrBase64) {
        try {
            byte[] der = Base64.getMimeDecoder().decode(stripPem(pemOrBase64));
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an X.509 certificate", e);
        }
    }

    /** PKCS#8 PEM of a private key, as {@link #parsePrivateKey} reads it back. */
    public static String privateKeyPem(PrivateKey key) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                        .encodeToString(key.getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    public static PrivateKey parsePrivateKey(String pemOrBase64) {
        byte[] der = Base64.getMimeDecoder().decode(stripPem(pemOrBase64));
        try {
            PrivateKeyInfo info;
            if (pemOrBase64.contains("BEGIN PRIVATE KEY")) {
                info = PrivateKeyInfo.getInstance(der);
            } else {
                ECPrivateKey sec1 = ECPrivateKey.getInstance(der);
                info = new PrivateKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, sec1.getParametersObject()), sec1);
            }
            return new JcaPEMKeyConverter().setProvider(BC).getPrivateKey(info);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an EC private key", e);
        }
    }

    /** ECDSA-SHA256 (DER) over {@code data}; ZATCA signs the 32 raw bytes of the invoice hash. */
    public byte[] sign(byte[] data) {
        try {
            Signature ecdsa = Signature.getInstance("SHA256withECDSA", BC);
            ecdsa.initSign(privateKey);
            ecdsa.update(data);
            return ecdsa.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ECDSA signing failed", e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** The certificate body (single base64 of the DER), as embedded in {@code ds:X509Certificate}. */
    public String certificateBase64() {
        return certificateBase64;
    }

    /** base64(hex(SHA-256(certificate base64 text))), the XAdES CertDigest. */
    public String certificateDigest() {
        return certificateDigest;
    }

    public String issuerName() {
        return issuerName;
    }

    public String serialNumber() {
        return serialNumber;
    }

    /**
     * The issuer in RFC 2253 order with ", " between RDNs, as in the SDK samples
     * ({@code CN=PRZEINVOICESCA4-CA, DC=extgazt, DC=gov, DC=local}).
     */
    public static String issuerName(X509Certificate certificate) {
        try {
            List<Rdn> rdns = new LdapName(certificate.getIssuerX500Principal().getName(X500Principal.RFC2253)).getRdns();
            List<Rdn> mostSpecificFirst = new ArrayList<>(rdns);
            Collections.reverse(mostSpecificFirst);
            return String.join(", ", mostSpecificFirst.stream().map(Rdn::toString).toList());
        } catch (InvalidNameException e) {
            throw new IllegalArgumentException("certificate issuer is not an RFC 2253 name", e);
        }
    }

    private static String stripPem(String text) {
        return text.replaceAll("-----(BEGIN|END)[^-]*-----", "").replaceAll("\\s", "");
    }
}
