package sa.qayd.command.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import sa.qayd.api.ErrorCode;
import sa.qayd.api.FieldError;
import sa.qayd.api.QaydException;

/** Collects every field problem of a request so the client sees them all in one answer. */
public final class FieldErrors {
    private final List<FieldError> errors = new ArrayList<>();

    public void add(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    /** Records "is required" when blank, "must be at most N characters" when too long; true if the value is usable. */
    public boolean text(String field, String value, boolean required, int maxLength) {
        if (value == null || value.isBlank()) {
            if (required) {
                add(field, "is required");
            }
            return false;
        }
        if (value.length() > maxLength) {
            add(field, "must be at most " + maxLength + " characters");
            return false;
        }
        return true;
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

    public void throwIfAny(String summary) {
        if (!errors.isEmpty()) {
            throw new QaydException(ErrorCode.VALIDATION_FAILED, summary + ": " + errors.size() + " field(s) invalid", errors);
        }
    }
}
