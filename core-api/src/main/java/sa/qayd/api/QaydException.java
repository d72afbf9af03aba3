package sa.qayd.api;

import java.util.List;

/** A refusal with a stable {@link ErrorCode}; the HTTP layer turns it into problem+json. */
public class QaydException extends RuntimeException {
    private final ErrorCode code;
    private final List<FieldError> fieldErrors;

    public QaydException(ErrorCode code, String detail) {
        this(code, detail, List.of());
    }

    public QaydException(ErrorCode code, String detail, List<FieldError> fieldErrors) {
        super(detail);
        this.code = code;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public ErrorCode code() {
        return code;
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }
}
