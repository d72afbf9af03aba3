package sa.qayd.zatca.simulator;

import java.math.BigDecimal;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;
import java.util.function.UnaryOperator;
import sa.qayd.zatca.SignedInvoice;
import sa.qayd.zatca.ZatcaDocuments;
import sa.qayd.zatca.csr.CsrConfig;
import sa.qayd.zatca.csr.CsrGenerator;
import sa.qayd.zatca.fatoora.FatooraEnvironment;
import sa.qayd.zatca.fatoora.InvoiceSubmission;
import sa.qayd.zatca.hash.InvoiceHash;
import sa.qayd.zatca.model.BuyerParty;
import sa.qayd.zatca.model.DocumentKind;
import sa.qayd.zatca.model.InvoiceLine;
import sa.qayd.zatca.model.InvoiceToIssue;
import sa.qayd.zatca.model.PartyId;
import sa.qayd.zatca.model.PostalAddress;
import sa.qayd.zatca.model.Seller;
import sa.qayd.zatca.model.TaxCategory;
import sa.qayd.zatca.signing.Signer;

/**
 * A test EGS unit: its own secp256k1 key, CSRs with ZATCA's subject and SAN fields, and a chain of signed
 * documents (ICV counting up from 1, each PIH the previous document's hash).
 */
public final class TestEgsUnit {
    /** The SDK's VAT number, the only one ZATCA's developer portal accepts. */
    public static final String VAT_NUMBER = "399999999900003";
    private static final BuyerParty BUYER = new BuyerParty("Buyer Test Company", "399999999800003", null,
            PostalAddress.saudi("Prince Sultan Street", "1234", "Al Rawdah", "Jeddah", "23435"));

    private final String commonName;
    private final Seller seller;
    private final String serialNumber = UUID.randomUUID().toString();
    private KeyPair keys = CsrGenerator.newKeyPair();
    private long lastIcv;
    private String lastHash = InvoiceHash.FIRST_PREVIOUS_HASH;

    public TestEgsUnit(String commonName) {
        this(commonName, VAT_NUMBER);
    }

    public TestEgsUnit(String commonName, String vatNumber) {
        this.commonName = commonName;
        this.seller = new Seller("Qayd Test Trading LLC", vatNumber, new PartyId("CRN", "1010010000"),
                PostalAddress.saudi("King Fahd Road", "2322", "Al Olaya", "Riyadh", "12214"));
    }

    /** A PEM CSR for the unit's current key (title 1100: all six document kinds), as the SDK produces it. */
    public String csrPem() {
        return CsrGenerator.generate(new CsrConfig(commonName, "1-Qayd|2-1.0|3-" + serialNumber, seller.vatNumber(),
                "Riyadh Branch", seller.registrationName(), "SA", "1100", "RRRD2929", "Supply activities",
                FatooraEnvironment.SANDBOX), keys).pem();
    }

    /** A new key, as for a CSID renewal. */
    public void rotateKey() {
        keys = CsrGenerator.newKeyPair();
    }

    /** The unit's next document in its chain, signed with the unit's key under {@code certificate}. */
    public SignedInvoice next(DocumentKind kind, X509Certificate certificate) {
        return next(kind, certificate, UnaryOperator.identity());
    }

    /** The same, changed before signing. */
    public SignedInvoice next(DocumentKind kind, X509Certificate certificate, UnaryOperator<InvoiceToIssue.Builder> change) {
        return next(kind, Signer.of(keys.getPrivate(), certificate), change);
    }

    /** The unit's next document in its chain, changed before signing, signed by {@code signer}. */
    public SignedInvoice next(DocumentKind kind, Signer signer, UnaryOperator<InvoiceToIssue.Builder> change) {
        SignedInvoice signed = ZatcaDocuments.issue(change.apply(builder(kind, lastIcv + 1, lastHash)).build(), signer);
        lastIcv++;
        lastHash = signed.invoiceHash();
        return signed;
    }

    /** A document outside the chain, with the ICV and PIH given. */
    public SignedInvoice issue(DocumentKind kind, long icv, String previousHash, X509Certificate certificate) {
        return ZatcaDocuments.issue(builder(kind, icv, previousHash).build(), Signer.of(keys.getPrivate(), certificate));
    }

    private InvoiceToIssue.Builder builder(DocumentKind kind, long icv, String previousHash) {
        return InvoiceToIssue.builder()
                .kind(kind)
                .invoiceNumber("QT-" + icv)
                .uuid(UUID.randomUUID())
                .issuedAt(LocalDateTime.now(ZatcaDocuments.RIYADH).minusMinutes(1))
                .seller(seller)
                .buyer(kind.simplified() ? null : BUYER)
                .line(InvoiceLine.of("Dates, 1 kg box", new BigDecimal("2"), new BigDecimal("45.50"),
                        TaxCategory.standard()))
                .paymentMeansCode("10")
                .billingReference(kind.isNote() ? "QT-1" : null)
                .reason(kind.isNote() ? "Returned items" : null)
                .supplyDate(kind.simplified() ? null : LocalDate.now(ZatcaDocuments.RIYADH))
                .icv(icv)
                .previousInvoiceHash(previousHash);
    }

    public static InvoiceSubmission submission(SignedInvoice signed) {
        return InvoiceSubmission.of(signed.invoiceHash(), signed.uuid(), signed.xml());
    }
}
