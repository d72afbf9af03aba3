package sa.qayd.command.zatca;

import java.util.List;
import sa.qayd.api.ZatcaMessage;
import sa.qayd.api.ZatcaUnavailableException;
import sa.qayd.zatca.fatoora.CsidResponse;
import sa.qayd.zatca.fatoora.FatooraOutcome;
import sa.qayd.zatca.fatoora.GatewayCredentials;
import sa.qayd.zatca.fatoora.FatooraEnvironment;
import sa.qayd.zatca.fatoora.InvoiceResponse;
import sa.qayd.zatca.fatoora.ValidationMessage;

/** Reads Fatoora outcomes the one way Qayd acts on them. */
public final class ZatcaAnswers {
    private ZatcaAnswers() {
    }

    /**
     * The response of a call ZATCA recorded (200 or 202). "Not received" outcomes become
     * {@link ZatcaUnavailableException} (try again later), refusals {@link ZatcaRefusal}.
     */
    public static <T> T recorded(FatooraOutcome<T> outcome) {
        if (outcome instanceof FatooraOutcome.Accepted<T> accepted) {
            return accepted.response();
        }
        if (outcome instanceof FatooraOutcome.AcceptedWithWarnings<T> warned) {
            return warned.response();
        }
        if (outcome instanceof FatooraOutcome.GatewayUnavailable<T> unavailable) {
            throw new ZatcaUnavailableException(unavailable.reason() + " (" + unavailable.attempts() + " attempts)");
        }
        if (outcome instanceof FatooraOutcome.Rejected<T> rejected) {
            throw new ZatcaRefusal(400, "ZATCA rejected the request", errors(rejected.response()),
                    warnings(rejected.response()));
        }
        if (outcome instanceof FatooraOutcome.Unauthorized<T>) {
            throw new ZatcaRefusal(401, "ZATCA did not accept the unit's credentials", List.of(), List.of());
        }
        if (outcome instanceof FatooraOutcome.ClearanceSwitchedOff<T>) {
            throw new ZatcaRefusal(303, "clearance is switched off for this taxpayer", List.of(), List.of());
        }
        FatooraOutcome.OtherStatus<T> other = (FatooraOutcome.OtherStatus<T>) outcome;
        throw new ZatcaRefusal(other.status(), "ZATCA answered HTTP " + other.status(), List.of(), List.of());
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

    private static List<ZatcaMessage> messages(List<ValidationMessage> messages) {
        return messages.stream().map(m -> new ZatcaMessage(m.type(), m.code(), m.category(), m.message(), m.status())).toList();
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
