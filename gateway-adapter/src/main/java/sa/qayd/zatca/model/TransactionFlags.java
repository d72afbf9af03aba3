package sa.qayd.zatca.model;

/**
 * Positions 3–7 of {@code InvoiceTypeCode/@name} (KSA-2). Qayd emits the 7-character form, which is
 * what the R3.4.3 schematron's BR-KSA-06 accepts.
 */
public record TransactionFlags(boolean thirdParty, boolean nominal, boolean export, boolean summary, boolean selfBilled) {

    public static final TransactionFlags NONE = new TransactionFlags(false, false, false, false, false);

    public TransactionFlags {
        if (export && selfBilled) {
            throw new IllegalArgumentException("an export invoice cannot be self-billed (BR-KSA-07)");
        }
    }

    /** The 7-character KSA-2 code, e.g. {@code 0200000} for a plain simplified document. */
    public String nameCode(DocumentKind kind) {
        if (kind.simplified() && (export || selfBilled)) {
            throw new IllegalArgumentException("a simplified document may only be third-party, nominal or summary (BR-KSA-31)");
        }
        return (kind.simplified() ? "02" : "01") + bit(thirdParty) + bit(nominal) + bit(export) + bit(summary) + bit(selfBilled);
    }

    private static char bit(boolean flag) {
        return flag ? '1' : '0';
    }
}
