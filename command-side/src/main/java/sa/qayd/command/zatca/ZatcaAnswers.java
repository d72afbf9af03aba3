package sa.qayd.command.zatca;

import java.util.List;
import sa.qayd.api.ZatcaMessage;
import sa.qayd.api.invoice.SubmissionAnswer;
import sa.qayd.api.invoice.SubmissionAnswer.Channel;
import sa.qayd.api.invoice.SubmissionAnswer.Verdict;
import sa.qayd.zatca.fatoora.FatooraOutcome;
import sa.qayd.zatca.fatoora.FatooraResponse;
import sa.qayd.zatca.fatoora.InvoiceResponse;
import sa.qayd.zatca.fatoora.ValidationMessage;

/** Reads the Fatoora client's outcomes the way Qayd's model takes them: ZATCA's verdict and its own words. */
public final class ZatcaAnswers {
    private ZatcaAnswers() {
    }

    /** What a clearance or reporting call came to, for the invoice to decide on. */
    public static SubmissionAnswer submission(Channel channel, FatooraOutcome<InvoiceResponse> outcome, String signedXml) {
        List<ZatcaMessage> errors = only("ERROR", outcome.messages());
        List<ZatcaMessage> warnings = only("WARNING", outcome.messages());
        if (outcome instanceof FatooraOutcome.Accepted<InvoiceResponse> accepted) {
            return new SubmissionAnswer(channel, Verdict.ACCEPTED, 200, cleared(channel, accepted.response(), signedXml),
                    List.of(), warnings, null);
        }
        if (outcome instanceof FatooraOutcome.AcceptedWithWarnings<InvoiceResponse> warned) {
            return new SubmissionAnswer(channel, Verdict.ACCEPTED, 202, cleared(channel, warned.response(), signedXml),
                    List.of(), warnings, null);
        }
        if (outcome instanceof FatooraOutcome.AlreadyRecorded<InvoiceResponse> already) {
            // ZATCA's duplicate answer says "already reported/cleared" as an error message: not an error here
            return new SubmissionAnswer(channel, Verdict.ALREADY_ACCEPTED, already.status(),
                    cleared(channel, already.response(), signedXml), List.of(), warnings, reason(outcome));
        }
        if (outcome instanceof FatooraOutcome.Rejected<InvoiceResponse>) {
            return new SubmissionAnswer(channel, Verdict.REJECTED, 400, null, errors, warnings, reason(outcome));
        }
        if (outcome.isTransient()) {
            return new SubmissionAnswer(channel, Verdict.UNAVAILABLE, status(outcome), null, List.of(), List.of(),
                    reason(outcome));
        }
        return new SubmissionAnswer(channel, Verdict.REFUSED, status(outcome), null, errors, warnings, reason(outcome));
    }

    /** ZATCA's cleared document; should it ever not send one, the signed one is what it cleared. */
    private static String cleared(Channel channel, InvoiceResponse response, String signedXml) {
        if (channel != Channel.CLEARANCE) {
            return null;
        }
        return response != null && response.clearedInvoice() != null && !response.clearedInvoice().isBlank()
                ? response.clearedInvoice() : signedXml;
    }

    /** The response of an accepted call (200, 202), else null. */
    public static <T extends FatooraResponse> T accepted(FatooraOutcome<T> outcome) {
        if (outcome instanceof FatooraOutcome.Accepted<T> accepted) {
            return accepted.response();
        }
        if (outcome instanceof FatooraOutcome.AcceptedWithWarnings<T> warned) {
            return warned.response();
        }
        return null;
    }

    /** A one-line reason for an outcome that is not a plain acceptance, in ZATCA's words where it gave some. */
    public static String reason(FatooraOutcome<?> outcome) {
        String said = summary(outcome.messages());
        if (outcome instanceof FatooraOutcome.GatewayUnavailable<?> unavailable) {
            return "ZATCA could not be reached: " + unavailable.reason();
        }
        if (outcome instanceof FatooraOutcome.Throttled<?> throttled) {
            return "ZATCA asked to slow down (HTTP 429" + throttled.retryAfter().map(d -> ", retry after " + d.toSeconds() + " s")
                    .orElse("") + ")";
        }
        if (outcome instanceof FatooraOutcome.AlreadyRecorded<?> already) {
            return "ZATCA had recorded this document before (HTTP " + already.status() + ")" + said;
        }
        if (outcome instanceof FatooraOutcome.InvalidOtp<?>) {
            return "ZATCA did not accept the one-time password: it is wrong, expired or already used; "
                    + "ask the Fatoora portal for a new one" + said;
        }
        if (outcome instanceof FatooraOutcome.Unauthorized<?>) {
            return "ZATCA did not accept the unit's credentials (HTTP 401)" + said;
        }
        if (outcome instanceof FatooraOutcome.ClearanceSwitchedOff<?>) {
            return "clearance is switched off for this taxpayer (HTTP 303)" + said;
        }
        if (outcome instanceof FatooraOutcome.RenewalPendingCompliance<?>) {
            return "ZATCA renewed the compliance CSID; compliance checks come before the production CSID";
        }
        if (outcome instanceof FatooraOutcome.OtherStatus<?> other) {
            return "ZATCA answered HTTP " + other.status() + said;
        }
        return "ZATCA refused the request" + said;
    }

    public static List<ZatcaMessage> warnings(FatooraResponse response) {
        return only("WARNING", response.messages());
    }

    /** ZATCA's error messages of an outcome that is not an acceptance. */
    public static List<ZatcaMessage> errorsOf(FatooraOutcome<?> outcome) {
        return only("ERROR", outcome.messages());
    }

    private static int status(FatooraOutcome<?> outcome) {
        if (outcome instanceof FatooraOutcome.Unauthorized<?>) {
            return 401;
        }
        if (outcome instanceof FatooraOutcome.Throttled<?>) {
            return 429;
        }
        if (outcome instanceof FatooraOutcome.ClearanceSwitchedOff<?>) {
            return 303;
        }
        if (outcome instanceof FatooraOutcome.InvalidOtp<?> || outcome instanceof FatooraOutcome.Rejected<?>) {
            return 400;
        }
        return outcome instanceof FatooraOutcome.OtherStatus<?> other ? other.status() : 0;
    }

    private static List<ZatcaMessage> only(String type, List<ValidationMessage> messages) {
        return messages.stream().filter(m -> type.equalsIgnoreCase(m.type()))
                .map(m -> new ZatcaMessage(m.type(), m.code(), m.category(), m.message(), m.status())).toList();
    }

    private static String summary(List<ValidationMessage> messages) {
        if (messages.isEmpty()) {
            return "";
        }
        ValidationMessage first = messages.get(0);
        return ": " + (first.code() == null ? "" : first.code() + " ") + first.message()
                + (messages.size() > 1 ? " (and " + (messages.size() - 1) + " more)" : "");
    }
}
