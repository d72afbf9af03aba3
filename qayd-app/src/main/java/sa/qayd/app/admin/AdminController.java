package sa.qayd.app.admin;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The operators' API: event processors, replays and dead letters. Guarded by {@link AdminSecurityConfig}. */
@RestController
class AdminController {
    private final EventProcessors processors;

    AdminController(EventProcessors processors) {
        this.processors = processors;
    }

    record ProcessorList(List<ProcessorView> data) {
    }

    record DeadLetterList(List<DeadLetterSequence> data) {
    }

    @GetMapping("/admin/processors")
    ProcessorList list() {
        return new ProcessorList(processors.all());
    }

    @GetMapping("/admin/processors/{name}")
    ProcessorView get(@PathVariable String name) {
        return processors.one(name);
    }

    /** Starts a replay and answers at once; follow {@code replay_progress} with GET /admin/processors/{name}. */
    @PostMapping("/admin/processors/{name}/reset")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ProcessorView reset(@PathVariable String name) {
        return processors.reset(name);
    }

    @GetMapping("/admin/processors/{name}/dead-letters")
    DeadLetterList deadLetters(@PathVariable String name) {
        return new DeadLetterList(processors.deadLetters(name));
    }

    @PostMapping("/admin/processors/{name}/dead-letters/retry")
    DeadLetterRetry retry(@PathVariable String name) {
        return processors.retryDeadLetters(name);
    }
}
