package sa.qayd.zatca.fatoora;

import java.util.List;
import java.util.stream.Stream;

/**
 * ZATCA's {@code validationResults}; the message lists are never null here even when ZATCA sends null, and a single
 * object where a list belongs (seen for {@code infoMessages}) reads as a list of one.
 */
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

    public List<ValidationMessage> errorsThenWarnings() {
        return Stream.concat(errorMessages.stream(), warningMessages.stream()).toList();
    }

    private static List<ValidationMessage> nullToEmpty(List<ValidationMessage> messages) {
        return messages == null ? List.of() : List.copyOf(messages);
    }
}
