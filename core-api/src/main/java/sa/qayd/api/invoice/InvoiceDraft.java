package sa.qayd.api.invoice;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * A validated invoice request, as the integrator described it, before Qayd numbers, chains and
 * signs it. Dates and times are Asia/Riyadh local time, as ZATCA expects. {@code amendment} is set
 * for credit and debit notes only.
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
        Amendment amendment) {

    public InvoiceDraft withInvoiceNumber(String number) {
        return new InvoiceDraft(number, issueDate, issueTime, currency, buyer, lines, paymentMeansCode, note, amendment);
    }

    public InvoiceDraft withAmendment(Amendment amending) {
        return new InvoiceDraft(invoiceNumber, issueDate, issueTime, currency, buyer, lines, paymentMeansCode, note, amending);
    }

    /** What a credit or debit note amends and why. */
    public record Amendment(java.util.UUID originalInvoiceId, String billingReference, String reason) {
    }
}
