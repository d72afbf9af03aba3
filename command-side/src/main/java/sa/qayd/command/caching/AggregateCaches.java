package sa.qayd.command.caching;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Aggregates kept in memory between commands, so that a busy EGS unit is not replayed from its
 * snapshot and events for every batch of documents, and an invoice is at hand when ZATCA's answer
 * comes a moment after its issue. Entries are held weakly (the garbage collector may drop them, which
 * only costs a load) and dropped when a command on them fails. Another replica's appends are caught
 * by {@link LatestState} before a cached aggregate decides anything.
 */
@Configuration(proxyBeanMethods = false)
public class AggregateCaches {
    public static final String EGS_UNITS = "egsUnitCache";
    public static final String INVOICES = "invoiceCache";

    @Bean(EGS_UNITS)
    Cache egsUnitCache() {
        return new WeakReferenceCache();
    }

    @Bean(INVOICES)
    Cache invoiceCache() {
        return new WeakReferenceCache();
    }
}
