package sa.qayd.zatca.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;
import java.util.UUID;

/**
 * An advance paid earlier against a prepayment invoice (386), deducted in the final invoice: written
 * as an extra line with amounts zero, a reference to the prepayment invoice and the VAT it already
 * declared (KSA-26…34); the sum of all deductions with their VAT is the prepaid amount (BR-KSA-80).
 *
 * @param uuid    the prepayment invoice's UUID (KSA-1), optional
 * @param taxable the amount without VAT the prepayment invoice declared in {@code tax}
 */
public record PrepaymentDeduction(String invoiceNumber, UUID uuid, LocalDate issueDate, LocalTime issueTime, String name,
                                  TaxCategory tax, BigDecimal taxable) {

    public PrepaymentDeduction {
        Text.check("prepayment invoice number", invoiceNumber, 127);
        Objects.requireNonNull(issueDate, "prepayment issue date");
        Objects.requireNonNull(issueTime, "prepayment issue time");
        issueTime = issueTime.withNano(0);
        Text.check("prepayment line name", name, 1000);
        Objects.requireNonNull(tax, "tax");
        if (taxable == null || taxable.signum() <= 0 || taxable.scale() > 2) {
            throw new IllegalArgumentException("prepaid taxable amount must be positive with at most 2 decimals, got " + taxable);
        }
    }
}
