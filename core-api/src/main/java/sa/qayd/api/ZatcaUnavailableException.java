package sa.qayd.api;

/**
 * ZATCA could not be reached or asked us to come back later (network, timeout, 429, 5xx, open
 * circuit). Nothing was recorded by ZATCA, so the same request may simply be sent again later.
 */
public class ZatcaUnavailableException extends RuntimeException {
    public ZatcaUnavailableException(String reason) {
        super(reason);
    }
}
