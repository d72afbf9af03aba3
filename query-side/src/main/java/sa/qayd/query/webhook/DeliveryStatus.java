package sa.qayd.query.webhook;

import java.util.Locale;

/** Where one delivery stands. FAILED means Qayd gave up retrying; a manual redelivery is still possible. */
enum DeliveryStatus {
    PENDING,
    DELIVERED,
    FAILED,
    CANCELLED;

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
