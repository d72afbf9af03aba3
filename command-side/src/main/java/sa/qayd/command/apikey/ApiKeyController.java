package sa.qayd.command.apikey;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.Operation;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import sa.qayd.api.Caller;
import sa.qayd.api.Environment;
import sa.qayd.api.ErrorCode;
import sa.qayd.api.FieldError;
import sa.qayd.api.QaydException;
import sa.qayd.api.apikey.ChangeDefaultEgsUnitCommand;
import sa.qayd.api.apikey.RevokeApiKeyCommand;
import sa.qayd.command.web.Commands;
import sa.qayd.command.web.FieldErrors;

/** Key management, by an API key (its own environment only) or by the dashboard session (both). */
@RestController
class ApiKeyController {
    private final Commands commands;
    private final Clock clock;

    ApiKeyController(Commands commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    record CreateApiKeyRequest(String environment, String name) {
    }

    record DefaultEgsUnitResponse(UUID id, UUID defaultEgsUnitId) {
    }

    /** The PATCH body as clients send it (read as a tree, see below). */
    record DefaultEgsUnitChange(@Schema(types = {"string", "null"}, format = "uuid",
            description = "a unit of the key's environment, or null to clear the default") UUID defaultEgsUnitId) {
    }

    @Operation(summary = "Create an API key",
            description = "Shown in full exactly once, in this answer; stored as SHA-256 only.")
    @PostMapping("/v1/api-keys")
    @ResponseStatus(HttpStatus.CREATED)
    NewApiKey.Shown create(@AuthenticationPrincipal Caller caller, @RequestBody CreateApiKeyRequest request) {
        FieldErrors errors = new FieldErrors();
        errors.text("name", request.name(), true, 100);
        errors.throwIfAny("the API key request is invalid");
        Environment environment = caller.actingEnvironment(
                request.environment() == null ? null : Environment.fromWire(request.environment()));
        NewApiKey key = NewApiKey.create(caller.accountId(), environment, request.name().trim(), clock);
        commands.send(key.command(), ErrorCode.API_KEY_NOT_FOUND);
        return key.shown();
    }

    @Operation(summary = "Revoke an API key at once")
    @DeleteMapping("/v1/api-keys/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        commands.send(new RevokeApiKeyCommand(id, caller), ErrorCode.API_KEY_NOT_FOUND);
    }

    /**
     * Takes the body as a tree to tell "default_egs_unit_id": null (clear the default) from a body
     * that forgot the field.
     */
    @Operation(summary = "Set or clear the key's default EGS unit",
            description = "Invoices without egs_unit_id then go to that unit (pattern B); null clears it, so such "
                    + "invoices are refused with EGS_UNIT_REQUIRED.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(schema = @Schema(implementation = DefaultEgsUnitChange.class)))
    @PatchMapping("/v1/api-keys/{id}")
    DefaultEgsUnitResponse changeDefaultUnit(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                                             @RequestBody JsonNode body) {
        JsonNode field = body.get("default_egs_unit_id");
        if (!body.isObject() || field == null || !(field.isNull() || field.isTextual())) {
            throw new QaydException(ErrorCode.VALIDATION_FAILED, "send {\"default_egs_unit_id\": \"<unit id>\"} or null to clear it",
                    List.of(new FieldError("default_egs_unit_id", "is required (a unit id or null)")));
        }
        UUID unitId = field.isNull() ? null : parseUnitId(field.asText());
        commands.send(new ChangeDefaultEgsUnitCommand(id, caller, unitId), ErrorCode.API_KEY_NOT_FOUND);
        return new DefaultEgsUnitResponse(id, unitId);
    }

    private static UUID parseUnitId(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new QaydException(ErrorCode.VALIDATION_FAILED, "default_egs_unit_id is not a unit id",
                    List.of(new FieldError("default_egs_unit_id", "must be a UUID")));
        }
    }
}
