package sa.qayd.app.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OpenApiCustomizer;
import sa.qayd.api.ErrorCode;

/**
 * What every operation shares, added to the generated description: who may call it (security), the
 * {@code Idempotency-Key} of POSTs, and the problem+json answers it can give, each status with an example per
 * {@link ErrorCode} of that status. Which statuses an operation can answer follows from what it is: any may be
 * malformed, rate limited or fail; one with credentials may be refused them; one with a body may have it too
 * large, of the wrong type or invalid; one naming a resource may not find it; one that changes something may
 * conflict.
 */
final class ProblemResponses implements OpenApiCustomizer {
    static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final Set<String> PUBLIC = Set.of("POST /v1/onboard", "POST /v1/session");

    @Override
    public void customise(OpenAPI openApi) {
        openApi.getComponents().getSchemas().values().forEach(schema -> {
            if (schema.getProperties() != null) {
                // unknown fields are refused (VALIDATION_FAILED), never ignored
                schema.setAdditionalProperties(false);
            }
        });
        openApi.getComponents().addSchemas("FieldError", new ObjectSchema()
                .description("One problem with one field; `field` is its JSON path, e.g. `lines[0].vat_rate`")
                .addProperty("field", new StringSchema().example("lines[0].vat_rate"))
                .addProperty("message", new StringSchema().example("must be 15 or 5 for category S")));
        openApi.getComponents().addSchemas(PROBLEM, problemSchema());
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> describe(path, method, operation)));
    }

    private static void describe(String path, PathItem.HttpMethod method, Operation operation) {
        boolean admin = path.startsWith("/admin/");
        boolean open = PUBLIC.contains(method + " " + path);
        boolean unsafe = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        if (open) {
            operation.setSecurity(List.of());
        } else if (admin) {
            operation.setSecurity(List.of(new SecurityRequirement().addList(OpenApiConfig.ADMIN)));
        } else {
            SecurityRequirement session = new SecurityRequirement().addList(OpenApiConfig.SESSION);
            if (unsafe) {
                session.addList(OpenApiConfig.CSRF);
            }
            operation.setSecurity(List.of(new SecurityRequirement().addList(OpenApiConfig.API_KEY), session));
        }
        if (method == PathItem.HttpMethod.POST && !admin) {
            operation.addParametersItem(new HeaderParameter().name("Idempotency-Key").required(false)
                    .description("A retry with the same key and body gets the first answer (with "
                            + "`Idempotent-Replayed: true`); the same key with another body is refused "
                            + "(IDEMPOTENCY_KEY_REUSED). Keys belong to the account and are honoured for a day.")
                    .schema(new StringSchema().maxLength(255).example("order-1001")));
        }
        Set<Integer> statuses = new TreeSet<>(List.of(400, 429, 500));
        if (!open) {
            statuses.addAll(List.of(401, 403));
        }
        if (operation.getRequestBody() != null) {
            statuses.addAll(List.of(413, 415, 422));
        }
        if (path.contains("{")) {
            statuses.add(404);
        }
        if (unsafe) {
            statuses.add(409);
        }
        if (open && path.equals("/v1/session")) {
            statuses.add(401);
        }
        if (path.startsWith("/v1/invoices") && unsafe) {
            statuses.add(503);
        }
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        for (int status : statuses) {
            operation.getResponses().putIfAbsent(Integer.toString(status), problemResponse(status));
        }
        operation.getResponses().forEach((status, response) -> {
            if (status.startsWith("2") && method == PathItem.HttpMethod.POST && !admin) {
                response.addHeaderObject("Idempotent-Replayed", new Header()
                        .description("`true` when this is the stored answer to an earlier request with the same "
                                + "Idempotency-Key").schema(new StringSchema()._enum(List.of("true"))));
            }
        });
    }

    private static ApiResponse problemResponse(int status) {
        List<ErrorCode> codes = codesOf(status);
        Map<String, Example> examples = new LinkedHashMap<>();
        for (ErrorCode code : codes) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", "urn:qayd:problem:" + code.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            body.put("title", code.title());
            body.put("status", code.httpStatus());
            body.put("detail", code.title());
            body.put("code", code.name());
            examples.put(code.name(), new Example().summary(code.title()).value(body));
        }
        return new ApiResponse()
                .description(codes.stream().map(ErrorCode::name).collect(Collectors.joining(", ")))
                .content(new Content().addMediaType(PROBLEM_JSON, new MediaType()
                        .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)).examples(examples)));
    }

    private static List<ErrorCode> codesOf(int status) {
        return Arrays.stream(ErrorCode.values()).filter(code -> code.httpStatus() == status).toList();
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("An RFC 9457 problem: match on `code`, show `detail` to people")
                .addProperty("type", new StringSchema().format("uri").example("urn:qayd:problem:validation-failed"))
                .addProperty("title", new StringSchema().example("Validation failed"))
                .addProperty("status", new IntegerSchema().example(422))
                .addProperty("detail", new StringSchema().example("the invoice is invalid"))
                .addProperty("instance", new StringSchema().format("uri"))
                .addProperty("code", new StringSchema()._enum(Arrays.stream(ErrorCode.values()).map(Enum::name).toList())
                        .description("Stable: clients match on it. See the table in the description for each status."))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/FieldError"))
                        .description("With VALIDATION_FAILED: every wrong field at once"))
                .required(List.of("type", "title", "status", "code"));
    }

    /** Every error code with its HTTP status and title, as a Markdown table. */
    static String codeTable() {
        StringBuilder table = new StringBuilder("| code | HTTP status | meaning |\n|---|---|---|\n");
        for (ErrorCode code : ErrorCode.values()) {
            table.append("| `").append(code.name()).append("` | ").append(code.httpStatus()).append(" | ")
                    .append(code.title()).append(" |\n");
        }
        return table.toString();
    }
}
