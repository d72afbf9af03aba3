package sa.qayd.command.zatca;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import sa.qayd.command.egs.OnboardingSettings;
import sa.qayd.command.invoice.SubmissionSettings;

/** The settings of the ZATCA worker and of the work it does. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ZatcaWorkSettings.class, SubmissionSettings.class, OnboardingSettings.class})
class ZatcaWorkConfig {
}
