package sa.qayd.command.invoice;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import sa.qayd.api.egs.EgsIdentity;
import sa.qayd.api.invoice.AllowanceChargeDraft;
import sa.qayd.api.invoice.Buyer;
import sa.qayd.api.invoice.DocumentType;
import sa.qayd.api.invoice.InvoiceDraft;
import sa.qayd.api.invoice.InvoiceKind;
import sa.qayd.api.invoice.InvoiceLineDraft;
import sa.qayd.api.invoice.PrepaymentDraft;
import sa.qayd.api.invoice.VatCategory;
import sa.qayd.zatca.model.AllowanceCharge;
import sa.qayd.zatca.model.BuyerParty;
import sa.qayd.zatca.model.DocumentKind;
import sa.qayd.zatca.model.Exemption;
import sa.qayd.zatca.model.InvoiceLine;
import sa.qayd.zatca.model.InvoiceToIssue;
import sa.qayd.zatca.model.PartyId;
import sa.qayd.zatca.model.Period;
import sa.qayd.zatca.model.PostalAddress;
import sa.qayd.zatca.model.PrepaymentDeduction;
import sa.qayd.zatca.model.Seller;
import sa.qayd.zatca.model.TaxCategory;
import sa.qayd.zatca.model.TransactionFlags;
import sa.qayd.zatca.totals.InvoiceTotals;
import sa.qayd.zatca.totals.Totals;

/** Turns Qayd's language (a validated draft, the unit's identity) into the protocol core's document model. */
public final class ZatcaDocumentMapping {
    static final String DEFAULT_PAYMENT_MEANS = "10";
    /** The out-of-scope reason of lines that give none (ZATCA leaves the text to the taxpayer). */
    static final String OUT_OF_SCOPE_REASON = "Not subject to VAT";
    private static final String SAR = InvoiceToIssue.SAR;

    private ZatcaDocumentMapping() {
    }

    public static DocumentKind kind(InvoiceKind kind, DocumentType type) {
        boolean simplified = kind == InvoiceKind.SIMPLIFIED;
        return switch (type) {
            case INVOICE -> simplified ? DocumentKind.SIMPLIFIED_INVOICE : DocumentKind.STANDARD_INVOICE;
            case CREDIT_NOTE -> simplified ? DocumentKind.SIMPLIFIED_CREDIT_NOTE : DocumentKind.STANDARD_CREDIT_NOTE;
            case DEBIT_NOTE -> simplified ? DocumentKind.SIMPLIFIED_DEBIT_NOTE : DocumentKind.STANDARD_DEBIT_NOTE;
            case PREPAYMENT_INVOICE -> simplified ? DocumentKind.SIMPLIFIED_PREPAYMENT_INVOICE : DocumentKind.STANDARD_PREPAYMENT_INVOICE;
        };
    }

    public static Seller seller(EgsIdentity identity) {
        return new Seller(identity.organisationName(), identity.vatNumber(),
                new PartyId("CRN", identity.commercialRegistrationNumber()), address(identity.address()));
    }

    static InvoiceToIssue toIssue(InvoiceSigning.Request request, UUID uuid) {
        InvoiceDraft draft = request.draft();
        InvoiceToIssue.Builder builder = InvoiceToIssue.builder()
                .kind(kind(request.kind(), request.documentType()))
                .flags(flags(draft))
                .invoiceNumber(draft.invoiceNumber())
                .uuid(uuid)
                .issuedAt(LocalDateTime.of(draft.issueDate(), draft.issueTime()))
                .seller(seller(request.identity()))
                .buyer(buyer(draft.buyer()))
                .currency(draft.currency(), exchangeRate(draft))
                .lines(lines(draft))
                .allowanceCharges(allowanceCharges(draft))
                .prepayments(prepayments(draft))
                .payableRoundingAmount(draft.payableRoundingAmount())
                .paymentMeansCode(draft.paymentMeansCode() == null ? DEFAULT_PAYMENT_MEANS : draft.paymentMeansCode())
                .supplyDate(draft.supplyDate())
                .supplyEndDate(draft.supplyEndDate())
                .invoicePeriod(draft.invoicePeriod() == null ? null
                        : new Period(draft.invoicePeriod().startDate(), draft.invoicePeriod().endDate()))
                .note(draft.note())
                .purchaseOrderReference(draft.purchaseOrderReference())
                .contractReference(draft.contractReference())
                .icv(request.icv())
                .previousInvoiceHash(request.previousInvoiceHash());
        if (draft.amendment() != null) {
            builder.billingReference(draft.amendment().billingReference()).reason(draft.amendment().reason());
        }
        return builder.build();
    }

    /** The totals the draft's document will state, before it is numbered or signed. */
    static InvoiceTotals totals(InvoiceDraft draft) {
        return Totals.of(lines(draft), allowanceCharges(draft), prepayments(draft), draft.payableRoundingAmount(),
                exchangeRate(draft));
    }

    private static BigDecimal exchangeRate(InvoiceDraft draft) {
        return SAR.equals(draft.currency()) ? null : draft.exchangeRate();
    }

    private static TransactionFlags flags(InvoiceDraft draft) {
        var flags = draft.flags();
        return new TransactionFlags(flags.thirdParty(), flags.nominal(), flags.export(), flags.summary(), flags.selfBilled());
    }

    private static List<InvoiceLine> lines(InvoiceDraft draft) {
        return draft.lines().stream().map(ZatcaDocumentMapping::line).toList();
    }

    private static InvoiceLine line(InvoiceLineDraft line) {
        InvoiceLine mapped = new InvoiceLine(line.name(), line.quantity(), line.unitCode(), line.unitPrice(),
                tax(line.vatCategory(), line.vatRate(), line.exemptionReasonCode(), line.exemptionReason()), BigDecimal.ZERO, null);
        return line.discount() == null || line.discount().signum() == 0 ? mapped : mapped.withAllowance(line.discount(), "Discount");
    }

    private static List<AllowanceCharge> allowanceCharges(InvoiceDraft draft) {
        return draft.allowanceCharges().stream().map(ZatcaDocumentMapping::allowanceCharge).toList();
    }

    private static AllowanceCharge allowanceCharge(AllowanceChargeDraft ac) {
        return new AllowanceCharge(ac.charge(), ac.amount(), ac.reason(), ac.reasonCode(),
                tax(ac.vatCategory(), ac.vatRate(), ac.exemptionReasonCode(), ac.exemptionReason()));
    }

    private static List<PrepaymentDeduction> prepayments(InvoiceDraft draft) {
        return draft.prepayments().stream().map(ZatcaDocumentMapping::prepayment).toList();
    }

    private static PrepaymentDeduction prepayment(PrepaymentDraft prepayment) {
        return new PrepaymentDeduction(prepayment.invoiceNumber(), prepayment.uuid(), prepayment.issueDate(),
                prepayment.issueTime(), prepayment.name(), tax(prepayment.vatCategory(), prepayment.vatRate(),
                prepayment.exemptionReasonCode(), prepayment.exemptionReason()), prepayment.taxableAmount());
    }

    /** Z and E carry ZATCA's fixed text for their code; O carries the taxpayer's own reason. */
    private static TaxCategory tax(VatCategory category, BigDecimal rate, String exemptionCode, String outOfScopeReason) {
        return switch (category) {
            case S -> TaxCategory.standard(rate);
            case O -> TaxCategory.outOfScope(outOfScopeReason == null ? OUT_OF_SCOPE_REASON : outOfScopeReason);
            case Z, E -> TaxCategory.exempted(exemption(exemptionCode));
        };
    }

    /** The reason codes ZATCA accepts for a category: its exemptions for Z and E, the out-of-scope code for O. */
    static Set<String> exemptionCodes(VatCategory category) {
        if (category == VatCategory.O) {
            return Set.of(TaxCategory.OUT_OF_SCOPE_CODE);
        }
        return Arrays.stream(Exemption.values()).filter(e -> e.category() == category)
                .map(Exemption::code).collect(Collectors.toUnmodifiableSet());
    }

    /** EDU and HEA, which need the buyer's name and national id. */
    static boolean isCitizenSupply(String exemptionCode) {
        return exemptionCode != null && Arrays.stream(Exemption.values())
                .anyMatch(e -> e.needsCitizenBuyer() && e.code().equals(exemptionCode));
    }

    static Exemption exemption(String code) {
        return Arrays.stream(Exemption.values()).filter(e -> e.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown exemption reason code " + code));
    }

    private static BuyerParty buyer(Buyer buyer) {
        if (buyer == null) {
            return null;
        }
        return new BuyerParty(buyer.name(), buyer.vatNumber(),
                buyer.identification() == null ? null
                        : new PartyId(buyer.identification().scheme(), buyer.identification().value()),
                buyer.address() == null ? null : address(buyer.address()));
    }

    private static PostalAddress address(sa.qayd.api.Address address) {
        return new PostalAddress(address.street(), address.buildingNumber(), address.additionalNumber(), address.district(),
                address.city(), address.postalCode(), address.country());
    }
}
