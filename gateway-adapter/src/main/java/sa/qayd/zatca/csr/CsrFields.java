package sa.qayd.zatca.csr;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.style.BCStyle;

/** OIDs of the CSR attributes and extensions ZATCA reads. */
final class CsrFields {

    /** Microsoft szOID_ENROLL_CERTTYPE_EXTENSION: the certificate template name. */
    static final ASN1ObjectIdentifier TEMPLATE_NAME = new ASN1ObjectIdentifier("1.3.6.1.4.1.311.20.2");
    static final ASN1ObjectIdentifier SERIAL = BCStyle.SURNAME;
    static final ASN1ObjectIdentifier VAT_NUMBER = BCStyle.UID;
    static final ASN1ObjectIdentifier INVOICE_TYPE = BCStyle.T;
    static final ASN1ObjectIdentifier LOCATION = new ASN1ObjectIdentifier("2.5.4.26");
    static final ASN1ObjectIdentifier INDUSTRY = BCStyle.BUSINESS_CATEGORY;

    private CsrFields() {
    }
}
