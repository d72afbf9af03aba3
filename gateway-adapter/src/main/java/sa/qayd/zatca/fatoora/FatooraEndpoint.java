package sa.qayd.zatca.fatoora;

/** The six Fatoora calls, with method and path relative to the gateway base URL. */
public enum FatooraEndpoint {
    COMPLIANCE_CSID("POST", "/compliance"),
    COMPLIANCE_INVOICE_CHECK("POST", "/compliance/invoices"),
    PRODUCTION_CSID("POST", "/production/csids"),
    PRODUCTION_CSID_RENEWAL("PATCH", "/production/csids"),
    REPORTING("POST", "/invoices/reporting/single"),
    CLEARANCE("POST", "/invoices/clearance/single");

    private final String method;
    private final String path;

    FatooraEndpoint(String method, String path) {
        this.method = method;
        this.path = path;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }
}
