package sa.qayd.command.zatca;

import java.util.List;
import sa.qayd.api.ZatcaMessage;
import sa.qayd.api.invoice.SubmissionAnswer;
import sa.qayd.api.invoice.SubmissionAnswer.Channel;
import sa.qayd.api.invoice.SubmissionAnswer.Verdict;
import sa.qayd.zatca.fatoora.CsidResponse;
import sa.qayd.zatca.fatoora.FatooraOutcome;
import sa.qayd.zatca.fatoora.InvoiceResponse;
import sa.qayd.zatca.fatoora.ValidationMessage;

/** Reads the Fatoora client's outcomes the way Qayd's model takes them: ZATCA's verdict and its own words. */
public final class ZatcaAnswers {
    private ZatcaAnswers() {
    }

    /** What a clearance or reporting call came to, for the invoice to decide on. */
    public static SubmissionAnswer submission(Channel channel, FatooraOutcome<InvoiceResponse> outcome, String signedXml) {
        if (outcome instanceof FatooraOutcome.Accepted<InvoiceResponse> accepted) {
            return accepted(channel, Verdict.ACCEPTED, accepted.response(), signedXml, 200);
        }
        if (outcome instanceof FatooraOutcome.AcceptedWithWarnings<InvoiceResponse> warned) {
            return accepted(channel, Verdict.ACCEPTED, warned.response(), signedXml, 202);
        }
        if (outcome instanceof FatooraOutcome.Rejected<InvoiceResponse> rejected) {
            return new SubmissionAnswer(channel, Verdict.REJECTED, 400, null, errors(rejected.response()),
                    warnings(rejected.response()), "ZATCA rejected the document" + summary(errors(rejected.response())));
        }
        if (outcome instanceof FatooraOutcome.GatewayUnavailable<InvoiceResponse> unavailable) {
            return new SubmissionAnswer(channel, Verdict.UNAVAILABLE, 0, null, List.of(), List.of(), reason(outcome));
        }
        return new SubmissionAnswer(channel, Verdict.REFUSED, status(outcome), null, List.of(), List.of(), reason(outcome));
    }

    private static SubmissionAnswer accepted(Channel channel, Verdict verdict, InvoiceResponse response, String signedXml,
                                             int status) {
        // ZATCA returns the cleared document; should it ever not, the signed one is what it cleared
        String cleared = channel == Channel.CLEARANCE
                ? (response.clearedInvoice() != null ? response.clearedInvoice() : signedXml) : null;
        return new SubmissionAnswer(channel, verdict, status, cleared, List.of(), warnings(response), null);
    }

    /** A one-line reason for an outcome that is not an acceptance, in ZATCA's words where it gave some. */
    public static String reason(FatooraOutcome<?> outcome) {
        if (outcome instanceof FatooraOutcome.GatewayUnavailable<?> unavailable) {
            return "ZATCA could not be reached: " + unavailable.reason();
        }
        if (outcome instanceof FatooraOutcome.Rejected<?> rejected) {
            return "ZATCA refused the request" + summary(errors(rejected.response()));
        }
        if (outcome instanceof FatooraOutcome.Unauthorized<?>) {
            return "ZATCA did not accept the unit's credentials (HTTP 401)";
        }
        if (outcome instanceof FatooraOutcome.ClearanceSwitchedOff<?>) {
            return "clearance is switched off for this taxpayer (HTTP 303)";
        }
        if (outcome instanceof FatooraOutcome.OtherStatus<?> other) {
            return "ZATCA answered HTTP " + other.status() + bodyHint(other.body());
        }
        return "ZATCA accepted";
    }

    public static List<ZatcaMessage> errors(Object response) {
        if (response instanceof InvoiceResponse invoice) {
            return messages(invoice.validationResults().errorMessages());
        }
        if (response instanceof CsidResponse csid) {
            return csid.errors().stream().map(e -> new ZatcaMessage("ERROR", e.code(), null, e.message(), "ERROR")).toList();
        }
        return List.of();
    }

    public static List<ZatcaMessage> warnings(Object response) {
        return response instanceof InvoiceResponse invoice ? messages(invoice.validationResults().warningMessages()) : List.of();
    }

    /** ZATCA's messages of an outcome that is not an acceptance. */
    public static List<ZatcaMessage> errorsOf(FatooraOutcome<?> outcome) {
        return outcome instanceof FatooraOutcome.Rejected<?> rejected ? errors(rejected.response()) : List.of();
    }

    private static int status(FatooraOutcome<?> outcome) {
        if (outcome instanceof FatooraOutcome.Unauthorized<?>) {
            return 401;
        }
        if (outcome instanceof FatooraOutcome.ClearanceSwitchedOff<?>) {
            return 303;
        }
        return outcome instanceof FatooraOutcome.OtherStatus<?> other ? other.status() : 0;
    }

    private static List<ZatcaMessage> messages(List<ValidationMessage> messages) {
        return messages.stream().map(m -> new ZatcaMessage(m.type(), m.code(), m.category(), m.message(), m.status())).toList();
    }

    private static String summary(List<ZatcaMessage> errors) {
        return errors.isEmpty() ? "" : ": " + errors.get(0).code() + " " + errors.get(0).message()
                + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "");
    }

    private static String bodyHint(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String oneLine = body.strip().replaceAll("\\s+", " ");
        return ": " + (oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine);
    }
}
