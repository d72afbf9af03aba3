package sa.qayd.zatca.simulator;

import java.time.Duration;

/** Compliance CSIDs only open the compliance endpoints; production CSIDs only the submission endpoints. */
enum CsidKind {
    COMPLIANCE(Duration.ofDays(365)),
    PRODUCTION(Duration.ofDays(5 * 365));

    private final Duration validity;

    CsidKind(Duration validity) {
        this.validity = validity;
    }

    Duration validity() {
        return validity;
    }
}
