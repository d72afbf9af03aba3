package sa.qayd.app.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Who is asking, for throttles and rate limits: the client's address, and for IPv6 its /64, which
 * one subscriber usually holds whole. Behind a reverse proxy set {@code server.forward-headers-strategy}
 * so that this is the client's address, not the proxy's.
 */
final class ClientAddress {

    private ClientAddress() {
    }

    static String of(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            return bytes.length == 16 ? HexFormat.of().formatHex(Arrays.copyOf(bytes, 8)) + "::/64" : address;
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
