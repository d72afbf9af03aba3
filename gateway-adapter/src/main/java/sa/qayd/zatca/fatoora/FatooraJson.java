package sa.qayd.zatca.fatoora;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/** The one JSON mapping of the Fatoora wire format, so the client and the simulator cannot drift apart. */
public final class FatooraJson {
    // ZATCA adds fields without notice (qrSellertStatus, ...) and sends an object where a list belongs
    // (infoMessages): neither may break parsing.
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private FatooraJson() {
    }

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode readTree(byte[] json) throws IOException {
        return MAPPER.readTree(json);
    }

    /** The body as a JSON object, if it is one (ZATCA also answers with plain text and proxies with HTML). */
    public static Optional<JsonNode> objectOf(byte[] body) {
        try {
            JsonNode tree = MAPPER.readTree(body);
            return tree != null && tree.isObject() ? Optional.of(tree) : Optional.empty();
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    public static <T> T read(byte[] json, Class<T> type) throws IOException {
        return MAPPER.readValue(json, type);
    }

    static JsonNode emptyObject() {
        return MAPPER.createObjectNode();
    }

    static <T> T convert(JsonNode json, Class<T> type) {
        return MAPPER.convertValue(json, type);
    }
}
