package sa.qayd.command.egs;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import sa.qayd.api.egs.EgsIdentity;
import sa.qayd.command.invoice.ZatcaDocumentMapping;
import sa.qayd.zatca.SignedInvoice;
import sa.qayd.zatca.ZatcaDocuments;
import sa.qayd.zatca.hash.InvoiceHash;
import sa.qayd.zatca.model.BuyerParty;
import sa.qayd.zatca.model.DocumentKind;
import sa.qayd.zatca.model.InvoiceLine;
import sa.qayd.zatca.model.InvoiceToIssue;
import sa.qayd.zatca.model.PostalAddress;
import sa.qayd.zatca.model.TaxCategory;
import sa.qayd.zatca.signing.Signer;

/**
 * ZATCA's compliance step wants one signed sample of every document kind the CSR enabled (title
 * 1000: the three standard kinds, 0100: the three simplified ones, 1100: all six), chained like
 * real documents.
 */
final class ComplianceSamples {
    private static final BuyerParty SAMPLE_BUYER = new BuyerParty("Compliance Sample Buyer", "399999999800003", null,
            new PostalAddress("Prince Sultan Street", "2322", null, "Al Murabba", "Riyadh", "23333", "SA"));

    private ComplianceSamples() {
    }

    record Sample(DocumentKind kind, SignedInvoice signed) {
    }

    static List<Sample> signed(EgsIdentity identity, Signer signer, Clock clock) {
        List<Sample> samples = new ArrayList<>();
        String previousHash = InvoiceHash.FIRST_PREVIOUS_HASH;
        long icv = 1;
        for (DocumentKind kind : DocumentKind.values()) {
            if (!kind.complianceChecked()) {
                continue;
            }
            boolean enabled = kind.simplified() ? identity.invoiceTypes().allowsSimplified() : identity.invoiceTypes().allowsStandard();
            if (!enabled) {
                continue;
            }
            SignedInvoice sample = ZatcaDocuments.issue(sample(identity, kind, icv++, previousHash, clock), signer, clock);
            samples.add(new Sample(kind, sample));
            previousHash = sample.invoiceHash();
        }
        return samples;
    }

    private static InvoiceToIssue sample(EgsIdentity identity, DocumentKind kind, long icv, String previousHash, Clock clock) {
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZatcaDocuments.RIYADH)).minusMinutes(1);
        InvoiceToIssue.Builder builder = InvoiceToIssue.builder()
                .kind(kind)
                .invoiceNumber("COMPLIANCE-" + icv)
                .uuid(UUID.randomUUID())
                .issuedAt(now)
                .seller(ZatcaDocumentMapping.seller(identity))
                .buyer(kind.simplified() ? null : SAMPLE_BUYER)
                .line(InvoiceLine.of("Compliance sample item", BigDecimal.ONE, new BigDecimal("100.00"), TaxCategory.standard()))
                .icv(icv)
                .previousInvoiceHash(previousHash);
        if (kind == DocumentKind.STANDARD_INVOICE) {
            builder.supplyDate(now.toLocalDate());
        }
        if (kind.isNote()) {
            builder.billingReference("COMPLIANCE-1").reason("Compliance check sample");
        }
        return builder.build();
    }
}
