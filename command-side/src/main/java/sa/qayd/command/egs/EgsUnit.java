package sa.qayd.command.egs;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import sa.qayd.api.Caller;
import sa.qayd.api.Environment;
import sa.qayd.api.ErrorCode;
import sa.qayd.api.QaydException;
import sa.qayd.api.ZatcaMessage;
import sa.qayd.api.egs.ComplianceChecksPassedEvent;
import sa.qayd.api.egs.ComplianceCsidIssuedEvent;
import sa.qayd.api.egs.EgsCertificateRenewalFailedEvent;
import sa.qayd.api.egs.EgsCertificateRenewedEvent;
import sa.qayd.api.egs.EgsIdentity;
import sa.qayd.api.egs.EgsOnboardingFailedEvent;
import sa.qayd.api.egs.EgsOnboardingRestartedEvent;
import sa.qayd.api.egs.EgsUnitOnboardedEvent;
import sa.qayd.api.egs.EgsUnitRegisteredEvent;
import sa.qayd.api.egs.InvoiceSequencedEvent;
import sa.qayd.api.egs.OnboardingStatus;
import sa.qayd.api.egs.RegisterEgsUnitCommand;
import sa.qayd.api.egs.RestartEgsOnboardingCommand;
import sa.qayd.api.invoice.InvoiceDraft;
import sa.qayd.api.invoice.InvoiceIssuedEvent;
import sa.qayd.api.invoice.InvoiceKind;
import sa.qayd.api.invoice.InvoiceReceipt;
import sa.qayd.api.invoice.IssueInvoiceCommand;
import sa.qayd.command.invoice.Invoice;
import sa.qayd.command.invoice.InvoiceSigning;
import sa.qayd.command.invoice.InvoiceSigning.IssuedDocument;
import sa.qayd.zatca.hash.InvoiceHash;

/**
 * An e-invoice generation solution unit. It belongs to one account and one environment for life.
 * It is the single place that numbers and chains the documents it issues: ICV without gaps or
 * duplicates and PIH pointing at the previous document, even when replicas race (the event store's
 * sequence constraint rejects the loser, which retries on the new state).
 */
@Aggregate(snapshotTriggerDefinition = EgsUnitSnapshots.TRIGGER)
// snapshots are its fields, as JSON; the accessors are for the domain, not for serialisation
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
public class EgsUnit {
    @AggregateIdentifier
    private UUID egsUnitId;
    private UUID accountId;
    private Environment environment;
    private EgsIdentity identity;
    private String otp;
    private OnboardingStep step;
    private long complianceRequestId;
    private String certificate;
    private long lastIcv;
    private String lastInvoiceHash = InvoiceHash.FIRST_PREVIOUS_HASH;

    protected EgsUnit() {
    }

    /** Called by {@link EgsUnitRegistrar}, which fills the identity's defaults from the account first. */
    EgsUnit(RegisterEgsUnitCommand command) {
        apply(new EgsUnitRegisteredEvent(command.egsUnitId(), command.accountId(), command.environment(),
                command.name(), command.otp(), command.identity(), Instant.now()));
    }

    @CommandHandler
    public void handle(RestartEgsOnboardingCommand command) {
        assertVisibleTo(command.caller());
        if (step != OnboardingStep.FAILED) {
            throw new QaydException(ErrorCode.EGS_UNIT_ONBOARDING_NOT_FAILED, "EGS unit " + egsUnitId + " is "
                    + step.status().wireName() + "; only a failed onboarding can be restarted with a new OTP");
        }
        apply(new EgsOnboardingRestartedEvent(egsUnitId, accountId, command.otp(), Instant.now()));
    }

    @CommandHandler
    public InvoiceReceipt handle(IssueInvoiceCommand command, InvoiceSigning signing) throws Exception {
        assertUsableBy(command.accountId(), command.environment());
        assertActive();
        boolean allowed = command.kind() == InvoiceKind.STANDARD
                ? identity.invoiceTypes().allowsStandard()
                : identity.invoiceTypes().allowsSimplified();
        if (!allowed) {
            throw new QaydException(ErrorCode.INVOICE_TYPE_NOT_ALLOWED, "EGS unit " + egsUnitId
                    + " was onboarded for " + identity.invoiceTypes().name().toLowerCase(Locale.ROOT)
                    + " invoices only, not " + command.kind().wireName());
        }
        long icv = lastIcv + 1;
        InvoiceDraft draft = numbered(command.draft(), icv);
        IssuedDocument document = signing.sign(new InvoiceSigning.Request(egsUnitId, identity, certificate,
                command.kind(), command.documentType(), draft, icv, lastInvoiceHash));
        apply(new InvoiceSequencedEvent(egsUnitId, command.invoiceId(), icv, document.invoiceHash()));
        InvoiceIssuedEvent issued = new InvoiceIssuedEvent(command.invoiceId(), egsUnitId, accountId, environment,
                command.kind(), command.documentType(), draft.invoiceNumber(), document.uuid(), icv,
                document.previousInvoiceHash(), document.invoiceHash(), document.qrCode(), document.signedXml(),
                document.amounts(), draft, Instant.now());
        createNew(Invoice.class, () -> new Invoice(issued));
        return new InvoiceReceipt(command.invoiceId(), egsUnitId, draft.invoiceNumber(), icv, document.uuid(),
                document.invoiceHash(), document.qrCode(), document.signedXml(), document.amounts(), issued.issuedAt());
    }

    /**
     * Refuses other tenants exactly as if the unit did not exist, and refuses the other environment
     * openly (it is the caller's own unit).
     */
    public void assertUsableBy(UUID callerAccountId, Environment callerEnvironment) {
        if (accountId == null || !accountId.equals(callerAccountId)) {
            throw new QaydException(ErrorCode.EGS_UNIT_NOT_FOUND, "no EGS unit " + egsUnitId + " in this account");
        }
        if (environment != callerEnvironment) {
            throw new QaydException(ErrorCode.EGS_UNIT_ENVIRONMENT_MISMATCH, "EGS unit " + egsUnitId + " is a "
                    + environment.wireName() + " unit; a " + callerEnvironment.wireName() + " credential cannot use it");
        }
    }

    /** Like {@link #assertUsableBy} for a caller that may be the dashboard session (both environments). */
    public void assertVisibleTo(Caller caller) {
        assertUsableBy(caller.accountId(), caller.isApiKey() ? caller.keyEnvironment() : environment);
    }

    public void assertActive() {
        if (step != OnboardingStep.ACTIVE) {
            throw new QaydException(ErrorCode.EGS_UNIT_NOT_ACTIVE, "EGS unit " + egsUnitId + " is "
                    + step.status().wireName() + "; it can issue invoices once its onboarding_status is active");
        }
    }

    public UUID id() {
        return egsUnitId;
    }

    public Environment environment() {
        return environment;
    }

    public EgsIdentity identity() {
        return identity;
    }

    public String otp() {
        return otp;
    }

    public OnboardingStep step() {
        return step;
    }

    public long complianceRequestId() {
        return complianceRequestId;
    }

    // The onboarding steps below are decided by EgsOnboarding, which talks to ZATCA; the unit records them.

    void complianceCsidIssued(long requestId, String complianceCertificate) {
        apply(new ComplianceCsidIssuedEvent(egsUnitId, requestId, complianceCertificate, Instant.now()));
    }

    void complianceChecksPassed(List<String> documentKinds, List<ZatcaMessage> warnings) {
        apply(new ComplianceChecksPassedEvent(egsUnitId, documentKinds, warnings, Instant.now()));
    }

    void onboarded(IssuedCertificate production) {
        apply(new EgsUnitOnboardedEvent(egsUnitId, accountId, production.base64(), production.serial(),
                production.notAfter(), Instant.now()));
    }

    void onboardingFailed(String failedStep, String reason, List<ZatcaMessage> messages) {
        apply(new EgsOnboardingFailedEvent(egsUnitId, accountId, failedStep, reason, messages, Instant.now()));
    }

    void certificateRenewed(IssuedCertificate renewed) {
        apply(new EgsCertificateRenewedEvent(egsUnitId, accountId, renewed.base64(), renewed.serial(),
                renewed.notAfter(), Instant.now()));
    }

    void renewalFailed(String reason, List<ZatcaMessage> messages) {
        apply(new EgsCertificateRenewalFailedEvent(egsUnitId, accountId, reason, messages, Instant.now()));
    }

    /** Integrators may bring their own invoice numbers; otherwise the unit's counter gives one. */
    private InvoiceDraft numbered(InvoiceDraft draft, long icv) {
        if (draft.invoiceNumber() != null) {
            return draft;
        }
        return draft.withInvoiceNumber("INV-" + egsUnitId.toString().substring(0, 8).toUpperCase(Locale.ROOT) + "-" + icv);
    }

    @EventSourcingHandler
    void on(EgsUnitRegisteredEvent event) {
        egsUnitId = event.egsUnitId();
        accountId = event.accountId();
        environment = event.environment();
        identity = event.identity();
        otp = event.otp();
        step = OnboardingStep.AWAITING_COMPLIANCE_CSID;
    }

    @EventSourcingHandler
    void on(EgsOnboardingRestartedEvent event) {
        otp = event.otp();
        step = OnboardingStep.AWAITING_COMPLIANCE_CSID;
    }

    @EventSourcingHandler
    void on(ComplianceCsidIssuedEvent event) {
        complianceRequestId = event.complianceRequestId();
        step = OnboardingStep.AWAITING_COMPLIANCE_CHECKS;
    }

    @EventSourcingHandler
    void on(ComplianceChecksPassedEvent event) {
        step = OnboardingStep.AWAITING_PRODUCTION_CSID;
    }

    @EventSourcingHandler
    void on(EgsUnitOnboardedEvent event) {
        certificate = event.certificate();
        otp = null;
        step = OnboardingStep.ACTIVE;
    }

    @EventSourcingHandler
    void on(EgsOnboardingFailedEvent event) {
        step = OnboardingStep.FAILED;
    }

    @EventSourcingHandler
    void on(EgsCertificateRenewedEvent event) {
        certificate = event.certificate();
    }

    @EventSourcingHandler
    void on(InvoiceSequencedEvent event) {
        lastIcv = event.icv();
        lastInvoiceHash = event.invoiceHash();
    }

    /** Status as clients see it. */
    public OnboardingStatus status() {
        return step.status();
    }
}
