package sa.qayd.query.webhook;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import sa.qayd.api.Caller;
import sa.qayd.api.Environment;
import sa.qayd.api.ErrorCode;
import sa.qayd.api.FieldError;
import sa.qayd.zatca.model.Text;
import sa.qayd.api.QaydException;
import sa.qayd.api.webhook.DeleteWebhookCommand;
import sa.qayd.api.webhook.RegisterWebhookCommand;
import sa.qayd.platform.secret.MasterKey;

/**
 * Registering webhooks and reading their delivery log. Like everything else, an API key acts in its
 * own environment only and the dashboard session names the environment.
 */
@RestController
class WebhookController {
    private static final int DEFAULT_PAGE_SIZE = 20;
    private static final int MAX_PAGE_SIZE = 100;
    private static final int MAX_DESCRIPTION_LENGTH = 500;

    private final Webhooks webhooks;
    private final Deliveries deliveries;
    private final WebhookTargets targets;
    private final CommandGateway commands;
    private final MasterKey masterKey;

    WebhookController(Webhooks webhooks, Deliveries deliveries, WebhookTargets targets, CommandGateway commands,
                      MasterKey masterKey) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.targets = targets;
        this.commands = commands;
        this.masterKey = masterKey;
    }

    /** {@code events} left out means all of them. */
    record WebhookRequest(String url, List<String> events, String description, String environment) {
    }

    record WebhookView(UUID id, String url, List<String> events, String description, String environment,
                       Instant createdAt) {
        static WebhookView of(Webhook webhook) {
            return new WebhookView(webhook.id(), webhook.url(),
                    webhook.events().stream().map(WebhookEventType::wireName).toList(), webhook.description(),
                    webhook.environment().wireName(), webhook.createdAt());
        }
    }

    /** The only answer that ever shows the signing secret. */
    record NewWebhook(@JsonUnwrapped WebhookView webhook, String secret) {
    }

    record WebhookList(List<WebhookView> data) {
    }

    /** {@code subject_id} is the invoice or EGS unit the event is about; its events are delivered in order. */
    record DeliveryView(UUID id, String eventId, String eventType, UUID subjectId, String status, int attempts,
                        Integer lastStatusCode, String lastError, Instant lastAttemptAt, Instant nextAttemptAt,
                        Instant deliveredAt, Instant createdAt) {
        static DeliveryView of(Deliveries.LogEntry entry) {
            boolean pending = entry.status() == DeliveryStatus.PENDING;
            return new DeliveryView(entry.id(), entry.eventId(), entry.eventType(), entry.subjectId(),
                    entry.status().wireName(), entry.attempts(), entry.lastStatusCode(), entry.lastError(),
                    entry.lastAttemptAt(), pending ? entry.nextAttemptAt() : null, entry.deliveredAt(), entry.createdAt());
        }
    }

    /** {@code next_cursor} is null on the last page. */
    record DeliveryPage(List<DeliveryView> data, String nextCursor) {
    }

    @Operation(summary = "Register a webhook",
            description = "An https URL resolving to public addresses only; events left out means all. The signing "
                    + "secret is shown once.")
    @ApiResponse(responseCode = "201", description = "Registered; the secret is shown this once")
    @PostMapping("/v1/webhooks")
    ResponseEntity<NewWebhook> register(@AuthenticationPrincipal Caller caller, @RequestBody WebhookRequest request) {
        Environment environment = caller.actingEnvironment(
                request.environment() == null ? null : Environment.fromWire(request.environment()));
        List<WebhookEventType> events = validate(request);
        UUID id = UUID.randomUUID();
        WebhookSecret secret = WebhookSecret.generate();
        send(new RegisterWebhookCommand(id, caller.accountId(), environment, request.url().trim(),
                events.stream().map(WebhookEventType::wireName).toList(), request.description(), secret.seal(masterKey, id)));
        // listed in the command's own transaction (Webhooks runs subscribing)
        Webhook webhook = webhooks.find(caller, id);
        return ResponseEntity.created(URI.create("/v1/webhooks/" + webhook.id()))
                .body(new NewWebhook(WebhookView.of(webhook), secret.value()));
    }

    @Operation(summary = "List webhooks")
    @GetMapping("/v1/webhooks")
    WebhookList list(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String environment) {
        Environment scope = caller.listingScope(environment == null ? null : Environment.fromWire(environment));
        return new WebhookList(webhooks.list(caller.accountId(), scope).stream().map(WebhookView::of).toList());
    }

    @Operation(summary = "Get a webhook")
    @GetMapping("/v1/webhooks/{id}")
    WebhookView get(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return WebhookView.of(webhooks.find(caller, id));
    }

    @Operation(summary = "Delete a webhook",
            description = "Nothing more is delivered to it.")
    @DeleteMapping("/v1/webhooks/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        send(new DeleteWebhookCommand(webhooks.find(caller, id).id(), caller));
    }

    @Operation(summary = "The webhook's delivery log",
            description = "Newest first, paged with next_cursor.")
    @GetMapping("/v1/webhooks/{id}/deliveries")
    DeliveryPage deliveries(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        Webhook webhook = webhooks.find(caller, id);
        int size = pageSize(limit);
        List<Deliveries.LogEntry> entries = deliveries.log(webhook.id(), position(cursor), size + 1);
        boolean more = entries.size() > size;
        List<Deliveries.LogEntry> page = more ? entries.subList(0, size) : entries;
        String nextCursor = more ? Long.toString(page.get(size - 1).position()) : null;
        return new DeliveryPage(page.stream().map(DeliveryView::of).toList(), nextCursor);
    }

    @Operation(summary = "Send a delivery again")
    @PostMapping("/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver")
    @ResponseStatus(HttpStatus.ACCEPTED)
    DeliveryView redeliver(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, @PathVariable UUID deliveryId) {
        return DeliveryView.of(deliveries.redeliver(webhooks.find(caller, id).id(), deliveryId));
    }

    /** Every field problem at once; the event types, deduplicated, in the order given. */
    private List<WebhookEventType> validate(WebhookRequest request) {
        List<FieldError> errors = new ArrayList<>();
        String url = request.url() == null ? "" : request.url().trim();
        Optional<String> urlProblem = url.isEmpty() ? Optional.of("is required")
                : Text.problem(url, WebhookTargets.MAX_URL_LENGTH).or(() -> targets.refusal(url));
        urlProblem.ifPresent(problem -> errors.add(new FieldError("url", problem)));
        Set<WebhookEventType> events = new LinkedHashSet<>();
        if (request.events() == null) {
            events.addAll(List.of(WebhookEventType.values()));
        } else if (request.events().isEmpty()) {
            errors.add(new FieldError("events", "must name at least one event type, or be left out for all of them"));
        }
        for (int i = 0; request.events() != null && i < request.events().size(); i++) {
            String name = request.events().get(i);
            Optional<WebhookEventType> type = WebhookEventType.fromWire(name);
            type.ifPresent(events::add);
            if (type.isEmpty()) {
                errors.add(new FieldError("events[" + i + "]", "is not an event type; use one of "
                        + String.join(", ", WebhookEventType.allWireNames())));
            }
        }
        if (request.description() != null) {
            Text.problem(request.description(), MAX_DESCRIPTION_LENGTH)
                    .ifPresent(problem -> errors.add(new FieldError("description", problem)));
        }
        if (!errors.isEmpty()) {
            throw new QaydException(ErrorCode.VALIDATION_FAILED, "the webhook is invalid: " + errors.size()
                    + " field(s) invalid", errors);
        }
        return List.copyOf(events);
    }

    /** The aggregate's refusals as they were thrown; anything else is no answer of the domain. */
    private void send(Object command) {
        try {
            commands.sendAndWait(command);
        } catch (RuntimeException failure) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof QaydException refusal) {
                    throw refusal;
                }
            }
            throw failure;
        }
    }

    private static int pageSize(Integer limit) {
        if (limit == null) {
            return DEFAULT_PAGE_SIZE;
        }
        if (limit < 1 || limit > MAX_PAGE_SIZE) {
            throw new QaydException(ErrorCode.VALIDATION_FAILED, "limit must be between 1 and " + MAX_PAGE_SIZE,
                    List.of(new FieldError("limit", "must be between 1 and " + MAX_PAGE_SIZE)));
        }
        return limit;
    }

    private static Long position(String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            return Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw new QaydException(ErrorCode.VALIDATION_FAILED, "cursor is not one Qayd gave out",
                    List.of(new FieldError("cursor", "must be the next_cursor of a previous page")));
        }
    }
}
