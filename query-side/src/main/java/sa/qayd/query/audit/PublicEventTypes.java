package sa.qayd.query.audit;

import java.util.Map;
import java.util.Optional;
import org.axonframework.serialization.Revision;
import sa.qayd.api.account.AccountPersonalDataForgottenEvent;
import sa.qayd.api.account.AccountRegisteredEvent;
import sa.qayd.api.apikey.ApiKeyIssuedEvent;
import sa.qayd.api.apikey.ApiKeyRevokedEvent;
import sa.qayd.api.apikey.DefaultEgsUnitClearedEvent;
import sa.qayd.api.apikey.DefaultEgsUnitSetEvent;
import sa.qayd.api.egs.ComplianceChecksPassedEvent;
import sa.qayd.api.egs.ComplianceCsidIssuedEvent;
import sa.qayd.api.egs.EgsCertificateRenewalFailedEvent;
import sa.qayd.api.egs.EgsCertificateRenewalRequestedEvent;
import sa.qayd.api.egs.EgsCertificateRenewedEvent;
import sa.qayd.api.egs.EgsOnboardingFailedEvent;
import sa.qayd.api.egs.EgsOnboardingRestartedEvent;
import sa.qayd.api.egs.EgsUnitOnboardedEvent;
import sa.qayd.api.egs.EgsUnitRegisteredEvent;
import sa.qayd.api.egs.InvoiceSequencedEvent;
import sa.qayd.api.invoice.InvoiceClearedEvent;
import sa.qayd.api.invoice.InvoiceFailedEvent;
import sa.qayd.api.invoice.InvoiceIssuedEvent;
import sa.qayd.api.invoice.InvoiceRejectedEvent;
import sa.qayd.api.invoice.InvoiceReportedEvent;
import sa.qayd.api.invoice.InvoiceReportingDeadlineNearEvent;
import sa.qayd.api.invoice.InvoiceReportingOverdueEvent;
import sa.qayd.api.invoice.InvoiceSubmissionDelayedEvent;
import sa.qayd.api.webhook.WebhookDeletedEvent;
import sa.qayd.api.webhook.WebhookRegisteredEvent;

/**
 * The names under which events are exported to auditors: stable and documented (README, "Audit
 * export"), whatever the Java classes behind them are called. The schema version of a type is its
 * event's current revision; exported events are always upcast to it first.
 */
public final class PublicEventTypes {
    static final Map<Class<?>, String> NAMES = Map.ofEntries(
            Map.entry(AccountRegisteredEvent.class, "account.registered"),
            Map.entry(AccountPersonalDataForgottenEvent.class, "account.personal_data_forgotten"),
            Map.entry(ApiKeyIssuedEvent.class, "api_key.issued"),
            Map.entry(ApiKeyRevokedEvent.class, "api_key.revoked"),
            Map.entry(DefaultEgsUnitSetEvent.class, "api_key.default_egs_unit_set"),
            Map.entry(DefaultEgsUnitClearedEvent.class, "api_key.default_egs_unit_cleared"),
            Map.entry(EgsUnitRegisteredEvent.class, "egs_unit.registered"),
            Map.entry(ComplianceCsidIssuedEvent.class, "egs_unit.compliance_csid_issued"),
            Map.entry(ComplianceChecksPassedEvent.class, "egs_unit.compliance_checks_passed"),
            Map.entry(EgsUnitOnboardedEvent.class, "egs_unit.onboarded"),
            Map.entry(EgsOnboardingFailedEvent.class, "egs_unit.onboarding_failed"),
            Map.entry(EgsOnboardingRestartedEvent.class, "egs_unit.onboarding_restarted"),
            Map.entry(EgsCertificateRenewalRequestedEvent.class, "egs_unit.certificate_renewal_requested"),
            Map.entry(EgsCertificateRenewedEvent.class, "egs_unit.certificate_renewed"),
            Map.entry(EgsCertificateRenewalFailedEvent.class, "egs_unit.certificate_renewal_failed"),
            Map.entry(InvoiceSequencedEvent.class, "egs_unit.invoice_sequenced"),
            Map.entry(InvoiceIssuedEvent.class, "invoice.issued"),
            Map.entry(InvoiceClearedEvent.class, "invoice.cleared"),
            Map.entry(InvoiceReportedEvent.class, "invoice.reported"),
            Map.entry(InvoiceRejectedEvent.class, "invoice.rejected"),
            Map.entry(InvoiceFailedEvent.class, "invoice.failed"),
            Map.entry(InvoiceSubmissionDelayedEvent.class, "invoice.submission_delayed"),
            Map.entry(InvoiceReportingDeadlineNearEvent.class, "invoice.reporting_deadline_near"),
            Map.entry(InvoiceReportingOverdueEvent.class, "invoice.reporting_overdue"),
            Map.entry(WebhookRegisteredEvent.class, "webhook.registered"),
            Map.entry(WebhookDeletedEvent.class, "webhook.deleted"));

    public static final String INVOICE_ISSUED = NAMES.get(InvoiceIssuedEvent.class);
    public static final String INVOICE_CLEARED = NAMES.get(InvoiceClearedEvent.class);

    private PublicEventTypes() {
    }

    /** The public name of an event class, empty for a class that is no event of Qayd's. */
    public static Optional<String> name(Class<?> eventType) {
        return Optional.ofNullable(NAMES.get(eventType));
    }

    /** The schema version an event of this class is exported in: its current revision (1 without one). */
    public static int schemaVersion(Class<?> eventType) {
        Revision revision = eventType.getAnnotation(Revision.class);
        return revision == null ? 1 : Integer.parseInt(revision.value());
    }
}
