package sa.qayd.zatca.fatoora;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Answer of the three CSID calls. On success it carries the token and secret; on 400 the {@code errors}.
 *
 * @param binarySecurityToken base64 of the base64 certificate body, used verbatim in the Basic header
 */
public record CsidResponse(
        @JsonProperty("requestID") Long requestId,
        String tokenType,
        String dispositionMessage,
        String binarySecurityToken,
        String secret,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<GatewayError> errors) {

    public static final String X509_TOKEN_TYPE =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-x509-token-profile-1.0#X509v3";

    public CsidResponse {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static CsidResponse issued(long requestId, String binarySecurityToken, String secret) {
        return new CsidResponse(requestId, X509_TOKEN_TYPE, "ISSUED", binarySecurityToken, secret, null);
    }

    public static CsidResponse failed(GatewayError error) {
        return new CsidResponse(null, null, null, null, null, List.of(error));
    }

    // ZATCA answers some CSID errors with a bare {"code","message"} instead of an errors array.
    @JsonCreator
    static CsidResponse fromJson(
            @JsonProperty("requestID") Long requestId,
            @JsonProperty("tokenType") String tokenType,
            @JsonProperty("dispositionMessage") String dispositionMessage,
            @JsonProperty("binarySecurityToken") String binarySecurityToken,
            @JsonProperty("secret") String secret,
            @JsonProperty("errors") List<GatewayError> errors,
            @JsonProperty("code") String code,
            @JsonProperty("message") String message) {
        List<GatewayError> allErrors = errors == null && code != null ? List.of(new GatewayError(code, message)) : errors;
        return new CsidResponse(requestId, tokenType, dispositionMessage, binarySecurityToken, secret, allErrors);
    }

    @Override
    public String toString() {
        return "CsidResponse[requestId=" + requestId + ", dispositionMessage=" + dispositionMessage
                + ", errors=" + errors + "]";
    }
}
