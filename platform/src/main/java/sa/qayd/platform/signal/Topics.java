package sa.qayd.platform.signal;

/** The topics announced through {@link Signals}; each announcement's key is the id named here. */
public final class Topics {
    /** A document was settled with ZATCA (cleared, reported, rejected or failed); key: the invoice id. */
    public static final String INVOICE_SETTLED = "invoice-settled";
    /** The invoice view has a new document; key: the invoice id. */
    public static final String INVOICE_VIEW = "invoice-view";
    /** The EGS unit view has a new unit; key: the unit id. */
    public static final String EGS_UNIT_VIEW = "egs-unit-view";

    private Topics() {
    }
}
