package sa.qayd.command.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import sa.qayd.api.ErrorCode;
import sa.qayd.api.FieldError;
import sa.qayd.api.QaydException;
import sa.qayd.zatca.csr.CsrConfig;
import sa.qayd.zatca.model.Text;

/**
 * Collects every field problem of a request so the client sees them all in one answer. Every text
 * field of every request goes through {@link #text} (or {@link #csrField}): the one text rule of
 * {@link Text#problem}, so nothing is accepted that PostgreSQL, the XML or the CSR would refuse later.
 */
public final class FieldErrors {
    private final List<FieldError> errors = new ArrayList<>();

    public void add(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    /**
     * Records "is required" when blank and the text rule's refusal (length, control characters,
     * broken Unicode) otherwise; true if the value is present and usable. Values are refused, never
     * trimmed or cleaned.
     */
    public boolean text(String field, String value, boolean required, int maxLength) {
        return present(field, value, required) && accepted(field, Text.problem(value, maxLength));
    }

    /** A text that becomes a field of the EGS unit's certificate request: the text rule plus ZATCA's CSR rules. */
    public boolean csrField(String field, String value, boolean required) {
        return present(field, value, required) && accepted(field, CsrConfig.fieldProblem(value));
    }

    private boolean present(String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                add(field, "is required");
            }
            return false;
        }
        return true;
    }

    private boolean accepted(String field, Optional<String> problem) {
        problem.ifPresent(message -> add(field, message));
        return problem.isEmpty();
    }

    public void check(String field, String value, Predicate<String> rule, String message) {
        if (value != null && !rule.test(value)) {
            add(field, message);
        }
    }

    public void required(String field, Object value) {
        if (value == null) {
            add(field, "is required");
        }
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public void throwIfAny(String summary) {
        if (!errors.isEmpty()) {
            throw new QaydException(ErrorCode.VALIDATION_FAILED, summary + ": " + errors.size() + " field(s) invalid", errors);
        }
    }
}
