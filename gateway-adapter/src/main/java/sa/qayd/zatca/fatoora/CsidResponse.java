package sa.qayd.zatca.fatoora;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Answer of the three CSID calls. On success it carries the token and secret; otherwise ZATCA's errors, which it
 * sends as an {@code errors} array of strings or objects, or as a bare error object (see {@link GatewayError}).
 *
 * @param requestId -1 or -2 on some refusals
 * @param binarySecurityToken base64 of the base64 certificate body, used verbatim in the Basic header
 */
public record CsidResponse(
        @JsonProperty("requestID") Long requestId,
        String tokenType,
        String dispositionMessage,
        String binarySecurityToken,
        String secret,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<GatewayError> errors) implements FatooraResponse {

    public static final String X509_TOKEN_TYPE =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-x509-token-profile-1.0#X509v3";
    public static final String ISSUED = "ISSUED";
    public static final String NOT_COMPLIANT = "NOT_COMPLIANT";

    public CsidResponse {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static CsidResponse issued(long requestId, String binarySecurityToken, String secret) {
        return new CsidResponse(requestId, X509_TOKEN_TYPE, ISSUED, binarySecurityToken, secret, null);
    }

    public static CsidResponse failed(GatewayError error) {
        return new CsidResponse(null, null, null, null, null, List.of(error));
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static CsidResponse fromJson(JsonNode json) {
        List<GatewayError> errors = new ArrayList<>();
        JsonNode listed = json.path("errors");
        if (listed.isArray()) {
            listed.forEach(item -> errors.add(error(item)));
        } else if (listed.isTextual() || listed.isObject()) {
            errors.add(error(listed));
        } else if (isBareError(json)) {
            errors.add(error(json));
        }
        JsonNode requestId = json.path("requestID");
        boolean numeric = requestId.isIntegralNumber() || requestId.isTextual() && requestId.asText().matches("-?\\d+");
        return new CsidResponse(numeric ? requestId.asLong() : null, text(json, "tokenType"),
                text(json, "dispositionMessage"), text(json, "binarySecurityToken"), text(json, "secret"), errors);
    }

    @Override
    public List<ValidationMessage> messages() {
        return errors.stream().map(GatewayError::toMessage).toList();
    }

    @Override
    public boolean confirms(FatooraEndpoint endpoint) {
        return ISSUED.equals(dispositionMessage) && hasCredentials();
    }

    /** True when the answer carries a token and a secret (issued, or renewed pending compliance). */
    public boolean hasCredentials() {
        return binarySecurityToken != null && !binarySecurityToken.isBlank() && secret != null && !secret.isBlank();
    }

    private static boolean isBareError(JsonNode json) {
        return List.of("code", "errorCode", "error", "message", "errorMessage").stream().anyMatch(json::hasNonNull);
    }

    private static GatewayError error(JsonNode item) {
        return item.isTextual() ? GatewayError.text(item.asText()) : FatooraJson.convert(item, GatewayError.class);
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

    @Override
    public String toString() {
        return "CsidResponse[requestId=" + requestId + ", dispositionMessage=" + dispositionMessage
                + ", errors=" + errors + "]";
    }
}
