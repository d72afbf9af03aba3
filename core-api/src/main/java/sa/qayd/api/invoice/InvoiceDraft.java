package sa.qayd.api.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * A validated invoice request, as the integrator described it, before Qayd numbers, chains and
 * signs it. Dates and times are Asia/Riyadh local time, as ZATCA expects. {@code amendment} is set
 * for credit and debit notes only. Amounts are in {@code currency}.
 * <p>
 * Drafts stored before a field existed read back with its default: no transaction flags, no
 * allowances, charges or prepayments, no rounding.
 *
 * @param exchangeRate          SAR per unit of {@code currency}; null for SAR documents
 * @param supplyDate            KSA-5; set for every standard invoice
 * @param supplyEndDate         KSA-24, the end of the supply period that starts at {@code supplyDate}
 * @param payableRoundingAmount added to the amount due to round it
 */
public record InvoiceDraft(
        String invoiceNumber,
        LocalDate issueDate,
        LocalTime issueTime,
        String currency,
        Buyer buyer,
        List<InvoiceLineDraft> lines,
        String paymentMeansCode,
        String note,
        Amendment amendment,
        TransactionFlags flags,
        BigDecimal exchangeRate,
        LocalDate supplyDate,
        LocalDate supplyEndDate,
        InvoicePeriod invoicePeriod,
        String purchaseOrderReference,
        String contractReference,
        List<AllowanceChargeDraft> allowanceCharges,
        List<PrepaymentDraft> prepayments,
        BigDecimal payableRoundingAmount) {

    public InvoiceDraft {
        lines = lines == null ? List.of() : List.copyOf(lines);
        flags = flags == null ? TransactionFlags.NONE : flags;
        allowanceCharges = allowanceCharges == null ? List.of() : List.copyOf(allowanceCharges);
        prepayments = prepayments == null ? List.of() : List.copyOf(prepayments);
        payableRoundingAmount = payableRoundingAmount == null ? BigDecimal.ZERO : payableRoundingAmount;
    }

    /** An ordinary SAR document: no flags, supply date, references, allowances, charges, prepayments or rounding. */
    public InvoiceDraft(String invoiceNumber, LocalDate issueDate, LocalTime issueTime, String currency, Buyer buyer,
                        List<InvoiceLineDraft> lines, String paymentMeansCode, String note, Amendment amendment) {
        this(invoiceNumber, issueDate, issueTime, currency, buyer, lines, paymentMeansCode, note, amendment, null, null, null,
                null, null, null, null, null, null, null);
    }

    public InvoiceDraft withInvoiceNumber(String number) {
        return new InvoiceDraft(number, issueDate, issueTime, currency, buyer, lines, paymentMeansCode, note, amendment, flags,
                exchangeRate, supplyDate, supplyEndDate, invoicePeriod, purchaseOrderReference, contractReference,
                allowanceCharges, prepayments, payableRoundingAmount);
    }

    public InvoiceDraft withAmendment(Amendment amending) {
        return new InvoiceDraft(invoiceNumber, issueDate, issueTime, currency, buyer, lines, paymentMeansCode, note, amending,
                flags, exchangeRate, supplyDate, supplyEndDate, invoicePeriod, purchaseOrderReference, contractReference,
                allowanceCharges, prepayments, payableRoundingAmount);
    }

    /** What a credit or debit note amends and why. */
    public record Amendment(UUID originalInvoiceId, String billingReference, String reason) {
    }

    /** The invoicing period (BG-14); either end may be open. */
    public record InvoicePeriod(LocalDate startDate, LocalDate endDate) {
    }
}
