package sa.qayd.app.actor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import sa.qayd.api.Actor;
import sa.qayd.api.Caller;
import sa.qayd.app.admin.AdminSecurityConfig;

/**
 * Names, on every command sent while serving an HTTP request, who sent it (the API key, the dashboard
 * user, the admin token, or nobody signed in) and the request's correlation id. A command that already
 * names its actor keeps it: the system's workers name themselves, and a command caused by an event
 * carries that event's actor on (Axon's correlation data).
 */
class ActorInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            if (command.getMetaData().containsKey(Actor.TYPE)) {
                return command;
            }
            return RequestIds.current().<CommandMessage<?>>map(requestId -> {
                Map<String, String> origin = new HashMap<>(actor().metaData());
                origin.put(Actor.REQUEST_ID, requestId);
                return command.andMetaData(origin);
            }).orElse(command);
        };
    }

    private static Actor actor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return Actor.ANONYMOUS;
        }
        if (authentication.getPrincipal() instanceof Caller caller) {
            return Actor.of(caller);
        }
        boolean admin = authentication.getAuthorities().stream()
                .anyMatch(authority -> AdminSecurityConfig.ADMIN_AUTHORITY.equals(authority.getAuthority()));
        return admin ? Actor.ADMIN : Actor.ANONYMOUS;
    }
}
