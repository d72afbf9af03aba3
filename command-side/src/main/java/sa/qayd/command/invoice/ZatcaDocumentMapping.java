package sa.qayd.command.invoice;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.UUID;
import sa.qayd.api.egs.EgsIdentity;
import sa.qayd.api.invoice.Buyer;
import sa.qayd.api.invoice.DocumentType;
import sa.qayd.api.invoice.InvoiceDraft;
import sa.qayd.api.invoice.InvoiceKind;
import sa.qayd.api.invoice.InvoiceLineDraft;
import sa.qayd.zatca.model.Address;
import sa.qayd.zatca.model.DocumentKind;
import sa.qayd.zatca.model.Exemption;
import sa.qayd.zatca.model.InvoiceLine;
import sa.qayd.zatca.model.InvoiceToIssue;
import sa.qayd.zatca.model.PartyId;
import sa.qayd.zatca.model.Seller;
import sa.qayd.zatca.model.TaxCategory;

/** Turns Qayd's language (a validated draft, the unit's identity) into the protocol core's document model. */
public final class ZatcaDocumentMapping {
    static final String DEFAULT_PAYMENT_MEANS = "10";
    private static final String OUT_OF_SCOPE_REASON = "Not subject to VAT";

    private ZatcaDocumentMapping() {
    }

    public static DocumentKind kind(InvoiceKind kind, DocumentType type) {
        boolean simplified = kind == InvoiceKind.SIMPLIFIED;
        return switch (type) {
            case INVOICE -> simplified ? DocumentKind.SIMPLIFIED_INVOICE : DocumentKind.STANDARD_INVOICE;
            case CREDIT_NOTE -> simplified ? DocumentKind.SIMPLIFIED_CREDIT_NOTE : DocumentKind.STANDARD_CREDIT_NOTE;
            case DEBIT_NOTE -> simplified ? DocumentKind.SIMPLIFIED_DEBIT_NOTE : DocumentKind.STANDARD_DEBIT_NOTE;
        };
    }

    public static Seller seller(EgsIdentity identity) {
        return new Seller(identity.organisationName(), identity.vatNumber(),
                new PartyId("CRN", identity.commercialRegistrationNumber()), address(identity.address()));
    }

    static InvoiceToIssue toIssue(InvoiceSigning.Request request, UUID uuid) {
        InvoiceDraft draft = request.draft();
        DocumentKind kind = kind(request.kind(), request.documentType());
        InvoiceToIssue.Builder builder = InvoiceToIssue.builder()
                .kind(kind)
                .invoiceNumber(draft.invoiceNumber())
                .uuid(uuid)
                .issuedAt(LocalDateTime.of(draft.issueDate(), draft.issueTime()))
                .seller(seller(request.identity()))
                .buyer(buyer(draft.buyer()))
                .paymentMeansCode(draft.paymentMeansCode() == null ? DEFAULT_PAYMENT_MEANS : draft.paymentMeansCode())
                .icv(request.icv())
                .previousInvoiceHash(request.previousInvoiceHash());
        draft.lines().forEach(line -> builder.line(line(line)));
        if (kind == DocumentKind.STANDARD_INVOICE) {
            builder.supplyDate(draft.issueDate());
        }
        if (draft.amendment() != null) {
            builder.billingReference(draft.amendment().billingReference()).reason(draft.amendment().reason());
        }
        return builder.build();
    }

    private static InvoiceLine line(InvoiceLineDraft line) {
        InvoiceLine mapped = InvoiceLine.of(line.name(), line.quantity(), line.unitPrice(), tax(line));
        return line.discount() == null || line.discount().signum() == 0 ? mapped : mapped.withAllowance(line.discount(), "Discount");
    }

    private static TaxCategory tax(InvoiceLineDraft line) {
        return switch (line.vatCategory()) {
            case S -> TaxCategory.standard(line.vatRate());
            case O -> TaxCategory.outOfScope(OUT_OF_SCOPE_REASON);
            case Z, E -> TaxCategory.exempted(exemption(line.exemptionReasonCode()));
        };
    }

    /** The reason codes ZATCA accepts for a category: its exemptions for Z and E, the out-of-scope code for O. */
    static Set<String> exemptionCodes(sa.qayd.api.invoice.VatCategory category) {
        if (category == sa.qayd.api.invoice.VatCategory.O) {
            return Set.of(TaxCategory.OUT_OF_SCOPE_CODE);
        }
        return Arrays.stream(Exemption.values()).filter(e -> e.category().name().equals(category.name()))
                .map(Exemption::code).collect(Collectors.toUnmodifiableSet());
    }

    static Exemption exemption(String code) {
        return Arrays.stream(Exemption.values()).filter(e -> e.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown exemption reason code " + code));
    }

    private static sa.qayd.zatca.model.Buyer buyer(Buyer buyer) {
        if (buyer == null) {
            return null;
        }
        return new sa.qayd.zatca.model.Buyer(buyer.name(), buyer.vatNumber(),
                buyer.nationalId() == null ? null : new PartyId("NAT", buyer.nationalId()),
                buyer.address() == null ? null : address(buyer.address()));
    }

    private static Address address(sa.qayd.api.Address address) {
        return new Address(address.street(), address.buildingNumber(), address.additionalNumber(), address.district(),
                address.city(), address.postalCode(), address.country());
    }

}
