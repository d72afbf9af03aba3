package sa.qayd.api;

/** One problem with one field of a request; {@code field} is the JSON path, e.g. {@code lines[0].vat_rate}. */
public record FieldError(String field, String message) {
}
