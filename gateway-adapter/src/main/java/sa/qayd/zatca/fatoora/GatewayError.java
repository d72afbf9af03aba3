package sa.qayd.zatca.fatoora;

/** An error of a CSID call, e.g. {@code Invalid-OTP} or {@code Missing-ComplianceSteps}. */
public record GatewayError(String code, String message) {
}
