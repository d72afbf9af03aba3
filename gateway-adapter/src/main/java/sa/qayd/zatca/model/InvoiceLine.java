package sa.qayd.zatca.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One line: {@code quantity × unitPrice − allowance}, taxed in {@code tax}.
 *
 * @param unitCode        UN/ECE rec 20 unit, e.g. {@code PCE}
 * @param allowance       line-level discount in SAR, zero for none
 * @param allowanceReason required when there is an allowance (BR-42)
 */
public record InvoiceLine(String name, BigDecimal quantity, String unitCode, BigDecimal unitPrice, TaxCategory tax,
                          BigDecimal allowance, String allowanceReason) {

    /** UN/ECE rec 20 "piece", when a line names no unit. */
    public static final String DEFAULT_UNIT = "PCE";

    public InvoiceLine {
        Text.check("item name", name, 1000);
        Text.matching("unit code", unitCode, "[A-Z0-9]{1,3}");
        Objects.requireNonNull(tax, "tax");
        if (quantity == null || quantity.signum() <= 0 || quantity.scale() > 6) {
            throw new IllegalArgumentException("quantity must be positive with at most 6 decimals, got " + quantity);
        }
        if (unitPrice == null || unitPrice.signum() < 0 || unitPrice.scale() > 2) {
            throw new IllegalArgumentException("unit price must be non-negative with at most 2 decimals, got " + unitPrice);
        }
        allowance = allowance == null ? BigDecimal.ZERO : allowance;
        if (allowance.signum() < 0 || allowance.scale() > 2) {
            throw new IllegalArgumentException("line allowance must be non-negative with at most 2 decimals");
        }
        if (allowance.signum() > 0) {
            Text.check("line allowance reason", allowanceReason, 1000);
            if (allowance.compareTo(quantity.multiply(unitPrice)) > 0) {
                throw new IllegalArgumentException("line allowance exceeds the line amount");
            }
        } else if (allowanceReason != null) {
            throw new IllegalArgumentException("allowance reason without allowance");
        }
    }

    public static InvoiceLine of(String name, BigDecimal quantity, BigDecimal unitPrice, TaxCategory tax) {
        return new InvoiceLine(name, quantity, DEFAULT_UNIT, unitPrice, tax, BigDecimal.ZERO, null);
    }

    public InvoiceLine withAllowance(BigDecimal amount, String reason) {
        return new InvoiceLine(name, quantity, unitCode, unitPrice, tax, amount, reason);
    }
}
