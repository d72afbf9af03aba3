package sa.qayd.api;

/** One validation message from ZATCA (info, warning or error), kept verbatim on the unit or invoice. */
public record ZatcaMessage(String type, String code, String category, String message, String status) {
}
