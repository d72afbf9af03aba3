package sa.qayd.command.invoice;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import sa.qayd.api.ErrorCode;
import sa.qayd.api.invoice.IssueInvoiceCommand;
import sa.qayd.api.invoice.IssueInvoicesCommand;
import sa.qayd.api.invoice.IssueOutcome;
import sa.qayd.command.web.Commands;
import sa.qayd.platform.batch.GroupCommit;

/**
 * Group commit for a busy EGS unit. A unit numbers its documents one after the other, and a durable
 * commit takes a disk flush: one command per document would bound a unit by the disk's flushes per
 * second. So requests for a unit that arrive while it is busy wait together ({@link GroupCommit}),
 * and the next round issues them all in one {@link IssueInvoicesCommand}: one transaction, one
 * commit, each caller still answered on its own, with ICVs in the order the requests arrived (a
 * caller's documents stay together and in its order). Replicas each have their own queues; between
 * them the event store decides (a round that lost the race is retried on the new state).
 */
@Component
@EnableConfigurationProperties(IssuingSettings.class)
public class IssueCoalescer {
    private final Commands commands;
    private final IssuingSettings settings;
    /** Kept for the life of the process (a few dozen bytes per unit), so that two queues never exist for one unit. */
    private final Map<UUID, GroupCommit<IssueInvoiceCommand, IssueOutcome>> units = new ConcurrentHashMap<>();

    IssueCoalescer(Commands commands, IssuingSettings settings) {
        this.commands = commands;
        this.settings = settings;
    }

    /**
     * Issues the documents, all for one unit, in this order; answers each one's outcome in the same
     * order. Refusals are outcomes; a failure of the whole round (the database, a race lost too often)
     * is thrown.
     */
    public List<IssueOutcome> issue(UUID egsUnitId, List<IssueInvoiceCommand> documents) {
        return units.computeIfAbsent(egsUnitId, unit -> new GroupCommit<>(
                round -> commands.send(new IssueInvoicesCommand(unit, round), ErrorCode.EGS_UNIT_NOT_FOUND),
                settings.maxDocumentsPerCommit())).submit(documents);
    }
}
