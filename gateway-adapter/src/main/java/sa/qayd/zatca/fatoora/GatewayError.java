package sa.qayd.zatca.fatoora;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An error of a CSID call or of ZATCA's gateway itself, e.g. {@code Invalid-OTP} or {@code Missing-ComplianceSteps}.
 * ZATCA writes it as {@code {"code","message"}}, as {@code {"errorCode","errorCategory","errorMessage"}}, or as a
 * bare string inside an {@code errors} array; all three read into this record.
 *
 * @param code null when ZATCA gave only text
 * @param category null unless ZATCA sent one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GatewayError(
        @JsonAlias({"errorCode", "error"}) String code,
        @JsonAlias("errorCategory") String category,
        @JsonAlias("errorMessage") String message) {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public GatewayError {
    }

    public GatewayError(String code, String message) {
        this(code, null, message);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static GatewayError text(String message) {
        return new GatewayError(null, null, message);
    }

    public ValidationMessage toMessage() {
        return ValidationMessage.error(code, category, message == null || message.isBlank() ? code : message);
    }
}
