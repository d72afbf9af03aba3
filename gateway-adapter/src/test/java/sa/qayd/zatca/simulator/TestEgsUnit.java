package sa.qayd.zatca.simulator;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import sa.qayd.zatca.SignedInvoice;
import sa.qayd.zatca.ZatcaDocuments;
import sa.qayd.zatca.fatoora.InvoiceSubmission;
import sa.qayd.zatca.hash.InvoiceHash;
import sa.qayd.zatca.model.Address;
import sa.qayd.zatca.model.Buyer;
import sa.qayd.zatca.model.DocumentKind;
import sa.qayd.zatca.model.InvoiceLine;
import sa.qayd.zatca.model.InvoiceToIssue;
import sa.qayd.zatca.model.PartyId;
import sa.qayd.zatca.model.Seller;
import sa.qayd.zatca.model.TaxCategory;
import sa.qayd.zatca.signing.Signer;

/**
 * A test EGS unit: its own secp256k1 key, CSRs with ZATCA's subject and SAN fields, and a chain of signed
 * documents (ICV counting up from 1, each PIH the previous document's hash).
 */
public final class TestEgsUnit {
    public static final String VAT_NUMBER = "399999999900003";
    private static final ASN1ObjectIdentifier CERTIFICATE_TEMPLATE_NAME = new ASN1ObjectIdentifier("1.3.6.1.4.1.311.20.2");
    private static final ASN1ObjectIdentifier REGISTERED_ADDRESS = new ASN1ObjectIdentifier("2.5.4.26");
    private static final Seller SELLER = new Seller("Qayd Test Trading LLC", VAT_NUMBER,
            new PartyId("CRN", "1010010000"), Address.saudi("King Fahd Road", "2322", "Al Olaya", "Riyadh", "12214"));
    private static final Buyer BUYER = new Buyer("Buyer Test Company", "399999999800003", null,
            Address.saudi("Prince Sultan Street", "1234", "Al Rawdah", "Jeddah", "23435"));

    private final String commonName;
    private final String serialNumber = UUID.randomUUID().toString();
    private KeyPair keys = newKeyPair();
    private long lastIcv;
    private String lastHash = InvoiceHash.FIRST_PREVIOUS_HASH;

    public TestEgsUnit(String commonName) {
        this.commonName = commonName;
    }

    /** A PEM CSR for the unit's current key, as the SDK would produce for the developer portal. */
    public String csrPem() {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "SA")
                .addRDN(BCStyle.OU, "Riyadh Branch")
                .addRDN(BCStyle.O, SELLER.registrationName())
                .addRDN(BCStyle.CN, commonName)
                .build();
        X500Name sanDirectory = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.SURNAME, "1-Qayd|2-1.0|3-" + serialNumber)
                .addRDN(BCStyle.UID, VAT_NUMBER)
                .addRDN(BCStyle.T, "1100")
                .addRDN(REGISTERED_ADDRESS, "RRRD2929")
                .addRDN(BCStyle.BUSINESS_CATEGORY, "Supply activities")
                .build();
        try {
            ExtensionsGenerator extensions = new ExtensionsGenerator();
            extensions.addExtension(CERTIFICATE_TEMPLATE_NAME, false, new DERUTF8String("TSTZATCA-Code-Signing"));
            extensions.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(sanDirectory)));
            var csr = new JcaPKCS10CertificationRequestBuilder(subject, keys.getPublic())
                    .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(Signer.BC)
                            .build(keys.getPrivate()));
            StringWriter pem = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
                writer.writeObject(csr);
            }
            return pem.toString();
        } catch (IOException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new key, as for a CSID renewal. */
    public void rotateKey() {
        keys = newKeyPair();
    }

    /** The unit's next document in its chain, signed under {@code certificate}. */
    public SignedInvoice next(DocumentKind kind, X509Certificate certificate) {
        SignedInvoice signed = issue(kind, lastIcv + 1, lastHash, certificate);
        lastIcv++;
        lastHash = signed.invoiceHash();
        return signed;
    }

    /** A document outside the chain, with the ICV and PIH given. */
    public SignedInvoice issue(DocumentKind kind, long icv, String previousHash, X509Certificate certificate) {
        InvoiceToIssue invoice = InvoiceToIssue.builder()
                .kind(kind)
                .invoiceNumber("QT-" + icv)
                .uuid(UUID.randomUUID())
                .issuedAt(LocalDateTime.now(ZatcaDocuments.RIYADH).minusMinutes(1))
                .seller(SELLER)
                .buyer(kind.simplified() ? null : BUYER)
                .line(InvoiceLine.of("Dates, 1 kg box", new BigDecimal("2"), new BigDecimal("45.50"),
                        TaxCategory.standard()))
                .paymentMeansCode("10")
                .billingReference(kind.isNote() ? "QT-1" : null)
                .reason(kind.isNote() ? "Returned items" : null)
                .supplyDate(kind.simplified() ? null : LocalDate.now(ZatcaDocuments.RIYADH))
                .icv(icv)
                .previousInvoiceHash(previousHash)
                .build();
        return ZatcaDocuments.issue(invoice, Signer.of(keys.getPrivate(), certificate));
    }

    public static InvoiceSubmission submission(SignedInvoice signed) {
        return InvoiceSubmission.of(signed.invoiceHash(), signed.uuid(), signed.xml());
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", Signer.BC);
            generator.initialize(new ECGenParameterSpec("secp256k1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
