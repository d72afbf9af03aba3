package sa.qayd.zatca.csr;

import java.io.IOException;
import java.security.PublicKey;
import java.util.Base64;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import sa.qayd.zatca.fatoora.FatooraEnvironment;
import sa.qayd.zatca.signing.Signer;

/** Reads a ZATCA CSR back, checks its self-signature and its fields (for the simulator and for tests). */
public final class CsrParser {

    /** A parsed, self-consistent CSR. */
    public record ParsedCsr(CsrConfig config, PublicKey publicKey) {
    }

    private CsrParser() {
    }

    /** @param text PEM, bare base64 of the DER, or base64 of the PEM (the API's {@code csr} field) */
    public static ParsedCsr parse(String text) {
        String pem = text.contains("-----BEGIN") ? text : maybeDecodedPem(text);
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----(BEGIN|END)[^-]*-----", "").replaceAll("\\s", ""));
        try {
            JcaPKCS10CertificationRequest request = new JcaPKCS10CertificationRequest(der).setProvider(Signer.BC);
            if (!request.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(Signer.BC).build(request.getPublicKey()))) {
                throw new IllegalArgumentException("CSR signature does not verify");
            }
            Extensions extensions = request.getRequestedExtensions();
            if (extensions == null) {
                throw new IllegalArgumentException("CSR has no extension request");
            }
            String template = string(extensions.getExtensionParsedValue(CsrFields.TEMPLATE_NAME), "template name");
            GeneralName[] names = GeneralNames.fromExtensions(extensions, Extension.subjectAlternativeName).getNames();
            if (names.length != 1 || names[0].getTagNo() != GeneralName.directoryName) {
                throw new IllegalArgumentException("subjectAltName must be one directory name");
            }
            X500Name subject = request.getSubject();
            X500Name san = X500Name.getInstance(names[0].getName());
            CsrConfig config = new CsrConfig(rdn(subject, BCStyle.CN), rdn(san, CsrFields.SERIAL), rdn(san, CsrFields.VAT_NUMBER),
                    rdn(subject, BCStyle.OU), rdn(subject, BCStyle.O), rdn(subject, BCStyle.C), rdn(san, CsrFields.INVOICE_TYPE),
                    rdn(san, CsrFields.LOCATION), rdn(san, CsrFields.INDUSTRY), FatooraEnvironment.ofTemplateName(template));
            return new ParsedCsr(config, request.getPublicKey());
        } catch (IOException | OperatorCreationException | PKCSException | java.security.GeneralSecurityException
                 | IllegalStateException e) {
            throw new IllegalArgumentException("not a readable PKCS#10 CSR: " + e.getMessage(), e);
        }
    }

    private static String maybeDecodedPem(String text) {
        try {
            String decoded = new String(Base64.getMimeDecoder().decode(text.strip()), java.nio.charset.StandardCharsets.US_ASCII);
            return decoded.contains("-----BEGIN") ? decoded : text;
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private static String rdn(X500Name name, ASN1ObjectIdentifier oid) {
        RDN[] rdns = name.getRDNs(oid);
        if (rdns.length != 1) {
            throw new IllegalArgumentException("expected exactly one " + BCStyle.INSTANCE.oidToDisplayName(oid) + " (" + oid + ")");
        }
        return string(rdns[0].getFirst().getValue(), oid.getId());
    }

    private static String string(Object value, String what) {
        if (value instanceof ASN1String s) {
            return s.getString();
        }
        throw new IllegalArgumentException(what + " is not a string");
    }
}
