package sa.qayd.app.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sa.qayd.app.Api;

/**
 * The README and the OpenAPI description the service generates from its code tell the same story: every
 * endpoint the README names exists, every request body of its curl walk-through validates against the
 * operation's schema (unknown fields included, which the API refuses), every response field the walk-through
 * reads is in the answer's schema, and every field the README lists for an invoice body exists.
 */
class ReadmeAgreesWithOpenApiTest extends QueryContext {
    private static final Path README = Path.of("..", "README.md");
    private static final Pattern CURL_TARGET = Pattern.compile("\\$B(/[^\\s\"']*)");
    private static final Pattern METHOD = Pattern.compile("-X\\s+([A-Z]+)");
    private static final Pattern INLINE_BODY = Pattern.compile("-d\\s+'([^']*)'|-d\\s+\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern ASSIGNED_BODY = Pattern.compile("(?m)^([A-Z_]+)='(\\{[^']*})'");
    private static final Pattern READ_FIELDS = Pattern.compile("\\| j \"((?:\\['?[a-z_0-9]+'?])+)");
    private static final Pattern TABLE_ENDPOINT = Pattern.compile("`(GET|POST|PATCH|PUT|DELETE) (/v1/[^`\\s]*)`");
    private static final Pattern FIELD = Pattern.compile("`([a-z][a-z0-9_]*)(?:\\?|\\[])?`");

    private JsonNode description;
    private String readme;

    @BeforeEach
    void read() throws IOException {
        Api.Reply docs = api.get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        description = docs.body();
        readme = Files.readString(README);
    }

    @Test
    void theDescriptionIsOpenApi31WithTheThreeWaysIn() {
        assertThat(description.path("openapi").asText()).startsWith("3.1");
        assertThat(description.path("components").path("securitySchemes").fieldNames()).toIterable()
                .contains("apiKey", "session", "csrf", "adminToken");
        JsonNode codes = description.path("components").path("schemas").path("Problem").path("properties")
                .path("code").path("enum");
        assertThat(codes).hasSameSizeAs(sa.qayd.api.ErrorCode.values());
        for (sa.qayd.api.ErrorCode code : sa.qayd.api.ErrorCode.values()) {
            assertThat(description.path("info").path("description").asText())
                    .contains("| `" + code.name() + "` | " + code.httpStatus() + " |");
        }
    }

    @Test
    void everyOperationIsSummarisedAndItsRequestExamplesValidate() {
        int examples = 0;
        var paths = description.path("paths").fields();
        while (paths.hasNext()) {
            var path = paths.next();
            var operations = path.getValue().fields();
            while (operations.hasNext()) {
                var operation = operations.next();
                String name = operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
                assertThat(operation.getValue().path("summary").asText()).as(name + " summary").isNotBlank();
                JsonNode body = operation.getValue().path("requestBody").path("content").path("application/json");
                var named = body.path("examples").fields();
                while (named.hasNext()) {
                    JsonNode example = named.next().getValue().path("value");
                    String json = example.isTextual() ? example.asText() : example.toString();
                    assertThat(validate(body.path("schema"), json)).as(name + " example " + json).isEmpty();
                    examples++;
                }
            }
        }
        assertThat(examples).isGreaterThanOrEqualTo(2);
    }

    @Test
    void everyEndpointTheReadmeNamesExists() {
        Set<String> named = new LinkedHashSet<>();
        Matcher endpoint = TABLE_ENDPOINT.matcher(readme);
        while (endpoint.find()) {
            named.add(endpoint.group(1) + " " + endpoint.group(2));
        }
        assertThat(named).hasSizeGreaterThan(10);
        for (String each : named) {
            String[] parts = each.split(" ");
            assertThat(operation(parts[0], parts[1])).as(each).isNotNull();
        }
    }

    @Test
    void theCurlWalkThroughSendsBodiesTheSchemasAcceptAndReadsFieldsTheAnswersHave() {
        String walkThrough = section("## Walk-through with curl");
        Map<String, String> assigned = new HashMap<>();
        Matcher assignment = ASSIGNED_BODY.matcher(walkThrough);
        while (assignment.find()) {
            assigned.put(assignment.group(1), assignment.group(2));
        }
        List<String> checked = new ArrayList<>();
        for (String command : commands(walkThrough)) {
            Matcher target = CURL_TARGET.matcher(command);
            if (!command.contains("curl ") || !target.find()) {
                continue;
            }
            String path = target.group(1).replaceAll("\\?.*", "");
            Matcher method = METHOD.matcher(command);
            String verb = method.find() ? method.group(1) : command.contains(" -d ") ? "POST" : "GET";
            JsonNode operation = operation(verb, path);
            assertThat(operation).as(verb + " " + path + " in the description").isNotNull();

            String body = body(command, assigned);
            if (body != null) {
                JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
                assertThat(schema.isMissingNode()).as(verb + " " + path + " takes a JSON body").isFalse();
                assertThat(validate(schema, body)).as(verb + " " + path + ": " + body).isEmpty();
            }
            Matcher read = READ_FIELDS.matcher(command);
            if (read.find()) {
                assertThat(hasField(answerSchema(operation), read.group(1)))
                        .as(verb + " " + path + " answers with " + read.group(1)).isTrue();
            }
            checked.add(verb + " " + path);
        }
        assertThat(checked).as("curl commands of the walk-through").hasSizeGreaterThan(10);
    }

    @Test
    void everyFieldTheReadmeListsForAnInvoiceBodyExists() {
        int start = readme.indexOf("\n|", readme.indexOf("Invoice body"));
        assertThat(start).isNotNegative();
        String table = readme.substring(start, readme.indexOf("\n\n", start));
        Set<String> properties = new LinkedHashSet<>();
        collectProperties(resolve(operation("POST", "/v1/invoices/simplified").path("requestBody").path("content")
                .path("application/json").path("schema")), properties, new LinkedHashSet<>());
        Matcher field = FIELD.matcher(table);
        int fields = 0;
        while (field.find()) {
            assertThat(properties).as("the invoice body's fields").contains(field.group(1));
            fields++;
        }
        assertThat(fields).isGreaterThan(30);
    }

    /** The README section under a heading, up to the next one of its level. */
    private String section(String heading) {
        int start = readme.indexOf(heading);
        assertThat(start).as(heading).isNotNegative();
        int end = readme.indexOf("\n## ", start + heading.length());
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    /** Shell commands of a script: continued lines joined, comments dropped. */
    private static List<String> commands(String script) {
        String joined = script.replace("\\\n", " ");
        List<String> commands = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inQuote = false;
        for (String line : joined.split("\n")) {
            current.append(line).append('\n');
            for (char c : line.toCharArray()) {
                if (c == '\'') {
                    inQuote = !inQuote;
                }
            }
            if (!inQuote) {
                commands.add(current.toString());
                current.setLength(0);
            }
        }
        return commands;
    }

    /** The JSON body of a curl command, with shell variables as the script would expand them. */
    private static String body(String command, Map<String, String> assigned) {
        Matcher inline = INLINE_BODY.matcher(command);
        if (!inline.find()) {
            return null;
        }
        String body = inline.group(1) != null ? inline.group(1) : inline.group(2).replace("\\\"", "\"");
        Matcher variable = Pattern.compile("^\\$([A-Z_]+)$").matcher(body);
        if (variable.matches()) {
            body = assigned.get(variable.group(1));
            assertThat(body).as("$" + variable.group(1) + " is assigned a body").isNotNull();
        }
        return body.replaceAll("\\$[A-Z_]+", UUID.randomUUID().toString());
    }

    /** The operation for a concrete path ({@code /v1/egs/$UNIT}) or a template, or null. */
    private JsonNode operation(String method, String path) {
        String concrete = path.replaceAll("\\?.*", "").replaceAll("\\$[A-Z_]+", "x").replaceAll("\\{[^}]+}", "x");
        var paths = description.path("paths").fields();
        while (paths.hasNext()) {
            var entry = paths.next();
            if (concrete.matches(entry.getKey().replaceAll("\\{[^}]+}", "[^/]+"))
                    && entry.getValue().has(method.toLowerCase(Locale.ROOT))) {
                return entry.getValue().path(method.toLowerCase(Locale.ROOT));
            }
        }
        return null;
    }

    private List<Error> validate(JsonNode schema, String body) {
        ObjectNode document = Api.JSON.createObjectNode();
        document.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        document.setAll((ObjectNode) schema.deepCopy());
        document.set("components", description.path("components"));
        try {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(Api.JSON.writeValueAsString(document)).validate(Api.JSON.readTree(body));
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }

    private JsonNode answerSchema(JsonNode operation) {
        var responses = operation.path("responses").fields();
        while (responses.hasNext()) {
            var response = responses.next();
            if (response.getKey().startsWith("2")) {
                return resolve(response.getValue().path("content").path("application/json").path("schema"));
            }
        }
        return Api.JSON.missingNode();
    }

    /** Whether {@code ['a'][0]['b']} leads through the schema to a declared property. */
    private boolean hasField(JsonNode schema, String access) {
        Matcher step = Pattern.compile("\\['?([a-z_0-9]+)'?]").matcher(access);
        JsonNode current = schema;
        while (step.find()) {
            String key = step.group(1);
            current = key.matches("\\d+") ? resolve(current.path("items")) : resolve(current.path("properties").path(key));
            if (current.isMissingNode()) {
                return false;
            }
        }
        return true;
    }

    private JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        return ref.isEmpty() ? schema : description.at(ref.substring(1));
    }

    private void collectProperties(JsonNode schema, Set<String> names, Set<String> seen) {
        schema.path("properties").fields().forEachRemaining(property -> {
            names.add(property.getKey());
            JsonNode value = property.getValue();
            for (JsonNode nested : List.of(value, value.path("items"))) {
                String ref = nested.path("$ref").asText("");
                if (!ref.isEmpty() && seen.add(ref)) {
                    collectProperties(resolve(nested), names, seen);
                }
            }
        });
    }
}
