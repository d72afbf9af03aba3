package sa.qayd.zatca.fatoora;

import java.util.List;

/** ZATCA's {@code validationResults}; the message lists are never null here even when ZATCA sends null. */
public record ValidationResults(
        List<ValidationMessage> infoMessages,
        List<ValidationMessage> warningMessages,
        List<ValidationMessage> errorMessages,
        String status) {

    public ValidationResults {
        infoMessages = nullToEmpty(infoMessages);
        warningMessages = nullToEmpty(warningMessages);
        errorMessages = nullToEmpty(errorMessages);
    }

    /** Results with the overall status ZATCA derives: ERROR beats WARNING beats PASS. */
    public static ValidationResults of(
            List<ValidationMessage> info, List<ValidationMessage> warnings, List<ValidationMessage> errors) {
        String status = !errors.isEmpty() ? "ERROR" : !warnings.isEmpty() ? "WARNING" : "PASS";
        return new ValidationResults(info, warnings, errors, status);
    }

    private static List<ValidationMessage> nullToEmpty(List<ValidationMessage> messages) {
        return messages == null ? List.of() : List.copyOf(messages);
    }
}
