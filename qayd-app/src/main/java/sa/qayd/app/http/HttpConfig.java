package sa.qayd.app.http;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HttpLimits.class)
class HttpConfig {

    /** First of all filters, so that nothing behind it (security, idempotency, controllers) reads an unbounded body. */
    @Bean
    FilterRegistrationBean<BodyGuardFilter> bodyGuardFilter(HttpLimits limits, Problems problems) {
        FilterRegistrationBean<BodyGuardFilter> registration = new FilterRegistrationBean<>(new BodyGuardFilter(limits, problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * Requests Tomcat refuses before any servlet sees them (an encoded slash or NUL in the path,
     * oversized headers) are answered by the host's error report valve: make that problem+json too.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }
}
