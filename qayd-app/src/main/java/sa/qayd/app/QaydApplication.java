package sa.qayd.app;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** Runs the whole of Qayd (command side, query side, ZATCA gateway) in one process. */
@SpringBootApplication(scanBasePackages = "sa.qayd", exclude = UserDetailsServiceAutoConfiguration.class)
public class QaydApplication {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        try {
            SpringApplication.run(QaydApplication.class, args);
        } catch (RuntimeException startupFailure) {
            // a failed start leaves non-daemon threads behind (embedded PostgreSQL, Axon); do not hang
            startupFailure.printStackTrace();
            System.exit(1);
        }
    }
}
