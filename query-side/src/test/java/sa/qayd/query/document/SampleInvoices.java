package sa.qayd.query.document;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.UUID;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import sa.qayd.zatca.SignedInvoice;
import sa.qayd.zatca.ZatcaDocuments;
import sa.qayd.zatca.csr.CsrGenerator;
import sa.qayd.zatca.hash.InvoiceHash;
import sa.qayd.zatca.model.BuyerParty;
import sa.qayd.zatca.model.DocumentKind;
import sa.qayd.zatca.model.Exemption;
import sa.qayd.zatca.model.InvoiceLine;
import sa.qayd.zatca.model.InvoiceToIssue;
import sa.qayd.zatca.model.PartyId;
import sa.qayd.zatca.model.PostalAddress;
import sa.qayd.zatca.model.Seller;
import sa.qayd.zatca.model.TaxCategory;
import sa.qayd.zatca.signing.Signer;

/** Signed documents issued through the protocol core's public API, with a self-issued certificate. */
final class SampleInvoices {

    static final String SELLER_ARABIC_NAME = "شركة توريد التكنولوجيا بأقصى سرعة المحدودة";
    static final String ARABIC_ITEM = "كتاب";
    static final LocalDateTime ISSUED_AT = LocalDateTime.of(2025, 3, 14, 10, 30, 15);

    static final Seller SELLER = new Seller(SELLER_ARABIC_NAME + " | Maximum Speed Tech Supply LTD",
            "399999999900003", new PartyId("CRN", "1010010000"),
            new PostalAddress("الامير سلطان | Prince Sultan", "2322", "1234", "المربع | Al-Murabba", "الرياض | Riyadh", "23333", "SA"));

    static final BuyerParty BUYER = new BuyerParty("شركة نماذج فاتورة المحدودة | Fatoora Samples LTD", "399999999800003", null,
            PostalAddress.saudi("صلاح الدين | Salah Al-Din", "1111", "المروج | Al-Murooj", "الرياض | Riyadh", "12222"));

    private static final Signer SIGNER = selfIssuedSigner();

    private SampleInvoices() {
    }

    /** A document of the given kind with Arabic, English and zero-rated lines and every field the kind requires. */
    static InvoiceToIssue.Builder of(DocumentKind kind) {
        InvoiceToIssue.Builder builder = InvoiceToIssue.builder()
                .kind(kind)
                .invoiceNumber("SME-" + kind.ordinal() + "-00042")
                .uuid(UUID.nameUUIDFromBytes(kind.name().getBytes()))
                .issuedAt(ISSUED_AT)
                .seller(SELLER)
                .icv(42)
                .previousInvoiceHash(InvoiceHash.FIRST_PREVIOUS_HASH)
                .line(InvoiceLine.of(ARABIC_ITEM, new BigDecimal("33"), new BigDecimal("3.00"), TaxCategory.standard()))
                .line(InvoiceLine.of("Ballpoint pen, blue | قلم حبر جاف أزرق", new BigDecimal("3"), new BigDecimal("34.00"),
                        TaxCategory.standard()))
                .line(InvoiceLine.of("دواء | Medicine", new BigDecimal("2.5"), new BigDecimal("12.40"),
                        TaxCategory.exempted(Exemption.MEDICINES)));
        if (!kind.simplified()) {
            builder.buyer(BUYER).supplyDate(ISSUED_AT.toLocalDate());
        }
        if (kind.isNote()) {
            builder.billingReference("SME-0-00041").reason("Returned items | إرجاع بضاعة");
        }
        return builder;
    }

    static SignedInvoice issue(InvoiceToIssue invoice) {
        return ZatcaDocuments.issue(invoice, SIGNER, ISSUED_AT.plusSeconds(5));
    }

    static SignedInvoice issue(DocumentKind kind) {
        return issue(of(kind).build());
    }

    private static Signer selfIssuedSigner() {
        try {
            KeyPair keys = CsrGenerator.newKeyPair();
            X500Name name = new X500Name("C=SA, O=Qayd Test, CN=TST-886431145-399999999900003");
            Date from = Date.from(ISSUED_AT.minusDays(1).toInstant(ZoneOffset.UTC));
            Date to = Date.from(ISSUED_AT.plusYears(1).toInstant(ZoneOffset.UTC));
            var contentSigner = new JcaContentSignerBuilder("SHA256withECDSA").setProvider(Signer.BC).build(keys.getPrivate());
            X509Certificate certificate = new JcaX509CertificateConverter().setProvider(Signer.BC).getCertificate(
                    new JcaX509v3CertificateBuilder(name, BigInteger.TEN, from, to, name, keys.getPublic()).build(contentSigner));
            return Signer.of(keys.getPrivate(), certificate);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
