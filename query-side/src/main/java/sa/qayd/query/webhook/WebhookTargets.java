package sa.qayd.query.webhook;

import java.net.Inet4Address;
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
 * local runs and tests. Checked at registration and again for every attempt, whose connection
 * goes to the very addresses that were checked, since DNS answers change.
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
        try {
            publicAddresses(uri.getHost());
        } catch (UnknownHostException refused) {
            return Optional.of(refused.getMessage());
        }
        return Optional.empty();
    }

    /**
     * Resolves the host once and returns its addresses if every one of them may be called; the
     * delivery connects to exactly these (no second lookup that DNS rebinding could answer
     * differently). Refusals are {@link UnknownHostException}s saying why.
     */
    InetAddress[] publicAddresses(String host) throws UnknownHostException {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new UnknownHostException("host " + host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            if (address.isLoopbackAddress() ? !allowLoopback : !isPublic(address)) {
                throw new UnknownHostException("must not point to a private, loopback, link-local or reserved address ("
                        + address.getHostAddress() + ")");
            }
        }
        return addresses;
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

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        return address instanceof Inet4Address ? isPublicIpv4(b) : isPublicIpv6(b);
    }

    private static boolean isPublicIpv4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        int third = b[2] & 0xff;
        return first != 0                                              // "this" network
                && !(first == 100 && second >= 64 && second < 128)     // carrier-grade NAT
                && !(first == 192 && second == 0 && third == 0)        // IETF protocol assignments
                && !(first == 192 && second == 0 && third == 2)        // documentation TEST-NET-1
                && !(first == 198 && second == 51 && third == 100)     // documentation TEST-NET-2
                && !(first == 203 && second == 0 && third == 113)      // documentation TEST-NET-3
                && !(first == 192 && second == 88 && third == 99)      // 6to4 relay anycast
                && !(first == 198 && (second == 18 || second == 19))   // benchmarking
                && first < 240;                                        // reserved and broadcast
    }

    /**
     * Only global unicast (2000::/3), without the blocks that lead elsewhere: IPv4-compatible and
     * mapped forms ({@code [::127.0.0.1]}) and NAT64 lie outside it, and inside it the IETF protocol
     * assignments (2001::/23, Teredo among them), documentation (2001:db8::/32, 3fff::/20) and 6to4
     * (2002::/16), each of which can tunnel to an IPv4 address the check never saw.
     */
    private static boolean isPublicIpv6(byte[] b) {
        int first16 = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
        int second16 = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
        return (b[0] & 0xe0) == 0x20
                && !(first16 == 0x2001 && second16 < 0x0200)           // 2001::/23
                && !(first16 == 0x2001 && second16 == 0x0db8)          // 2001:db8::/32
                && first16 != 0x2002                                   // 6to4
                && !(first16 == 0x3fff && (second16 & 0xf000) == 0);   // 3fff::/20
    }
}
