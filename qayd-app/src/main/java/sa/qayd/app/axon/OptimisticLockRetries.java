package sa.qayd.app.axon;

import org.axonframework.commandhandling.gateway.ExponentialBackOffIntervalRetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Retries a command only when it lost an optimistic-locking race (another replica appended to the
 * same aggregate first): a fresh attempt then decides on the new state. Domain refusals, ZATCA
 * outages and bugs are answers, not races, and are never repeated here.
 */
class OptimisticLockRetries extends ExponentialBackOffIntervalRetryScheduler {

    OptimisticLockRetries(ExponentialBackOffIntervalRetryScheduler.Builder builder) {
        super(builder);
    }

    @Override
    protected boolean isExplicitlyNonTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException) {
                return false;
            }
        }
        return true;
    }
}
