package sa.qayd.query.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import sa.qayd.api.ZatcaMessage;

/**
 * The JSON body of every delivery. {@code id} is the event's id (also in {@code Qayd-Event-Id}):
 * the same for every webhook and every retry, so receivers can drop what they already processed.
 */
record WebhookPayload(String id, String type, Instant createdAt, String environment, Object data) {

    /**
     * {@code delay} is set for invoice.delayed only, {@code failureReason} for invoice.failed only and
     * {@code reportingDeadline} for invoice.reporting_overdue only.
     */
    record InvoiceData(UUID invoiceId, UUID egsUnitId, String invoiceNumber, String kind, String documentType,
                       String status, List<ZatcaMessage> zatcaMessages, Delay delay, String failureReason,
                       Instant reportingDeadline) {
    }

    /** Why ZATCA has not answered yet, and when Qayd sends the document again. */
    record Delay(int attempt, String reason, Instant nextAttemptAt) {
    }

    /**
     * {@code failure} is set for egs_unit.failed and egs_unit.certificate_renewal_failed (step
     * {@code renewal}) only.
     */
    record EgsUnitData(UUID egsUnitId, String name, String status, Failure failure) {
    }

    record Failure(String step, String reason, List<ZatcaMessage> zatcaMessages) {
    }
}
