package sa.qayd.api.invoice;

import java.util.List;
import sa.qayd.api.ZatcaMessage;

/**
 * What ZATCA said to one submission of a document, as the Fatoora client classified it. The invoice
 * decides what it means for the document.
 *
 * @param channel clearance or reporting (a standard document is reported when clearance is switched off)
 * @param verdict the class of the answer
 * @param httpStatus ZATCA's status code, 0 when no answer came
 * @param clearedXml base64 of ZATCA's cleared document, for an accepted clearance
 * @param reason a one-line summary for people (ZATCA's own words where it gave some)
 */
public record SubmissionAnswer(Channel channel, Verdict verdict, int httpStatus, String clearedXml,
                               List<ZatcaMessage> errors, List<ZatcaMessage> warnings, String reason) {

    public SubmissionAnswer {
        errors = errors == null ? List.of() : List.copyOf(errors);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public enum Channel { CLEARANCE, REPORTING }

    public enum Verdict {
        /** Recorded by ZATCA now (200, or 202 with warnings). */
        ACCEPTED,
        /** ZATCA had recorded this very document before (409 on reporting, 208 on clearance): a resend. */
        ALREADY_ACCEPTED,
        /** ZATCA found errors in the document (400). */
        REJECTED,
        /** Refused in a way no resend of the same bytes fixes (401, 406, 413, other 4xx). */
        REFUSED,
        /** Not received (network, timeout, 429, 5xx, open circuit): send the same bytes again later. */
        UNAVAILABLE
    }
}
