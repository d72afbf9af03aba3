package sa.qayd.zatca.fatoora;

import java.net.URI;
import sa.qayd.api.Environment;

/**
 * The three ZATCA gateways. A {@link FatooraClient} is bound to exactly one of them so that a unit onboarded in
 * one environment can never be routed to another environment's gateway, and a CSR names the certificate
 * template of the gateway it is sent to.
 */
public enum FatooraEnvironment {
    /** Developer portal: fixed dummy certificates, OTP {@code 123345} (SDK flag {@code -nonprod}). */
    SANDBOX("https://gw-fatoora.zatca.gov.sa/e-invoicing/developer-portal", Environment.SANDBOX, "TSTZATCA-Code-Signing"),
    /** Simulation portal: real taxpayer OTPs, no legal effect (SDK flag {@code -sim}). */
    SIMULATION("https://gw-fatoora.zatca.gov.sa/e-invoicing/simulation", Environment.SANDBOX, "PREZATCA-Code-Signing"),
    /** Production ("core"): legally binding submissions. */
    PRODUCTION("https://gw-fatoora.zatca.gov.sa/e-invoicing/core", Environment.PRODUCTION, "ZATCA-Code-Signing");

    private final URI defaultBaseUri;
    private final Environment qaydEnvironment;
    private final String templateName;

    FatooraEnvironment(String defaultBaseUri, Environment qaydEnvironment, String templateName) {
        this.defaultBaseUri = URI.create(defaultBaseUri);
        this.qaydEnvironment = qaydEnvironment;
        this.templateName = templateName;
    }

    /** The certificate template name a CSR for this gateway carries. */
    public String templateName() {
        return templateName;
    }

    public static FatooraEnvironment ofTemplateName(String name) {
        for (FatooraEnvironment environment : values()) {
            if (environment.templateName.equals(name)) {
                return environment;
            }
        }
        throw new IllegalArgumentException("unknown certificate template name " + name);
    }

    public URI defaultBaseUri() {
        return defaultBaseUri;
    }

    /** The Qayd environment whose units may use this gateway. */
    public Environment qaydEnvironment() {
        return qaydEnvironment;
    }
}
