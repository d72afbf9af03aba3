package sa.qayd.zatca.simulator;

import java.util.Objects;

/**
 * How to run a {@link FatooraSimulator}. It always listens on 127.0.0.1 only.
 *
 * @param port 0 for an ephemeral port
 * @param basePath where the six endpoints are mounted, e.g. {@code /e-invoicing/developer-portal}
 * @param acceptedOtp the one OTP the CSID calls accept; any other gets {@code Invalid-OTP}
 */
public record SimulatorSettings(int port, String basePath, String acceptedOtp, SimulatorCertificateAuthority ca,
        DocumentVerifier verifier) {

    public static final String DEVELOPER_PORTAL_BASE_PATH = "/e-invoicing/developer-portal";
    /** The developer portal's public test OTP. */
    public static final String SANDBOX_OTP = "123345";

    public SimulatorSettings {
        Objects.requireNonNull(basePath, "basePath");
        Objects.requireNonNull(acceptedOtp, "acceptedOtp");
        Objects.requireNonNull(ca, "ca");
        Objects.requireNonNull(verifier, "verifier");
        if (!basePath.startsWith("/") || basePath.endsWith("/")) {
            throw new IllegalArgumentException("basePath must start with / and not end with /: " + basePath);
        }
    }

    /** Ephemeral port, developer-portal path, OTP 123345, a fresh CA and the default document checks. */
    public static SimulatorSettings defaults() {
        return new SimulatorSettings(0, DEVELOPER_PORTAL_BASE_PATH, SANDBOX_OTP,
                SimulatorCertificateAuthority.generate(), new ProtocolCoreDocumentVerifier());
    }

    public SimulatorSettings withPort(int newPort) {
        return new SimulatorSettings(newPort, basePath, acceptedOtp, ca, verifier);
    }

    public SimulatorSettings withBasePath(String newBasePath) {
        return new SimulatorSettings(port, newBasePath, acceptedOtp, ca, verifier);
    }

    public SimulatorSettings withCa(SimulatorCertificateAuthority newCa) {
        return new SimulatorSettings(port, basePath, acceptedOtp, newCa, verifier);
    }

    public SimulatorSettings withVerifier(DocumentVerifier newVerifier) {
        return new SimulatorSettings(port, basePath, acceptedOtp, ca, newVerifier);
    }
}
