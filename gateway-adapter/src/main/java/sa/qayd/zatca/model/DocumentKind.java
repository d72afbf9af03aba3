package sa.qayd.zatca.model;

/** The six documents Qayd issues: {simplified, standard} × {invoice, credit note, debit note}. */
public enum DocumentKind {
    SIMPLIFIED_INVOICE(true, "388"),
    SIMPLIFIED_CREDIT_NOTE(true, "381"),
    SIMPLIFIED_DEBIT_NOTE(true, "383"),
    STANDARD_INVOICE(false, "388"),
    STANDARD_CREDIT_NOTE(false, "381"),
    STANDARD_DEBIT_NOTE(false, "383");

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

    /** UNTDID 1001 code of {@code cbc:InvoiceTypeCode}: 388 invoice, 381 credit note, 383 debit note. */
    public String typeCode() {
        return typeCode;
    }

    /** Credit and debit notes must reference the original invoice and give a reason (BR-KSA-56, BR-KSA-17). */
    public boolean isNote() {
        return !"388".equals(typeCode);
    }
}
