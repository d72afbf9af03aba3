package sa.qayd.query.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSecretTest {

    @Test
    void signsTheTimestampDotBodyWithTheWholeSecret() {
        // expected value from: printf '1700000000.{"id":"evt"}' | openssl dgst -sha256 -hmac whsec_test
        assertThat(new WebhookSecret("whsec_test").signatureHeader(1_700_000_000L, "{\"id\":\"evt\"}"))
                .isEqualTo("t=1700000000,v1=a94cea056df1fbb92eadafcf2c5cd541dbe0c6ef736e4748202dd53f86694a3e");
    }

    @Test
    void everySecretIsNewAndCarriesItsPrefix() {
        String first = WebhookSecret.generate().value();
        assertThat(first).matches("whsec_[A-Za-z0-9_-]{43}");
        assertThat(WebhookSecret.generate().value()).isNotEqualTo(first);
    }
}
