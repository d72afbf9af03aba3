package sa.qayd.zatca.csr;

/** The ZATCA environment a CSR targets, which fixes its certificate template name. */
public enum ZatcaEnvironment {
    /** Developer portal / sandbox (SDK flag {@code -nonprod}). */
    SANDBOX("TSTZATCA-Code-Signing"),
    /** Simulation (SDK flag {@code -sim}). */
    SIMULATION("PREZATCA-Code-Signing"),
    PRODUCTION("ZATCA-Code-Signing");

    private final String templateName;

    ZatcaEnvironment(String templateName) {
        this.templateName = templateName;
    }

    public String templateName() {
        return templateName;
    }

    public static ZatcaEnvironment ofTemplateName(String name) {
        for (ZatcaEnvironment environment : values()) {
            if (environment.templateName.equals(name)) {
                return environment;
            }
        }
        throw new IllegalArgumentException("unknown certificate template name " + name);
    }
}
