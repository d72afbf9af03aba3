package sa.qayd.api.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/**
 * An advance invoiced earlier with a prepayment invoice (386), deducted in a final invoice: the
 * prepayment invoice's number, UUID (optional), issue date and time, and the amount without VAT it
 * declared in one VAT category.
 *
 * @param name the text of the deduction's line, e.g. "Advance received for the laptop"
 */
public record PrepaymentDraft(
        String invoiceNumber,
        UUID uuid,
        LocalDate issueDate,
        LocalTime issueTime,
        String name,
        VatCategory vatCategory,
        BigDecimal vatRate,
        String exemptionReasonCode,
        String exemptionReason,
        BigDecimal taxableAmount) {
}
