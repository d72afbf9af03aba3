package sa.qayd.app.actor;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import sa.qayd.api.Actor;

/**
 * Who acted, on every event: commands name their actor and request ({@link ActorInterceptor}), and the
 * unit of work copies both onto each event the command causes and each command an event handler sends,
 * beside Axon's own correlation ids and the trace (observability).
 */
@Configuration(proxyBeanMethods = false)
public class ActorConfig {

    /** On the bus, like the trace's interceptor, so that every command is seen in its sender's thread. */
    @Bean
    SmartInitializingSingleton actorsOnCommands(CommandBus commandBus) {
        return () -> commandBus.registerDispatchInterceptor(new ActorInterceptor());
    }

    @Bean
    CorrelationDataProvider actorCorrelation() {
        return new SimpleCorrelationDataProvider(Actor.TYPE, Actor.ID, Actor.ENVIRONMENT, Actor.REQUEST_ID);
    }

    /** First of all filters, so that every answer, refusals included, names its request. */
    @Bean
    FilterRegistrationBean<RequestIds> requestIds() {
        FilterRegistrationBean<RequestIds> registration = new FilterRegistrationBean<>(new RequestIds());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
