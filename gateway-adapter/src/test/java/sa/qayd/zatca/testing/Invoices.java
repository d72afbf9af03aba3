package sa.qayd.zatca.testing;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.UUID;
import sa.qayd.zatca.ZatcaDocuments;
import sa.qayd.zatca.hash.InvoiceHash;
import sa.qayd.zatca.model.BuyerParty;
import sa.qayd.zatca.model.DocumentKind;
import sa.qayd.zatca.model.InvoiceLine;
import sa.qayd.zatca.model.InvoiceToIssue;
import sa.qayd.zatca.model.PartyId;
import sa.qayd.zatca.model.PostalAddress;
import sa.qayd.zatca.model.Seller;
import sa.qayd.zatca.model.TaxCategory;

/** Valid documents of every kind for tests. */
public final class Invoices {

    public static final Seller SELLER = new Seller("شركة توريد التكنولوجيا بأقصى سرعة المحدودة | Maximum Speed Tech Supply LTD",
            "399999999900003", new PartyId("CRN", "1010010000"),
            new PostalAddress("الامير سلطان | Prince Sultan", "2322", "1234", "المربع | Al-Murabba", "الرياض | Riyadh", "23333", "SA"));

    public static final BuyerParty BUYER = new BuyerParty("Fatoora Samples LTD", "399999999800003", null,
            PostalAddress.saudi("صلاح الدين | Salah Al-Din", "1111", "المروج | Al-Murooj", "الرياض | Riyadh", "12222"));

    private Invoices() {
    }

    /** Issued a minute ago in Riyadh, so that BR-KSA-04 (not in the future) holds. */
    public static LocalDateTime recently() {
        return LocalDateTime.now(ZatcaDocuments.RIYADH).minusMinutes(1).withNano(0);
    }

    /** A plain two-line document of the given kind with every mandatory field for that kind. */
    public static InvoiceToIssue.Builder of(DocumentKind kind) {
        InvoiceToIssue.Builder builder = InvoiceToIssue.builder()
                .kind(kind)
                .invoiceNumber("INV-" + kind.ordinal() + "-0001")
                .uuid(UUID.randomUUID())
                .issuedAt(recently())
                .seller(SELLER)
                .icv(1)
                .previousInvoiceHash(InvoiceHash.FIRST_PREVIOUS_HASH)
                .line(InvoiceLine.of("كتاب", new BigDecimal("33"), new BigDecimal("3.00"), TaxCategory.standard()))
                .line(InvoiceLine.of("قلم", new BigDecimal("3"), new BigDecimal("34.00"), TaxCategory.standard()));
        if (!kind.simplified()) {
            builder.buyer(BUYER).supplyDate(recently().toLocalDate());
        }
        if (kind.isNote()) {
            builder.billingReference("SME00010").reason("Returned items");
        }
        return builder;
    }
}
