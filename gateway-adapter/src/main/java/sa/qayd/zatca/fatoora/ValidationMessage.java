package sa.qayd.zatca.fatoora;

/** One entry of ZATCA's info, warning or error lists, e.g. code {@code BR-KSA-37}, category {@code KSA}. */
public record ValidationMessage(String type, String code, String category, String message, String status) {

    public static ValidationMessage info(String code, String category, String message) {
        return new ValidationMessage("INFO", code, category, message, "PASS");
    }

    public static ValidationMessage warning(String code, String category, String message) {
        return new ValidationMessage("WARNING", code, category, message, "WARNING");
    }

    public static ValidationMessage error(String code, String category, String message) {
        return new ValidationMessage("ERROR", code, category, message, "ERROR");
    }
}
