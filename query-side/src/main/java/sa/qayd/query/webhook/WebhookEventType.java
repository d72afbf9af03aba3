package sa.qayd.query.webhook;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What an integrator can subscribe to; the wire names are part of the public contract. */
enum WebhookEventType {
    INVOICE_CLEARED("invoice.cleared"),
    INVOICE_REPORTED("invoice.reported"),
    INVOICE_REJECTED("invoice.rejected"),
    INVOICE_DELAYED("invoice.delayed"),
    INVOICE_FAILED("invoice.failed"),
    INVOICE_REPORTING_OVERDUE("invoice.reporting_overdue"),
    EGS_UNIT_ACTIVE("egs_unit.active"),
    EGS_UNIT_FAILED("egs_unit.failed"),
    EGS_UNIT_CERTIFICATE_RENEWED("egs_unit.certificate_renewed"),
    EGS_UNIT_CERTIFICATE_RENEWAL_FAILED("egs_unit.certificate_renewal_failed");

    private final String wireName;

    WebhookEventType(String wireName) {
        this.wireName = wireName;
    }

    String wireName() {
        return wireName;
    }

    static Optional<WebhookEventType> fromWire(String value) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(value)).findFirst();
    }

    static List<String> allWireNames() {
        return Arrays.stream(values()).map(WebhookEventType::wireName).toList();
    }
}
