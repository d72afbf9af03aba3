package sa.qayd.api.invoice;

import java.util.Locale;

/** UNTDID 1001 document codes as ZATCA uses them. */
public enum DocumentType {
    INVOICE("388"),
    CREDIT_NOTE("381"),
    DEBIT_NOTE("383"),
    /** An invoice for an advance payment, deducted later in the final invoice. */
    PREPAYMENT_INVOICE("386");

    private final String typeCode;

    DocumentType(String typeCode) {
        this.typeCode = typeCode;
    }

    public String typeCode() {
        return typeCode;
    }

    public boolean isNote() {
        return this == CREDIT_NOTE || this == DEBIT_NOTE;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
