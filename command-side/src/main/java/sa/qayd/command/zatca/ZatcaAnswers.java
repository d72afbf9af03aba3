package sa.qayd.command.zatca;

import java.util.List;
import sa.qayd.api.ZatcaMessage;
import sa.qayd.api.ZatcaUnavailableException;
import sa.qayd.zatca.fatoora.FatooraOutcome;
import sa.qayd.zatca.fatoora.GatewayCredentials;
import sa.qayd.zatca.fatoora.FatooraEnvironment;
import sa.qayd.zatca.fatoora.FatooraResponse;
import sa.qayd.zatca.fatoora.ValidationMessage;

/** Reads Fatoora outcomes the one way Qayd acts on them. */
public final class ZatcaAnswers {
    private ZatcaAnswers() {
    }

    /**
     * The response of a call ZATCA recorded (200, 202, or a duplicate it had recorded before). Transient outcomes
     * become {@link ZatcaUnavailableException} (try again later), everything else {@link ZatcaRefusal}.
     */
    public static <T extends FatooraResponse> T recorded(FatooraOutcome<T> outcome) {
        if (outcome instanceof FatooraOutcome.Accepted<T> accepted) {
            return accepted.response();
        }
        if (outcome instanceof FatooraOutcome.AcceptedWithWarnings<T> warned) {
            return warned.response();
        }
        if (outcome instanceof FatooraOutcome.AlreadyRecorded<T> already) {
            return already.response();
        }
        if (outcome instanceof FatooraOutcome.GatewayUnavailable<T> unavailable) {
            throw new ZatcaUnavailableException(unavailable.reason() + " (" + unavailable.attempts() + " attempts)");
        }
        if (outcome.isTransient()) {
            throw new ZatcaUnavailableException("ZATCA asked to slow down (HTTP 429)");
        }
        throw new ZatcaRefusal(status(outcome), reason(outcome), only("ERROR", outcome.messages()),
                only("WARNING", outcome.messages()));
    }

    private static int status(FatooraOutcome<?> outcome) {
        if (outcome instanceof FatooraOutcome.Unauthorized<?>) {
            return 401;
        }
        if (outcome instanceof FatooraOutcome.ClearanceSwitchedOff<?>) {
            return 303;
        }
        if (outcome instanceof FatooraOutcome.RenewalPendingCompliance<?>) {
            return 428;
        }
        return outcome instanceof FatooraOutcome.OtherStatus<?> other ? other.status() : 400;
    }

    private static String reason(FatooraOutcome<?> outcome) {
        if (outcome instanceof FatooraOutcome.InvalidOtp<?>) {
            return "ZATCA did not accept the OTP: it is wrong or was already used; ask for a new one";
        }
        if (outcome instanceof FatooraOutcome.Unauthorized<?>) {
            return "ZATCA did not accept the unit's credentials";
        }
        if (outcome instanceof FatooraOutcome.ClearanceSwitchedOff<?>) {
            return "clearance is switched off for this taxpayer";
        }
        if (outcome instanceof FatooraOutcome.RenewalPendingCompliance<?>) {
            return "ZATCA renewed the compliance CSID; the renewal needs compliance checks before the production CSID";
        }
        return outcome instanceof FatooraOutcome.OtherStatus<?> other
                ? "ZATCA answered HTTP " + other.status() : "ZATCA rejected the request";
    }

    public static List<ZatcaMessage> warnings(FatooraResponse response) {
        return only("WARNING", response.messages());
    }

    private static List<ZatcaMessage> only(String type, List<ValidationMessage> messages) {
        return messages.stream().filter(m -> type.equals(m.type()))
                .map(m -> new ZatcaMessage(m.type(), m.code(), m.category(), m.message(), m.status())).toList();
    }

    /** CSID credentials as kept in the encrypted secret store: token, newline, secret. */
    public static String seal(GatewayCredentials credentials) {
        return credentials.binarySecurityToken() + "\n" + credentials.secret();
    }

    public static GatewayCredentials unseal(FatooraEnvironment environment, String sealed) {
        int newline = sealed.indexOf('\n');
        return new GatewayCredentials(environment, sealed.substring(0, newline), sealed.substring(newline + 1));
    }
}
