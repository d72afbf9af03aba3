package sa.qayd.zatca.simulator;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;

/** What a ZATCA certificate says about its unit, from the SAN directory name its CSR asked for. */
record CertificateIdentity(String vatNumber, String invoiceTypes) {

    static CertificateIdentity of(X509Certificate certificate) {
        Optional<X500Name> san = directoryName(certificate);
        return new CertificateIdentity(san.map(name -> rdn(name, BCStyle.UID)).orElse(null),
                san.map(name -> rdn(name, BCStyle.T)).orElse(null));
    }

    /** The title's "TSCZ" flags: position 1 standard documents, position 2 simplified ones. */
    boolean allowsStandard() {
        return invoiceTypes != null && invoiceTypes.length() == 4 && invoiceTypes.charAt(0) == '1';
    }

    boolean allowsSimplified() {
        return invoiceTypes != null && invoiceTypes.length() == 4 && invoiceTypes.charAt(1) == '1';
    }

    private static Optional<X500Name> directoryName(X509Certificate certificate) {
        try {
            Extension extension = new JcaX509CertificateHolder(certificate).getExtension(Extension.subjectAlternativeName);
            return extension == null ? Optional.empty() : Arrays.stream(GeneralNames.getInstance(
                            extension.getParsedValue()).getNames())
                    .filter(name -> name.getTagNo() == GeneralName.directoryName)
                    .map(name -> X500Name.getInstance(name.getName()))
                    .findFirst();
        } catch (CertificateEncodingException e) {
            return Optional.empty();
        }
    }

    private static String rdn(X500Name name, ASN1ObjectIdentifier type) {
        RDN[] rdns = name.getRDNs(type);
        return rdns.length == 0 ? null : IETFUtils.valueToString(rdns[0].getFirst().getValue());
    }
}
