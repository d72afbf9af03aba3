package sa.qayd.zatca.simulator;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import sa.qayd.zatca.hash.Digests;
import sa.qayd.zatca.signing.Signer;

/**
 * The simulator's own issuing CA. Certificates look like ZATCA's: the CSR's subject and SAN dirName are echoed,
 * key usage digitalSignature, EKU codeSigning + clientAuth, secp256k1 keys and ECDSA-SHA256 signatures. ZATCA's
 * Microsoft template extensions are left out because nothing checks them.
 */
public final class SimulatorCertificateAuthority {
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final X500Name CA_NAME = new X500Name("CN=QAYD-FATOORA-SIMULATOR-CA, O=Qayd, C=SA");
    private static final Duration CA_VALIDITY = Duration.ofDays(3650);

    private final PrivateKey caKey;
    private final X509Certificate caCertificate;

    private SimulatorCertificateAuthority(PrivateKey caKey, X509Certificate caCertificate) {
        this.caKey = caKey;
        this.caCertificate = caCertificate;
    }

    /** True if this CA signed the certificate (and it is well-formed). */
    boolean issued(X509Certificate certificate) {
        try {
            certificate.verify(caCertificate.getPublicKey(), Signer.BC);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** Key material for values the simulator must be able to re-derive after a restart. */
    byte[] derivationKey() {
        return Digests.sha256(caKey.getEncoded());
    }

    /** A fresh CA that lives as long as this process. */
    public static SimulatorCertificateAuthority generate() {
        KeyPair pair = newSecp256k1KeyPair();
        Instant now = Instant.now();
        return new SimulatorCertificateAuthority(pair.getPrivate(), selfSigned(CA_NAME, pair.getPublic(),
                pair.getPrivate(), randomSerial(), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(CA_VALIDITY))));
    }

    /**
     * The same key under another name: the developer portal's compliance CSIDs come from {@code CN=eInvoicing}.
     * Certificates either one issues verify under the other, so a restart with the same CA file honours them all.
     */
    public SimulatorCertificateAuthority renamed(String distinguishedName) {
        return new SimulatorCertificateAuthority(caKey, selfSigned(new X500Name(distinguishedName),
                caCertificate.getPublicKey(), caKey, caCertificate.getSerialNumber(), caCertificate.getNotBefore(),
                caCertificate.getNotAfter()));
    }

    private static X509Certificate selfSigned(X500Name name, PublicKey publicKey, PrivateKey privateKey,
            BigInteger serial, Date notBefore, Date notAfter) {
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial, notBefore, notAfter, name,
                    publicKey)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            new JcaX509ExtensionUtils().createSubjectKeyIdentifier(publicKey));
            return sign(builder, privateKey);
        } catch (CertIOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot create the simulator CA", e);
        }
    }

    /**
     * Loads the CA from a PEM file holding its certificate and EC private key, or creates the file, so that a
     * standalone simulator keeps issuing under the same CA across restarts.
     */
    public static SimulatorCertificateAuthority loadOrCreate(Path pemFile) throws IOException {
        if (Files.exists(pemFile)) {
            return load(pemFile);
        }
        SimulatorCertificateAuthority created = generate();
        try (Writer out = Files.newBufferedWriter(pemFile, StandardCharsets.US_ASCII);
                JcaPEMWriter pem = new JcaPEMWriter(out)) {
            pem.writeObject(created.caCertificate);
            pem.writeObject(created.caKey);
        }
        return created;
    }

    private static SimulatorCertificateAuthority load(Path pemFile) throws IOException {
        PrivateKey key = null;
        X509Certificate certificate = null;
        try (Reader in = Files.newBufferedReader(pemFile, StandardCharsets.US_ASCII);
                PEMParser parser = new PEMParser(in)) {
            for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
                if (item instanceof X509CertificateHolder holder) {
                    certificate = new JcaX509CertificateConverter().setProvider(BC).getCertificate(holder);
                } else if (item instanceof PEMKeyPair keyPair) {
                    key = new JcaPEMKeyConverter().setProvider(BC).getKeyPair(keyPair).getPrivate();
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IOException("unreadable CA certificate in " + pemFile, e);
        }
        if (key == null || certificate == null) {
            throw new IOException(pemFile + " must hold the CA certificate and its EC private key");
        }
        return new SimulatorCertificateAuthority(key, certificate);
    }

    public X509Certificate certificate() {
        return caCertificate;
    }

    /** Issues a certificate for the CSR's key, subject and subject alternative name. */
    public X509Certificate issue(PKCS10CertificationRequest csr, Duration validity) {
        return issue(csr.getSubject(), csr.getSubjectPublicKeyInfo(),
                requestedExtensions(csr).getExtension(Extension.subjectAlternativeName), validity);
    }

    /** Issues a new certificate for the key, subject and subject alternative name of an earlier one. */
    public X509Certificate reissue(X509Certificate earlier, Duration validity) {
        try {
            X509CertificateHolder holder = new JcaX509CertificateHolder(earlier);
            return issue(holder.getSubject(), holder.getSubjectPublicKeyInfo(),
                    holder.getExtension(Extension.subjectAlternativeName), validity);
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("cannot read the earlier certificate", e);
        }
    }

    private X509Certificate issue(X500Name subject, SubjectPublicKeyInfo keyInfo, Extension san, Duration validity) {
        try {
            PublicKey subjectKey = new JcaPEMKeyConverter().setProvider(BC).getPublicKey(keyInfo);
            Instant now = Instant.now();
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(caCertificate, randomSerial(),
                    Date.from(now), Date.from(now.plus(validity)), subject, subjectKey)
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(subjectKey))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            extensions.createAuthorityKeyIdentifier(caCertificate))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                            new KeyPurposeId[] {KeyPurposeId.id_kp_codeSigning, KeyPurposeId.id_kp_clientAuth}));
            if (san != null) {
                builder.addExtension(san);
            }
            return sign(builder, caKey);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot issue a certificate for this key", e);
        }
    }

    private static KeyPair newSecp256k1KeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
            generator.initialize(new ECGenParameterSpec("secp256k1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("secp256k1 is unavailable", e);
        }
    }

    private static Extensions requestedExtensions(PKCS10CertificationRequest csr) {
        return Arrays.stream(csr.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest))
                .findFirst()
                .map(attribute -> Extensions.getInstance(attribute.getAttrValues().getObjectAt(0)))
                .orElseGet(() -> new Extensions(new Extension[0]));
    }

    private static BigInteger randomSerial() {
        return new BigInteger(127, RANDOM).add(BigInteger.ONE);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key)
            throws GeneralSecurityException {
        try {
            X509CertificateHolder holder = builder.build(
                    new JcaContentSignerBuilder("SHA256withECDSA").setProvider(BC).build(key));
            return new JcaX509CertificateConverter().setProvider(BC).getCertificate(holder);
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }
}
