package sa.qayd.app.actor;

import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import sa.qayd.api.Actor;

/**
 * Who acted, on every event: commands name their actor and request ({@link ActorInterceptor}), and the
 * unit of work copies both onto each event the command causes and each command an event handler sends.
 */
@Configuration(proxyBeanMethods = false)
public class ActorConfig {

    @Bean
    ActorInterceptor actorInterceptor() {
        return new ActorInterceptor();
    }

    @Bean
    CorrelationDataProvider actorCorrelation() {
        return new SimpleCorrelationDataProvider(Actor.TYPE, Actor.ID, Actor.ENVIRONMENT, Actor.REQUEST_ID);
    }

    /** Axon's own correlation and trace ids, which a provider of ours would otherwise replace. */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    /** First of all filters, so that every answer, refusals included, names its request. */
    @Bean
    FilterRegistrationBean<RequestIds> requestIds() {
        FilterRegistrationBean<RequestIds> registration = new FilterRegistrationBean<>(new RequestIds());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
