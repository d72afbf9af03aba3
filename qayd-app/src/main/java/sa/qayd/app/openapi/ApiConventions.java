package sa.qayd.app.openapi;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * The API's conventions, which hold for every operation and schema, written into the generated description:
 * who may call an operation, the {@code Idempotency-Key} of POSTs, operations grouped by resource, and schemas
 * exactly as strict as the API (snake_case names, unknown fields refused).
 */
final class ApiConventions implements OpenApiCustomizer {
    private static final String COMPONENT = "#/components/schemas/";
    private static final Set<String> PUBLIC = Set.of("POST /v1/onboard", "POST /v1/session");
    private static final PropertyNamingStrategies.NamingBase SNAKE_CASE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;
    /** Path prefix → tag, most specific first. */
    private static final Map<String, Tag> TAGS = new LinkedHashMap<>();

    static {
        tag("/v1/onboard", "Account", "Sign up: an account and its first API key");
        tag("/v1/session", "Account", "Sign up: an account and its first API key");
        tag("/v1/account", "Account", "Sign up: an account and its first API key");
        tag("/v1/api-keys", "API keys", "Keys per environment, listed masked; each may name a default EGS unit");
        tag("/v1/egs", "EGS units", "E-invoice generation solution units, onboarded with ZATCA in the background");
        tag("/v1/invoices", "Invoices", "Issue documents (signed, QR, cleared or reported) and read them back");
        tag("/v1/audit", "Audit", "The account's own events, resumable, for auditors");
        tag("/v1/webhooks", "Webhooks", "Signed notifications of invoice and EGS unit events");
        tag("/admin", "Operations", "The operators' API (admin token): event processors, dead letters, ZATCA work");
    }

    private static void tag(String prefix, String name, String description) {
        TAGS.put(prefix, new Tag().name(name).description(description));
    }

    static boolean isPublic(PathItem.HttpMethod method, String path) {
        return PUBLIC.contains(method + " " + path);
    }

    @Override
    public void customise(OpenAPI openApi) {
        openApi.getComponents().getSchemas().values().forEach(ApiConventions::strict);
        requestSchemas(openApi).forEach(ApiConventions::decimalsAsNumbersOrStrings);
        openApi.setTags(TAGS.values().stream().distinct().toList());
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> describe(path, method, operation)));
    }

    /**
     * swagger-core leaves some members (java.time ones) out of the naming strategy; the API writes every
     * property in snake_case and refuses unknown ones (VALIDATION_FAILED), never ignores them.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void strict(Schema<?> schema) {
        if (schema.getProperties() == null) {
            return;
        }
        Map<String, Schema> renamed = new LinkedHashMap<>();
        schema.getProperties().forEach((name, property) -> renamed.put(SNAKE_CASE.translate(name), property));
        schema.setProperties(renamed);
        renamed.forEach((name, property) -> {
            if (property.getExample() == null && property.get$ref() == null) {
                Object example = example(name, property);
                if (example != null) {
                    property.setExample(example);
                }
            }
        });
        if (schema.getRequired() != null) {
            schema.setRequired(schema.getRequired().stream().map(SNAKE_CASE::translate).toList());
        }
        schema.setAdditionalProperties(false);
    }

    /**
     * An example for a property that has none, from what its name or format says it is: what Swagger UI would
     * otherwise show ("string") tells a reader nothing about ids, times or the API's wire values.
     */
    private static Object example(String name, Schema<?> property) {
        String format = property.getFormat() == null ? "" : property.getFormat();
        return switch (format) {
            case "uuid" -> "3f6d2a8e-5b1c-4e7a-9d0f-2c8b7a6e5d41";
            case "date-time" -> "2026-03-01T09:30:00Z";
            case "date" -> "2026-03-01";
            default -> switch (name) {
                case "environment" -> "sandbox";
                case "email" -> "owner@acme.example";
                case "vat_number" -> "399999999900003";
                case "currency" -> "SAR";
                case "country" -> "SA";
                case "issue_time" -> "09:30:00";
                case "kind" -> "simplified";
                case "document_type" -> "invoice";
                case "invoice_number" -> "INV-2026-0001";
                case "icv" -> 1;
                case "onboarding_status" -> "active";
                default -> null;
            };
        };
    }

    /** Every schema a request body refers to, directly or through other schemas. */
    private static Set<Schema<?>> requestSchemas(OpenAPI openApi) {
        Set<Schema<?>> found = new java.util.HashSet<>();
        openApi.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
            if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                operation.getRequestBody().getContent().values()
                        .forEach(media -> collect(openApi, media.getSchema(), found));
            }
        }));
        return found;
    }

    private static void collect(OpenAPI openApi, Schema<?> schema, Set<Schema<?>> found) {
        if (schema == null) {
            return;
        }
        if (schema.get$ref() != null) {
            Schema<?> target = openApi.getComponents().getSchemas().get(schema.get$ref().replace(COMPONENT, ""));
            if (target != null && found.add(target)) {
                collect(openApi, target, found);
            }
            return;
        }
        collect(openApi, schema.getItems(), found);
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(property -> collect(openApi, property, found));
        }
    }

    /** Amounts, quantities and rates in requests are JSON numbers or decimal strings ({@code "35.50"}), as read. */
    private static void decimalsAsNumbersOrStrings(Schema<?> schema) {
        if (schema.getProperties() == null) {
            return;
        }
        schema.getProperties().values().forEach(property -> {
            if (property.getTypes() != null && property.getTypes().equals(Set.of("number"))) {
                property.setTypes(new java.util.LinkedHashSet<>(List.of("number", "string")));
                property.setPattern("^-?[0-9]+(\\.[0-9]+)?$");
            }
        });
    }

    private static void describe(String path, PathItem.HttpMethod method, Operation operation) {
        TAGS.entrySet().stream().filter(tag -> path.startsWith(tag.getKey())).findFirst()
                .ifPresent(tag -> operation.setTags(List.of(tag.getValue().getName())));
        boolean admin = path.startsWith("/admin/");
        boolean unsafe = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        if (isPublic(method, path)) {
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
        if (method != PathItem.HttpMethod.POST || admin) {
            return;
        }
        operation.addParametersItem(new HeaderParameter().name("Idempotency-Key").required(false)
                .description("A retry with the same key and body gets the first answer (with "
                        + "`Idempotent-Replayed: true`); the same key with another body is refused "
                        + "(IDEMPOTENCY_KEY_REUSED). Keys belong to the account and are honoured for a day.")
                .schema(new StringSchema().maxLength(255).example("order-1001")));
        if (operation.getResponses() != null) {
            operation.getResponses().forEach((status, response) -> {
                if (status.startsWith("2")) {
                    response.addHeaderObject("Idempotent-Replayed", new Header()
                            .description("`true` when this is the stored answer to an earlier request with the "
                                    + "same Idempotency-Key").schema(new StringSchema()._enum(List.of("true"))));
                }
            });
        }
    }
}
