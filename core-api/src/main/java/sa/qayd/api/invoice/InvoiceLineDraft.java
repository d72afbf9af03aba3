package sa.qayd.api.invoice;

import java.math.BigDecimal;

/**
 * One line as the integrator sent it; {@code discount} is an amount off the line's net, may be null.
 *
 * @param unitCode        UN/ECE rec 20 unit of the quantity; lines stored before units existed are pieces ({@code PCE})
 * @param exemptionReason the free-text reason of an out-of-scope (O) line, else null
 */
public record InvoiceLineDraft(
        String name,
        BigDecimal quantity,
        BigDecimal unitPrice,
        VatCategory vatCategory,
        BigDecimal vatRate,
        String exemptionReasonCode,
        BigDecimal discount,
        String unitCode,
        String exemptionReason) {

    public static final String PIECES = "PCE";

    public InvoiceLineDraft {
        unitCode = unitCode == null ? PIECES : unitCode;
    }

    /** A line in pieces, with ZATCA's standard text for any exemption. */
    public InvoiceLineDraft(String name, BigDecimal quantity, BigDecimal unitPrice, VatCategory vatCategory, BigDecimal vatRate,
                            String exemptionReasonCode, BigDecimal discount) {
        this(name, quantity, unitPrice, vatCategory, vatRate, exemptionReasonCode, discount, PIECES, null);
    }
}
