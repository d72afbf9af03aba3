package sa.qayd.query.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Literal addresses only, so that these checks never depend on the DNS of the machine running them. */
class WebhookTargetsTest {
    private static final WebhookTargets STRICT = targets(false);
    private static final WebhookTargets LOCAL_RUN = targets(true);

    private static WebhookTargets targets(boolean allowLoopback) {
        Duration any = Duration.ofSeconds(1);
        return new WebhookTargets(new WebhookSettings(allowLoopback, any, 1, any, any, any, any, any));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://8.8.8.8/hooks", "https://[2001:4860:4860::8888]:8443/hooks?x=1", "HTTPS://1.1.1.1"})
    void acceptsHttpsToPublicAddresses(String url) {
        assertThat(STRICT.refusal(url)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://10.0.0.1/", "https://172.31.255.255/", "https://192.168.1.1/", "https://169.254.169.254/",
            "https://[fe80::1]/", "https://[fd12:3456::1]/", "https://100.100.100.200/", "https://0.0.0.0/",
            "https://[::]/", "https://224.0.0.1/", "https://255.255.255.255/", "https://[::ffff:10.0.0.1]/",
            "https://[64:ff9b::a00:1]/", "https://198.18.0.1/",
            // IPv4-compatible, 6to4 and Teredo forms tunnel to an IPv4 address the check never saw
            "https://[::127.0.0.1]/", "https://[::7f00:1]/", "https://[::10.0.0.1]/", "https://[2002:7f00:1::1]/",
            "https://[2002:a00:1::1]/", "https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/", "https://[2001::1]/",
            // documentation and other special-purpose ranges
            "https://192.0.2.1/", "https://198.51.100.7/", "https://203.0.113.9/", "https://[2001:db8::1]/",
            "https://[3fff::1]/", "https://[100::1]/", "https://192.88.99.1/", "https://[fec0::1]/"})
    void refusesPrivateLinkLocalAndReservedAddressesEvenWhereLoopbackIsAllowed(String url) {
        assertThat(LOCAL_RUN.refusal(url)).hasValueSatisfying(reason -> assertThat(reason).contains("private"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1/", "https://127.1.2.3:9000/", "https://[::1]/", "http://127.0.0.1:8080/hooks",
            "https://localhost/"})
    void refusesLoopbackUnlessAllowed(String url) {
        assertThat(STRICT.refusal(url)).isPresent();
        assertThat(LOCAL_RUN.refusal(url)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://8.8.8.8/hooks", "http://example.com/", "http://127.0.0.1.nip.io/"})
    void plainHttpOnlyToLoopbackNamedAsSuch(String url) {
        assertThat(LOCAL_RUN.refusal(url)).hasValue("must use https://");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://8.8.8.8/", "8.8.8.8/hooks", "https:///hooks", "https://user:pw@8.8.8.8/", "https://exa mple.com/"})
    void refusesWhatIsNotAnHttpsUrl(String url) {
        assertThat(STRICT.refusal(url)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1", "10.1.2.3", "::127.0.0.1", "2002:7f00:1::1"})
    void theDeliveryConnectionResolvesOnlyToCheckedAddresses(String host) throws Exception {
        org.assertj.core.api.Assertions.assertThatExceptionOfType(java.net.UnknownHostException.class)
                .isThrownBy(() -> new CheckedDnsResolver(STRICT).resolve(host));
        assertThat(new CheckedDnsResolver(STRICT).resolve("8.8.8.8")).extracting(java.net.InetAddress::getHostAddress)
                .containsExactly("8.8.8.8");
    }
}
