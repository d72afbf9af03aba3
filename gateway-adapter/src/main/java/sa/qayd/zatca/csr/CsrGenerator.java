package sa.qayd.zatca.csr;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import sa.qayd.zatca.signing.Signer;

/** secp256k1 keys and ZATCA CSRs (subject C, OU, O, CN; template name; SAN directory name). */
public final class CsrGenerator {

    private CsrGenerator() {
    }

    /** A new EC key pair on secp256k1, the only curve ZATCA accepts. */
    public static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", Signer.BC);
            generator.initialize(new ECGenParameterSpec("secp256k1"), new SecureRandom());
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("BouncyCastle cannot generate secp256k1 keys", e);
        }
    }

    public static Csr generate(CsrConfig config, KeyPair keys) {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, config.countryName())
                .addRDN(BCStyle.OU, config.organizationUnitName())
                .addRDN(BCStyle.O, config.organizationName())
                .addRDN(BCStyle.CN, config.commonName())
                .build();
        X500Name directoryName = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(CsrFields.SERIAL, new DERUTF8String(config.serialNumber()))
                .addRDN(CsrFields.VAT_NUMBER, new DERUTF8String(config.organizationIdentifier()))
                .addRDN(CsrFields.INVOICE_TYPE, new DERUTF8String(config.invoiceType()))
                .addRDN(CsrFields.LOCATION, new DERUTF8String(config.locationAddress()))
                .addRDN(CsrFields.INDUSTRY, new DERUTF8String(config.industryBusinessCategory()))
                .build();
        try {
            ExtensionsGenerator extensions = new ExtensionsGenerator();
            extensions.addExtension(CsrFields.TEMPLATE_NAME, false, new DERUTF8String(config.environment().templateName()));
            extensions.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.directoryName, directoryName)));
            var request = new JcaPKCS10CertificationRequestBuilder(subject, keys.getPublic())
                    .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(Signer.BC).build(keys.getPrivate()));
            return new Csr(request.getEncoded());
        } catch (IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot build the CSR", e);
        }
    }
}
