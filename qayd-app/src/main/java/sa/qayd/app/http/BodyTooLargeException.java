package sa.qayd.app.http;

import java.io.IOException;

/** Thrown by a request body's stream at the first byte past {@link HttpLimits#maxBodySize()}. */
public class BodyTooLargeException extends IOException {
    private final long limit;

    BodyTooLargeException(long limit) {
        super("the request body is larger than " + limit + " bytes");
        this.limit = limit;
    }

    public String detail() {
        return "the request body must be at most " + limit + " bytes";
    }

    /** Whether a failure was caused by an oversized body, however deeply a reader wrapped it. */
    static BodyTooLargeException in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLargeException tooLarge) {
                return tooLarge;
            }
        }
        return null;
    }
}
