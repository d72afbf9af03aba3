package sa.qayd.app.admin;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import sa.qayd.command.zatca.ZatcaWorkQueue;
import sa.qayd.command.zatca.ZatcaWorker;

/**
 * The operators' API: event processors, replays and dead letters, and the ZATCA work. Guarded by
 * {@link AdminSecurityConfig}.
 */
@RestController
class AdminController {
    private final EventProcessors processors;
    private final ZatcaWorkQueue work;
    private final ZatcaWorker worker;

    AdminController(EventProcessors processors, ZatcaWorkQueue work, ZatcaWorker worker) {
        this.processors = processors;
        this.work = work;
        this.worker = worker;
    }

    /**
     * What waits for ZATCA across all replicas, by kind and since when; and what the answering replica's
     * worker has in flight per lane and has finished since it started.
     */
    record ZatcaWork(List<ZatcaWorkQueue.Backlog> backlog, Map<String, Integer> inFlight, long settledByThisReplica) {
    }

    @Operation(summary = "What waits for ZATCA",
            description = "Across all replicas by kind and oldest; the answering replica's calls in flight per lane"
                    + " and the work it finished.")
    @GetMapping("/admin/zatca-work")
    ZatcaWork zatcaWork() {
        return new ZatcaWork(work.backlog(), worker.inFlight(), worker.settled());
    }

    record ProcessorList(List<ProcessorView> data) {
    }

    record DeadLetterList(List<DeadLetterSequence> data) {
    }

    @Operation(summary = "Event processors",
            description = "Position, lag, replay progress, segments and dead letters of each, across replicas.")
    @GetMapping("/admin/processors")
    ProcessorList list() {
        return new ProcessorList(processors.all());
    }

    @Operation(summary = "One event processor")
    @GetMapping("/admin/processors/{name}")
    ProcessorView get(@PathVariable String name) {
        return processors.one(name);
    }

    /** Starts a replay and answers at once; follow {@code replay_progress} with GET /admin/processors/{name}. */
    @Operation(summary = "Rebuild a projection online",
            description = "Starts a replay and answers at once; follow replay_progress.")
    @PostMapping("/admin/processors/{name}/reset")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ProcessorView reset(@PathVariable String name) {
        return processors.reset(name);
    }

    @Operation(summary = "The processor's dead letters")
    @GetMapping("/admin/processors/{name}/dead-letters")
    DeadLetterList deadLetters(@PathVariable String name) {
        return new DeadLetterList(processors.deadLetters(name));
    }

    @Operation(summary = "Retry every dead-lettered sequence once")
    @PostMapping("/admin/processors/{name}/dead-letters/retry")
    DeadLetterRetry retry(@PathVariable String name) {
        return processors.retryDeadLetters(name);
    }
}
