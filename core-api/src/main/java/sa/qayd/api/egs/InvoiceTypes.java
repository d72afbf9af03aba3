package sa.qayd.api.egs;

/** Which documents a unit may issue; ZATCA encodes it as the certificate's 4-digit {@code title}. */
public enum InvoiceTypes {
    STANDARD("1000"),
    SIMPLIFIED("0100"),
    BOTH("1100");

    private final String csrTitle;

    InvoiceTypes(String csrTitle) {
        this.csrTitle = csrTitle;
    }

    public String csrTitle() {
        return csrTitle;
    }

    public boolean allowsStandard() {
        return this != SIMPLIFIED;
    }

    public boolean allowsSimplified() {
        return this != STANDARD;
    }
}
