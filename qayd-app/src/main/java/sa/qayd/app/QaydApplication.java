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
        keepCommonPoolForAsyncCompletions();
        try {
            SpringApplication.run(QaydApplication.class, args);
        } catch (RuntimeException startupFailure) {
            // a failed start leaves non-daemon threads behind (embedded PostgreSQL, Axon); do not hang
            startupFailure.printStackTrace();
            System.exit(1);
        }
    }

    /**
     * On one or two CPUs the common pool has a parallelism of 1, and then every asynchronous completion
     * without an executor gets a thread of its own: the JDK's HTTP client, which calls ZATCA, completes
     * each answer that way, so a new thread was started per ZATCA call. Two pool threads instead.
     * Must run before anything touches the common pool; an explicit setting is kept.
     */
    static void keepCommonPoolForAsyncCompletions() {
        String parallelism = "java.util.concurrent.ForkJoinPool.common.parallelism";
        if (System.getProperty(parallelism) == null && Runtime.getRuntime().availableProcessors() <= 2) {
            System.setProperty(parallelism, "2");
        }
    }
}
