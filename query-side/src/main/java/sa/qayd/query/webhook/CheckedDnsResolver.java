package sa.qayd.query.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The delivery client's only way to turn a host name into addresses: one lookup, every address
 * checked ({@link WebhookTargets#publicAddresses}), and the connection goes to those very
 * addresses, so a DNS answer that changes between check and connect (rebinding) changes nothing.
 */
class CheckedDnsResolver implements DnsResolver {
    private final WebhookTargets targets;

    CheckedDnsResolver(WebhookTargets targets) {
        this.targets = targets;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        return targets.publicAddresses(host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host);
    }

    @Override
    public String resolveCanonicalHostname(String host) {
        // only used for Kerberos/SPNEGO, never by deliveries: no second lookup
        return host;
    }
}
