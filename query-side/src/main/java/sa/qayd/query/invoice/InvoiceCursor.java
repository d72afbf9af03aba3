package sa.qayd.query.invoice;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a page of the newest-first listing ended: the last row's (issued_at, invoice_id). Opaque to
 * clients; stable under inserts, so no document is skipped or shown twice while new ones arrive.
 */
record InvoiceCursor(Instant issuedAt, UUID invoiceId) {

    String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, issuedAt);
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((micros + "_" + invoiceId).getBytes(StandardCharsets.US_ASCII));
    }

    static Optional<InvoiceCursor> decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII).split("_", 2);
            return Optional.of(new InvoiceCursor(Instant.EPOCH.plus(Long.parseLong(parts[0]), ChronoUnit.MICROS),
                    UUID.fromString(parts[1])));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }
}
