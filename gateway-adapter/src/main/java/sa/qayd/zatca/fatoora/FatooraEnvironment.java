package sa.qayd.zatca.fatoora;

import java.net.URI;
import sa.qayd.api.Environment;

/**
 * The three ZATCA gateways. A {@link FatooraClient} is bound to exactly one of them so that a unit onboarded in
 * one environment can never be routed to another environment's gateway.
 */
public enum FatooraEnvironment {
    /** Developer portal: fixed dummy certificates, OTP {@code 123345}. */
    SANDBOX("https://gw-fatoora.zatca.gov.sa/e-invoicing/developer-portal", Environment.SANDBOX),
    /** Simulation portal: real taxpayer OTPs, no legal effect. */
    SIMULATION("https://gw-fatoora.zatca.gov.sa/e-invoicing/simulation", Environment.SANDBOX),
    /** Production ("core"): legally binding submissions. */
    PRODUCTION("https://gw-fatoora.zatca.gov.sa/e-invoicing/core", Environment.PRODUCTION);

    private final URI defaultBaseUri;
    private final Environment qaydEnvironment;

    FatooraEnvironment(String defaultBaseUri, Environment qaydEnvironment) {
        this.defaultBaseUri = URI.create(defaultBaseUri);
        this.qaydEnvironment = qaydEnvironment;
    }

    public URI defaultBaseUri() {
        return defaultBaseUri;
    }

    /** The Qayd environment whose units may use this gateway. */
    public Environment qaydEnvironment() {
        return qaydEnvironment;
    }
}
