package sa.qayd.zatca.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Everything needed to issue one ZATCA document. Amounts are in the document currency. The EGS unit
 * supplies {@code icv} and {@code previousInvoiceHash}.
 *
 * @param issuedAt               local date-time in Asia/Riyadh, whole seconds
 * @param buyer                  may be null for simplified documents
 * @param currency               ISO 4217 document currency (BR-KSA-CL-01); VAT is also stated in SAR
 * @param exchangeRate           SAR per unit of {@code currency} (KSA-39), only and always for another currency than SAR
 * @param paymentMeansCode       UNTDID 4461, e.g. {@code 10} cash, {@code 30} credit transfer
 * @param billingReference       the original invoice, mandatory for credit/debit notes, else null
 * @param reason                 KSA-10 reason for issuing a credit/debit note, else null
 * @param supplyDate             KSA-5, mandatory for standard invoices and summary documents, optional otherwise
 * @param supplyEndDate          KSA-24, the end of a supply period that starts at {@code supplyDate}
 * @param invoicePeriod          BG-14, optional
 * @param note                   BT-22 ({@code cbc:Note}), optional
 * @param prepayments            advances deducted in this final invoice, invoices (388) only
 * @param payableRoundingAmount  BT-114, added to the amount due to round it, less than 1 either way
 * @param icv                    invoice counter value of the EGS unit (KSA-16)
 * @param previousInvoiceHash    PIH (KSA-13): base64 hash of the unit's previous document, or
 *                               {@link sa.qayd.zatca.hash.InvoiceHash#FIRST_PREVIOUS_HASH}
 */
public record InvoiceToIssue(DocumentKind kind, TransactionFlags flags, String invoiceNumber, UUID uuid,
                             LocalDateTime issuedAt, Seller seller, BuyerParty buyer, String currency, BigDecimal exchangeRate,
                             List<InvoiceLine> lines, List<AllowanceCharge> allowanceCharges, String paymentMeansCode,
                             String billingReference, String reason, LocalDate supplyDate, LocalDate supplyEndDate,
                             Period invoicePeriod, String note, String purchaseOrderReference, String contractReference,
                             List<PrepaymentDeduction> prepayments, BigDecimal payableRoundingAmount, long icv,
                             String previousInvoiceHash) {

    public static final String SAR = "SAR";
    /** BR-KSA-90: the exchange rate is at most 14 characters. */
    private static final int MAX_EXCHANGE_RATE_LENGTH = 14;

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
        }
        if (kind.simplified() && flags.summary() && (buyer == null || buyer.registrationName() == null)) {
            throw new IllegalArgumentException("a summary simplified invoice needs the buyer's name (BR-KSA-71)");
        }
        currency = currency == null ? SAR : currency;
        checkCurrency(currency, exchangeRate);
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("at least one line is required");
        }
        allowanceCharges = allowanceCharges == null ? List.of() : List.copyOf(allowanceCharges);
        prepayments = prepayments == null ? List.of() : List.copyOf(prepayments);
        if (!prepayments.isEmpty() && !kind.isInvoice()) {
            throw new IllegalArgumentException("only an invoice (388) deducts prepayments");
        }
        // any UNTDID 4461 shape: a code off ZATCA's list (CodeLists.PAYMENT_MEANS) only warns (BR-KSA-16)
        Text.matching("payment means code", paymentMeansCode, "\\d{1,2}|ZZZ");
        if (kind.isNote()) {
            Text.check("billing reference", billingReference, 5000);
            Text.check("reason", reason, 1000);
        } else if (billingReference != null || reason != null) {
            throw new IllegalArgumentException("only credit and debit notes carry a billing reference and reason");
        }
        checkSupply(kind, flags, supplyDate, supplyEndDate);
        Text.optional("note", note, 1000);
        Text.optional("purchase order reference", purchaseOrderReference, 127);
        Text.optional("contract reference", contractReference, 127);
        payableRoundingAmount = payableRoundingAmount == null ? BigDecimal.ZERO : payableRoundingAmount;
        if (payableRoundingAmount.abs().compareTo(BigDecimal.ONE) >= 0 || payableRoundingAmount.scale() > 2) {
            throw new IllegalArgumentException("the payable rounding amount must be less than 1 either way, with at most 2 decimals");
        }
        if (icv < 0) {
            throw new IllegalArgumentException("ICV must not be negative");
        }
        Text.matching("previous invoice hash", previousInvoiceHash, "[A-Za-z0-9+/]+={0,2}");
        checkOneExemptionPerCategory(Stream.concat(lines.stream().map(InvoiceLine::tax),
                allowanceCharges.stream().map(AllowanceCharge::tax)).toList());
        boolean citizenSupply = lines.stream().anyMatch(l -> l.tax().needsCitizenBuyer());
        if (citizenSupply && (buyer == null || buyer.registrationName() == null || buyer.otherId() == null
                || !"NAT".equals(buyer.otherId().scheme()))) {
            throw new IllegalArgumentException("private education/healthcare needs the buyer's name and NAT id (BR-KSA-25/49)");
        }
    }

    /** Whether the document is in another currency than SAR, and so states its VAT in SAR too. */
    public boolean foreignCurrency() {
        return !SAR.equals(currency);
    }

    private static void checkCurrency(String currency, BigDecimal exchangeRate) {
        if (!CodeLists.CURRENCIES.contains(currency)) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code ZATCA accepts (BR-KSA-CL-01), got " + currency);
        }
        if (SAR.equals(currency)) {
            if (exchangeRate != null) {
                throw new IllegalArgumentException("a SAR document has no exchange rate");
            }
        } else if (exchangeRate == null || exchangeRate.signum() <= 0
                || exchangeRate.toPlainString().length() > MAX_EXCHANGE_RATE_LENGTH) {
            throw new IllegalArgumentException("a " + currency + " document needs a positive exchange rate to SAR of at most "
                    + MAX_EXCHANGE_RATE_LENGTH + " characters (BR-KSA-90)");
        }
    }

    private static void checkSupply(DocumentKind kind, TransactionFlags flags, LocalDate supplyDate, LocalDate supplyEndDate) {
        if (kind == DocumentKind.STANDARD_INVOICE && supplyDate == null) {
            throw new IllegalArgumentException("a standard invoice needs the supply date (BR-KSA-15)");
        }
        if (supplyEndDate != null && supplyDate == null) {
            throw new IllegalArgumentException("a supply end date needs the supply date (BR-KSA-35)");
        }
        if (supplyEndDate != null && supplyEndDate.isBefore(supplyDate)) {
            throw new IllegalArgumentException("the supply end date is before the supply date (BR-KSA-36)");
        }
        if (flags.summary() && supplyEndDate == null) {
            throw new IllegalArgumentException("a summary document needs the supply period: supply date and supply end date (BR-KSA-72)");
        }
    }

    /** EN 16931 wants one breakdown per Z/E/O category (BR-Z-08, BR-E-08, BR-O-08 sum all its lines and allowances). */
    private static void checkOneExemptionPerCategory(List<TaxCategory> taxes) {
        long reasons = taxes.stream().filter(t -> t.exemptionCode() != null).distinct().count();
        long categories = taxes.stream().filter(t -> t.exemptionCode() != null).map(TaxCategory::category).distinct().count();
        if (reasons != categories) {
            throw new IllegalArgumentException("a document may carry only one exemption reason per VAT category");
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
        private BuyerParty buyer;
        private String currency = SAR;
        private BigDecimal exchangeRate;
        private final List<InvoiceLine> lines = new ArrayList<>();
        private final List<AllowanceCharge> allowanceCharges = new ArrayList<>();
        private String paymentMeansCode = "10";
        private String billingReference;
        private String reason;
        private LocalDate supplyDate;
        private LocalDate supplyEndDate;
        private Period invoicePeriod;
        private String note;
        private String purchaseOrderReference;
        private String contractReference;
        private final List<PrepaymentDeduction> prepayments = new ArrayList<>();
        private BigDecimal payableRoundingAmount = BigDecimal.ZERO;
        private long icv;
        private String previousInvoiceHash;

        public Builder kind(DocumentKind value) { kind = value; return this; }
        public Builder flags(TransactionFlags value) { flags = value; return this; }
        public Builder invoiceNumber(String value) { invoiceNumber = value; return this; }
        public Builder uuid(UUID value) { uuid = value; return this; }
        public Builder issuedAt(LocalDateTime value) { issuedAt = value; return this; }
        public Builder seller(Seller value) { seller = value; return this; }
        public Builder buyer(BuyerParty value) { buyer = value; return this; }
        /** Another currency than SAR, with the SAR value of one unit of it. */
        public Builder currency(String value, BigDecimal sarPerUnit) { currency = value; exchangeRate = sarPerUnit; return this; }
        public Builder line(InvoiceLine value) { lines.add(value); return this; }
        public Builder lines(List<InvoiceLine> values) { lines.addAll(values); return this; }
        public Builder allowanceCharge(AllowanceCharge value) { allowanceCharges.add(value); return this; }
        public Builder allowanceCharges(List<AllowanceCharge> values) { allowanceCharges.addAll(values); return this; }
        public Builder paymentMeansCode(String value) { paymentMeansCode = value; return this; }
        public Builder billingReference(String value) { billingReference = value; return this; }
        public Builder reason(String value) { reason = value; return this; }
        public Builder supplyDate(LocalDate value) { supplyDate = value; return this; }
        public Builder supplyEndDate(LocalDate value) { supplyEndDate = value; return this; }
        public Builder invoicePeriod(Period value) { invoicePeriod = value; return this; }
        public Builder note(String value) { note = value; return this; }
        public Builder purchaseOrderReference(String value) { purchaseOrderReference = value; return this; }
        public Builder contractReference(String value) { contractReference = value; return this; }
        public Builder prepayment(PrepaymentDeduction value) { prepayments.add(value); return this; }
        public Builder prepayments(List<PrepaymentDeduction> values) { prepayments.addAll(values); return this; }
        public Builder payableRoundingAmount(BigDecimal value) { payableRoundingAmount = value; return this; }
        public Builder icv(long value) { icv = value; return this; }
        public Builder previousInvoiceHash(String value) { previousInvoiceHash = value; return this; }

        public InvoiceToIssue build() {
            return new InvoiceToIssue(kind, flags, invoiceNumber, uuid, issuedAt, seller, buyer, currency, exchangeRate, lines,
                    allowanceCharges, paymentMeansCode, billingReference, reason, supplyDate, supplyEndDate, invoicePeriod,
                    note, purchaseOrderReference, contractReference, prepayments, payableRoundingAmount, icv,
                    previousInvoiceHash);
        }
    }
}
