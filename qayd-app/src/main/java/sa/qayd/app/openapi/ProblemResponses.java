package sa.qayd.app.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
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
 * The problem+json answers each operation can give, each status with an example per {@link ErrorCode} of that
 * status. Which statuses an operation can answer follows from what it is: any may be malformed, rate limited or
 * fail; one with credentials may be refused them; one with a body may have it too large, of the wrong type or
 * invalid; one naming a resource may not find it; one that changes something may conflict.
 */
final class ProblemResponses implements OpenApiCustomizer {
    static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";

    @Override
    public void customise(OpenAPI openApi) {
        openApi.getComponents().addSchemas("FieldError", new ObjectSchema()
                .description("One problem with one field; `field` is its JSON path, e.g. `lines[0].vat_rate`")
                .addProperty("field", new StringSchema().example("lines[0].vat_rate"))
                .addProperty("message", new StringSchema().example("must be 15 or 5 for category S")));
        openApi.getComponents().addSchemas(PROBLEM, problemSchema());
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> addProblems(path, method, operation)));
    }

    private static void addProblems(String path, PathItem.HttpMethod method, Operation operation) {
        boolean open = ApiConventions.isPublic(method, path);
        boolean unsafe = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        Set<Integer> statuses = new TreeSet<>(List.of(400, 429, 500));
        if (!open || path.equals("/v1/session")) {
            statuses.add(401);
        }
        if (!open) {
            statuses.add(403);
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
        if (path.startsWith("/v1/invoices") && unsafe) {
            statuses.add(503);
        }
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        for (int status : statuses) {
            operation.getResponses().putIfAbsent(Integer.toString(status), problemResponse(status));
        }
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
