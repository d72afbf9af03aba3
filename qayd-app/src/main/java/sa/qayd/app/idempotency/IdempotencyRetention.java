package sa.qayd.app.idempotency;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Idempotency keys are honoured for {@code qayd.idempotency.retention} (a day by default, as
 * integrators retry within minutes or hours); older records are deleted hourly by one replica
 * (a db-scheduler task, so replicas do not race).
 */
@Configuration(proxyBeanMethods = false)
class IdempotencyRetention {
    static final String TASK = "idempotency-retention";

    @Bean
    RecurringTask<Void> idempotencyRetentionTask(IdempotencyRecords records, Clock clock, IdempotencySettings settings) {
        return Tasks.recurring(TASK, Schedules.fixedDelay(Duration.ofHours(1)))
                .execute((instance, context) -> records.forgetOlderThan(clock.instant().minus(settings.retention())));
    }
}
