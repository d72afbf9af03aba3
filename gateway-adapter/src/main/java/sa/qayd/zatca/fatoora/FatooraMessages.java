package sa.qayd.zatca.fatoora;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** ZATCA's reason from any answer body: its JSON in whichever shape, else the text of a plain or HTML body. */
final class FatooraMessages {
    static final String HTTP_CATEGORY = "HTTP";
    private static final int MAX_TEXT = 500;
    private static final Pattern SCRIPT_OR_STYLE = Pattern.compile("(?is)<(script|style)\\b.*?</\\1>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private FatooraMessages() {
    }

    static List<ValidationMessage> of(int status, byte[] body) {
        List<ValidationMessage> messages = FatooraJson.objectOf(body).map(FatooraMessages::ofJson).orElse(List.of());
        return messages.isEmpty() ? List.of(ofText(status, body)) : messages;
    }

    static List<ValidationMessage> ofJson(JsonNode json) {
        FatooraResponse response = json.has("validationResults")
                ? FatooraJson.convert(json, InvoiceResponse.class)
                : CsidResponse.fromJson(json);
        return response.messages();
    }

    /** One message the client writes itself, for an answer without ZATCA's own. */
    static ValidationMessage made(int status, String text) {
        return ValidationMessage.error("HTTP-" + status, HTTP_CATEGORY, text);
    }

    private static ValidationMessage ofText(int status, byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        text = WHITESPACE.matcher(TAG.matcher(SCRIPT_OR_STYLE.matcher(text).replaceAll(" ")).replaceAll(" "))
                .replaceAll(" ").strip();
        String shown = Optional.of(text).filter(t -> !t.isEmpty())
                .map(t -> t.length() > MAX_TEXT ? t.substring(0, MAX_TEXT) + "…" : t)
                .orElse("HTTP " + status + " without a body");
        return made(status, shown);
    }
}
