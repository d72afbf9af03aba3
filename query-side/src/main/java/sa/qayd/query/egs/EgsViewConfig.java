package sa.qayd.query.egs;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EgsViewSettings.class)
class EgsViewConfig {
}
