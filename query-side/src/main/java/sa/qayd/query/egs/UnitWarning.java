package sa.qayd.query.egs;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Something about a unit its owner should act on soon, shown in the unit's {@code warnings}. */
record UnitWarning(String code, String message) {
    static final String CERTIFICATE_EXPIRING = "CERTIFICATE_EXPIRING";
    static final String CERTIFICATE_EXPIRED = "CERTIFICATE_EXPIRED";

    /** A warning when the production certificate ends within {@code window} of {@code now}; none without one. */
    static List<UnitWarning> forCertificate(Instant notAfter, Instant now, Duration window) {
        if (notAfter == null || notAfter.isAfter(now.plus(window))) {
            return List.of();
        }
        if (!notAfter.isAfter(now)) {
            return List.of(new UnitWarning(CERTIFICATE_EXPIRED, "the production certificate expired at " + notAfter
                    + "; the unit cannot sign until it is renewed (POST /v1/egs/{id}/renew)"));
        }
        long days = ChronoUnit.DAYS.between(now, notAfter);
        return List.of(new UnitWarning(CERTIFICATE_EXPIRING, "the production certificate expires at " + notAfter
                + " (in " + days + " day" + (days == 1 ? "" : "s") + "); renew it before then"));
    }
}
