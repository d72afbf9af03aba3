package sa.qayd.zatca.model;

/**
 * The documents Qayd issues: {simplified, standard} × {invoice, credit note, debit note, prepayment
 * invoice}.
 */
public enum DocumentKind {
    SIMPLIFIED_INVOICE(true, "388"),
    SIMPLIFIED_CREDIT_NOTE(true, "381"),
    SIMPLIFIED_DEBIT_NOTE(true, "383"),
    STANDARD_INVOICE(false, "388"),
    STANDARD_CREDIT_NOTE(false, "381"),
    STANDARD_DEBIT_NOTE(false, "383"),
    SIMPLIFIED_PREPAYMENT_INVOICE(true, "386"),
    STANDARD_PREPAYMENT_INVOICE(false, "386");

    private static final String INVOICE = "388";
    private static final String PREPAYMENT = "386";

    private final boolean simplified;
    private final String typeCode;

    DocumentKind(boolean simplified, String typeCode) {
        this.simplified = simplified;
        this.typeCode = typeCode;
    }

    /** Simplified (B2C, reported) rather than standard (B2B, cleared). */
    public boolean simplified() {
        return simplified;
    }

    /** UNTDID 1001 code of {@code cbc:InvoiceTypeCode}: 388 invoice, 381 credit note, 383 debit note, 386 prepayment. */
    public String typeCode() {
        return typeCode;
    }

    /** Credit and debit notes must reference the original invoice and give a reason (BR-KSA-56, BR-KSA-17). */
    public boolean isNote() {
        return !INVOICE.equals(typeCode) && !PREPAYMENT.equals(typeCode);
    }

    /** An invoice for an advance payment (386), later deducted from the final invoice (BR-KSA-73…82). */
    public boolean isPrepayment() {
        return PREPAYMENT.equals(typeCode);
    }

    /** One of the six kinds ZATCA's compliance step asks a sample of; prepayment invoices are not among them. */
    public boolean complianceChecked() {
        return !isPrepayment();
    }

    /** A tax invoice (388), the only document that may deduct prepayments. */
    public boolean isInvoice() {
        return INVOICE.equals(typeCode);
    }
}
