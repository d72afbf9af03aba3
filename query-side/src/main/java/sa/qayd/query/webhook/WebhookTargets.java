package sa.qayd.query.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Which URLs Qayd will POST to. Webhooks would otherwise let anyone make Qayd's servers call into
 * their own network (SSRF), so the host is resolved and every address must be public; loopback
 * (and plain http to it) only where {@code qayd.webhooks.allow-insecure-loopback} says so, for
 * local runs and tests. Checked at registration and again before every attempt, since DNS answers
 * change.
 */
@Component
class WebhookTargets {
    static final int MAX_URL_LENGTH = 2048;

    private final boolean allowLoopback;

    WebhookTargets(WebhookSettings settings) {
        this.allowLoopback = settings.allowInsecureLoopback();
    }

    /** Why Qayd will not call this URL, or empty if it will. */
    Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return Optional.of("must be an https:// URL");
        }
        if (uri.getHost() == null) {
            return Optional.of("must be an absolute URL with a host name");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not contain credentials; verify the Qayd-Signature header instead");
        }
        if (scheme.equals("http") && !(allowLoopback && namesLoopback(uri.getHost()))) {
            return Optional.of("must use https://");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("host " + uri.getHost() + " does not resolve");
        }
        for (InetAddress address : addresses) {
            if (address.isLoopbackAddress() ? !allowLoopback : !isPublic(address)) {
                return Optional.of("must not point to a private, loopback, link-local or reserved address ("
                        + address.getHostAddress() + ")");
            }
        }
        return Optional.empty();
    }

    /** Decided without DNS, so that plain http can never be talked into reaching another host. */
    private static boolean namesLoopback(String host) {
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost")) {
            return true;
        }
        boolean literal = bare.contains(":") || bare.matches("[0-9.]+");
        try {
            return literal && InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (address instanceof Inet4Address) {
            return first != 0                                         // "this" network
                    && !(first == 100 && second >= 64 && second < 128) // carrier-grade NAT
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    && !(first == 198 && (second == 18 || second == 19))    // benchmarking
                    && first < 240;                                    // reserved and broadcast
        }
        return address instanceof Inet6Address
                && (first & 0xfe) != 0xfc                              // unique local fc00::/7
                && !(first == 0x00 && second == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b); // NAT64 64:ff9b::/96
    }
}
