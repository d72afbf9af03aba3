package sa.qayd.app.http;

import java.time.Duration;
import sa.qayd.api.ErrorCode;
import sa.qayd.api.QaydException;

/** A refusal that passes once time has passed: answered with {@code Retry-After}. */
public class RetryLaterException extends QaydException {
    private final Duration retryAfter;

    public RetryLaterException(ErrorCode code, String detail, Duration retryAfter) {
        super(code, detail);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
