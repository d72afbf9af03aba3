package sa.qayd.zatca.fatoora;

import java.util.Base64;
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
        String clearedInvoice) {

    public InvoiceResponse {
        validationResults = validationResults == null ? new ValidationResults(null, null, null, null) : validationResults;
    }

    /** The cleared document to share with the buyer. */
    public Optional<byte[]> clearedInvoiceXml() {
        return Optional.ofNullable(clearedInvoice).map(Base64.getDecoder()::decode);
    }
}
