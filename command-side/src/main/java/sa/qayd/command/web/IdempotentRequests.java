package sa.qayd.command.web;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The identity of an idempotent request (an account's {@code Idempotency-Key} while it is honoured),
 * which a retry after a lost answer shares with its first run. What the request creates is named from
 * it, so the retry finds what the first run created instead of creating it again: a document
 * committed by a process killed before it could store the answer is not issued twice.
 */
public final class IdempotentRequests {
    /** The request attribute under which the idempotency filter puts the identity. */
    public static final String ATTRIBUTE = IdempotentRequests.class.getName() + ".identity";

    private IdempotentRequests() {
    }

    /** The current request's identity, if it carries an Idempotency-Key. */
    public static Optional<String> current() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes == null ? Optional.empty()
                : Optional.ofNullable((String) attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST));
    }

    /** The id of what {@code purpose} creates for this identity: the same for every retry. */
    public static UUID id(String purpose, String identity) {
        return UUID.nameUUIDFromBytes((purpose + "|" + identity).getBytes(StandardCharsets.UTF_8));
    }
}
