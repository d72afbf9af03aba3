package sa.qayd.api;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;

/**
 * Who made something happen. Every command carries it in its metadata ({@link #metaData()}), and every
 * event the command causes carries it on, with the correlation id of the HTTP request
 * ({@link #REQUEST_ID}): the history says who acted, not only what happened.
 *
 * @param type        what kind of actor
 * @param id          the API key's id, the account id of a dashboard session, {@code admin} for the
 *                    operators' token, the system component that acted ({@code zatca-worker},
 *                    {@code reporting-deadlines}); null for an anonymous request (sign-up)
 * @param environment the API key's environment; null for the others
 */
public record Actor(Type type, String id, Environment environment) {

    /** Metadata keys of commands and events. */
    public static final String TYPE = "actorType";
    public static final String ID = "actorId";
    public static final String ENVIRONMENT = "actorEnvironment";
    /** The correlation id of the HTTP request that caused a command (its {@code X-Request-Id}). */
    public static final String REQUEST_ID = "requestId";

    /** The operators' admin token. */
    public static final Actor ADMIN = new Actor(Type.ADMIN, "admin", null);
    /** An unauthenticated request: signing up. */
    public static final Actor ANONYMOUS = new Actor(Type.ANONYMOUS, null, null);
    /** The worker that calls ZATCA and brings its answers back as commands. */
    public static final Actor ZATCA_WORKER = system("zatca-worker");
    /** The scanner that marks simplified documents whose reporting deadline is near or has passed. */
    public static final Actor REPORTING_DEADLINES = system("reporting-deadlines");

    public enum Type {
        API_KEY, DASHBOARD, ADMIN, SYSTEM, ANONYMOUS;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static Actor system(String component) {
        return new Actor(Type.SYSTEM, component, null);
    }

    /** The API key, or the dashboard user of the account, behind a request. */
    public static Actor of(Caller caller) {
        return caller.isApiKey()
                ? new Actor(Type.API_KEY, caller.apiKeyId().toString(), caller.keyEnvironment())
                : new Actor(Type.DASHBOARD, caller.accountId().toString(), null);
    }

    /** The actor as metadata entries; only what is known. */
    public Map<String, String> metaData() {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put(TYPE, type.name());
        if (id != null) {
            entries.put(ID, id);
        }
        if (environment != null) {
            entries.put(ENVIRONMENT, environment.name());
        }
        return entries;
    }

    /** The actor a message's metadata names, if any. */
    public static Optional<Actor> fromMetaData(Map<String, ?> metaData) {
        Object type = metaData.get(TYPE);
        if (type == null) {
            return Optional.empty();
        }
        Object id = metaData.get(ID);
        Object environment = metaData.get(ENVIRONMENT);
        return Optional.of(new Actor(Type.valueOf(type.toString()), id == null ? null : id.toString(),
                environment == null ? null : Environment.valueOf(environment.toString())));
    }

    /** A command as this actor sends it, for senders that are no request of a user (the system's workers). */
    public <C> CommandMessage<C> command(C payload) {
        return GenericCommandMessage.<C>asCommandMessage(payload).andMetaData(metaData());
    }
}
