package sa.qayd.zatca.verify;

import org.w3c.dom.Element;

/** The texts of the XAdES signature block, each null when absent. */
record SignatureValues(String invoiceDigest, String propertiesDigest, String signatureValue, String certificate,
                       String signingTime, String certificateDigest, String issuerName, String serialNumber) {

    static SignatureValues read(Element invoice) {
        Element signature = Dom.path(invoice, "ext:UBLExtensions", "ext:UBLExtension", "ext:ExtensionContent",
                "sig:UBLDocumentSignatures", "sac:SignatureInformation", "ds:Signature");
        if (signature == null) {
            return new SignatureValues(null, null, null, null, null, null, null, null);
        }
        String invoiceDigest = null;
        String propertiesDigest = null;
        Element signedInfo = Dom.path(signature, "ds:SignedInfo");
        if (signedInfo != null) {
            for (Element reference : Dom.children(signedInfo, "ds:Reference")) {
                if ("invoiceSignedData".equals(reference.getAttribute("Id"))) {
                    invoiceDigest = Dom.text(reference, "ds:DigestValue");
                } else if ("#xadesSignedProperties".equals(reference.getAttribute("URI"))) {
                    propertiesDigest = Dom.text(reference, "ds:DigestValue");
                }
            }
        }
        Element properties = Dom.path(signature, "ds:Object", "xades:QualifyingProperties", "xades:SignedProperties",
                "xades:SignedSignatureProperties");
        Element cert = Dom.path(properties, "xades:SigningCertificate", "xades:Cert");
        String certificate = Dom.text(signature, "ds:KeyInfo", "ds:X509Data", "ds:X509Certificate");
        return new SignatureValues(invoiceDigest, propertiesDigest,
                Dom.text(signature, "ds:SignatureValue"),
                certificate == null ? null : certificate.replaceAll("\\s", ""),
                Dom.text(properties, "xades:SigningTime"),
                Dom.text(cert, "xades:CertDigest", "ds:DigestValue"),
                Dom.text(cert, "xades:IssuerSerial", "ds:X509IssuerName"),
                Dom.text(cert, "xades:IssuerSerial", "ds:X509SerialNumber"));
    }
}
