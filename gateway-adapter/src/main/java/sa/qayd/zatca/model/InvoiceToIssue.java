package sa.qayd.zatca.model;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Everything needed to issue one ZATCA document. Amounts are in SAR (the only document currency
 * Qayd supports so far). The EGS unit supplies {@code icv} and {@code previousInvoiceHash}.
 *
 * @param issuedAt            local date-time in Asia/Riyadh, whole seconds
 * @param buyer               may be null for simplified documents
 * @param paymentMeansCode    UNTDID 4461, e.g. {@code 10} cash, {@code 30} credit transfer
 * @param billingReference    the original invoice, mandatory for credit/debit notes, else null
 * @param reason              KSA-10 reason for issuing a credit/debit note, else null
 * @param supplyDate          KSA-5, mandatory for standard invoices, optional otherwise
 * @param icv                 invoice counter value of the EGS unit (KSA-16)
 * @param previousInvoiceHash PIH (KSA-13): base64 hash of the unit's previous document, or
 *                            {@link sa.qayd.zatca.hash.InvoiceHash#FIRST_PREVIOUS_HASH}
 */
public record InvoiceToIssue(DocumentKind kind, TransactionFlags flags, String invoiceNumber, UUID uuid,
                             LocalDateTime issuedAt, Seller seller, Buyer buyer, List<InvoiceLine> lines,
                             List<AllowanceCharge> allowanceCharges, String paymentMeansCode, String billingReference,
                             String reason, LocalDate supplyDate, long icv, String previousInvoiceHash) {

    public InvoiceToIssue {
        Objects.requireNonNull(kind, "kind");
        flags = flags == null ? TransactionFlags.NONE : flags;
        flags.nameCode(kind);
        Text.check("invoice number", invoiceNumber, 127);
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(issuedAt, "issuedAt");
        issuedAt = issuedAt.truncatedTo(ChronoUnit.SECONDS);
        Objects.requireNonNull(seller, "seller");
        if (buyer != null) {
            buyer.checkFor(kind);
        } else if (!kind.simplified()) {
            throw new IllegalArgumentException("a standard document needs a buyer");
        } else if (flags.summary()) {
            throw new IllegalArgumentException("a summary simplified invoice needs the buyer's name (BR-KSA-71)");
        }
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("at least one line is required");
        }
        allowanceCharges = allowanceCharges == null ? List.of() : List.copyOf(allowanceCharges);
        Text.matching("payment means code", paymentMeansCode, "\\d{1,2}|ZZZ");
        if (kind.isNote()) {
            Text.check("billing reference", billingReference, 5000);
            Text.check("reason", reason, 1000);
        } else if (billingReference != null || reason != null) {
            throw new IllegalArgumentException("only credit and debit notes carry a billing reference and reason");
        }
        if (kind == DocumentKind.STANDARD_INVOICE && supplyDate == null) {
            throw new IllegalArgumentException("a standard invoice needs the supply date (BR-KSA-15)");
        }
        if (icv < 0) {
            throw new IllegalArgumentException("ICV must not be negative");
        }
        Text.matching("previous invoice hash", previousInvoiceHash, "[A-Za-z0-9+/]+={0,2}");
        long reasonsPerCategory = lines.stream().map(InvoiceLine::tax).distinct()
                .filter(t -> t.exemptionCode() != null).map(TaxCategory::category).count();
        long categoriesWithReasons = lines.stream().map(InvoiceLine::tax).filter(t -> t.exemptionCode() != null)
                .map(TaxCategory::category).distinct().count();
        if (reasonsPerCategory != categoriesWithReasons) {
            // EN 16931 wants one breakdown per Z/E/O category (BR-Z-08, BR-E-08, BR-O-08 sum all its lines)
            throw new IllegalArgumentException("a document may carry only one exemption reason per VAT category");
        }
        boolean citizenSupply = lines.stream().anyMatch(l -> l.tax().needsCitizenBuyer());
        if (citizenSupply && (buyer == null || buyer.registrationName() == null || buyer.otherId() == null
                || !"NAT".equals(buyer.otherId().scheme()))) {
            throw new IllegalArgumentException("private education/healthcare needs the buyer's name and NAT id (BR-KSA-25/49)");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Fluent construction; every setter returns the builder, {@link #build()} validates. */
    public static final class Builder {
        private DocumentKind kind = DocumentKind.SIMPLIFIED_INVOICE;
        private TransactionFlags flags = TransactionFlags.NONE;
        private String invoiceNumber;
        private UUID uuid;
        private LocalDateTime issuedAt;
        private Seller seller;
        private Buyer buyer;
        private final List<InvoiceLine> lines = new ArrayList<>();
        private final List<AllowanceCharge> allowanceCharges = new ArrayList<>();
        private String paymentMeansCode = "10";
        private String billingReference;
        private String reason;
        private LocalDate supplyDate;
        private long icv;
        private String previousInvoiceHash;

        public Builder kind(DocumentKind value) { kind = value; return this; }
        public Builder flags(TransactionFlags value) { flags = value; return this; }
        public Builder invoiceNumber(String value) { invoiceNumber = value; return this; }
        public Builder uuid(UUID value) { uuid = value; return this; }
        public Builder issuedAt(LocalDateTime value) { issuedAt = value; return this; }
        public Builder seller(Seller value) { seller = value; return this; }
        public Builder buyer(Buyer value) { buyer = value; return this; }
        public Builder line(InvoiceLine value) { lines.add(value); return this; }
        public Builder lines(List<InvoiceLine> values) { lines.addAll(values); return this; }
        public Builder allowanceCharge(AllowanceCharge value) { allowanceCharges.add(value); return this; }
        public Builder paymentMeansCode(String value) { paymentMeansCode = value; return this; }
        public Builder billingReference(String value) { billingReference = value; return this; }
        public Builder reason(String value) { reason = value; return this; }
        public Builder supplyDate(LocalDate value) { supplyDate = value; return this; }
        public Builder icv(long value) { icv = value; return this; }
        public Builder previousInvoiceHash(String value) { previousInvoiceHash = value; return this; }

        public InvoiceToIssue build() {
            return new InvoiceToIssue(kind, flags, invoiceNumber, uuid, issuedAt, seller, buyer, lines, allowanceCharges,
                    paymentMeansCode, billingReference, reason, supplyDate, icv, previousInvoiceHash);
        }
    }
}
