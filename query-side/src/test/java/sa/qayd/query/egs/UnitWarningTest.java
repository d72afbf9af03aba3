package sa.qayd.query.egs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UnitWarningTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration WINDOW = Duration.ofDays(30);

    @Test
    void warnsInsideTheWindowOnlyAndSaysWhenTheCertificateAlreadyExpired() {
        assertThat(UnitWarning.forCertificate(null, NOW, WINDOW)).isEmpty();
        assertThat(UnitWarning.forCertificate(NOW.plus(Duration.ofDays(31)), NOW, WINDOW)).isEmpty();
        assertThat(UnitWarning.forCertificate(NOW.plus(WINDOW), NOW, WINDOW)).extracting(UnitWarning::code)
                .containsExactly(UnitWarning.CERTIFICATE_EXPIRING);
        assertThat(UnitWarning.forCertificate(NOW.plus(Duration.ofDays(1)), NOW, WINDOW).get(0).message()).contains("(in 1 day)");
        assertThat(UnitWarning.forCertificate(NOW, NOW, WINDOW)).extracting(UnitWarning::code)
                .containsExactly(UnitWarning.CERTIFICATE_EXPIRED);
    }
}
