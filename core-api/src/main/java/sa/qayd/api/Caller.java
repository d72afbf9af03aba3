package sa.qayd.api;

import java.util.Optional;
import java.util.UUID;

/**
 * Who is calling: an API key (bound to one environment, maybe with a default EGS unit) or the
 * dashboard's login session (may act in both environments).
 */
public record Caller(UUID accountId, UUID apiKeyId, Environment keyEnvironment, UUID defaultEgsUnitId) {

    public static Caller apiKey(UUID accountId, UUID apiKeyId, Environment environment, UUID defaultEgsUnitId) {
        return new Caller(accountId, apiKeyId, environment, defaultEgsUnitId);
    }

    public static Caller session(UUID accountId) {
        return new Caller(accountId, null, null, null);
    }

    public boolean isApiKey() {
        return apiKeyId != null;
    }

    public Optional<UUID> defaultEgsUnit() {
        return Optional.ofNullable(defaultEgsUnitId);
    }

    /**
     * The environment a request acts in: an API key's own, or for a session the one the request
     * names. A key asking for the other environment is refused.
     */
    public Environment actingEnvironment(Environment requested) {
        if (!isApiKey()) {
            if (requested == null) {
                throw new QaydException(ErrorCode.VALIDATION_FAILED, "environment is required when using the dashboard session",
                        java.util.List.of(new FieldError("environment", "is required")));
            }
            return requested;
        }
        if (requested != null && requested != keyEnvironment) {
            throw new QaydException(ErrorCode.ENVIRONMENT_MISMATCH,
                    "a " + keyEnvironment.wireName() + " API key cannot act in " + requested.wireName());
        }
        return keyEnvironment;
    }

    /** The environment a listing is limited to: a key's own; for a session the requested one, or null for both. */
    public Environment listingScope(Environment requested) {
        return isApiKey() ? actingEnvironment(requested) : requested;
    }

    /** True if this credential may see or touch a resource of the given environment. */
    public boolean canAct(Environment environment) {
        return !isApiKey() || keyEnvironment == environment;
    }
}
