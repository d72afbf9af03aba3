package sa.qayd.app.idempotency;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import sa.qayd.app.http.Problems;

@Configuration(proxyBeanMethods = false)
class IdempotencyConfig {

    /** Runs right after Spring Security, so the key is scoped to an authenticated credential. */
    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyRecords records, Problems problems) {
        FilterRegistrationBean<IdempotencyFilter> registration =
                new FilterRegistrationBean<>(new IdempotencyFilter(records, problems));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        registration.addUrlPatterns("/v1/*");
        return registration;
    }
}
