package sa.qayd.zatca.fatoora;

import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Answer of compliance checks, reporting and clearance.
 *
 * @param reportingStatus {@code REPORTED}/{@code NOT_REPORTED} for simplified documents, else null
 * @param clearanceStatus {@code CLEARED}/{@code NOT_CLEARED} for standard documents, else null
 * @param clearedInvoice base64 of the XML stamped by ZATCA, clearance only
 */
public record InvoiceResponse(
        ValidationResults validationResults,
        String reportingStatus,
        String clearanceStatus,
        String clearedInvoice) implements FatooraResponse {

    public static final String REPORTED = "REPORTED";
    public static final String NOT_REPORTED = "NOT_REPORTED";
    public static final String CLEARED = "CLEARED";
    public static final String NOT_CLEARED = "NOT_CLEARED";
    /** ZATCA's category of its duplicate answers (409 on reporting, 208 on clearance). */
    public static final String DUPLICATE_CATEGORY = "Duplicate-Invoice";
    /** A reporting status seen on duplicate answers (lavaloon-eg/ksa_compliance issue 320). */
    private static final String REPORTED_EARLIER = "REPORTED_SUCCESSFULLY_EARLIER";

    public InvoiceResponse {
        validationResults = validationResults == null ? new ValidationResults(null, null, null, null) : validationResults;
    }

    /** The cleared document to share with the buyer. */
    public Optional<byte[]> clearedInvoiceXml() {
        return Optional.ofNullable(clearedInvoice).filter(text -> !text.isBlank()).map(Base64.getDecoder()::decode);
    }

    @Override
    public List<ValidationMessage> messages() {
        return validationResults.errorsThenWarnings();
    }

    @Override
    public boolean confirms(FatooraEndpoint endpoint) {
        return switch (endpoint) {
            case REPORTING -> REPORTED.equals(reportingStatus);
            case CLEARANCE -> CLEARED.equals(clearanceStatus);
            case COMPLIANCE_INVOICE_CHECK -> REPORTED.equals(reportingStatus) || CLEARED.equals(clearanceStatus);
            case COMPLIANCE_CSID, PRODUCTION_CSID, PRODUCTION_CSID_RENEWAL -> false;
        };
    }

    /** True when ZATCA says it has seen this document's hash before (its duplicate answers). */
    public boolean announcesDuplicate() {
        return REPORTED_EARLIER.equals(reportingStatus) || messages().stream()
                .anyMatch(message -> DUPLICATE_CATEGORY.equalsIgnoreCase(String.valueOf(message.category())));
    }
}
