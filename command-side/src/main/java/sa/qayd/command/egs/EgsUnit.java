package sa.qayd.command.egs;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import sa.qayd.api.Environment;
import sa.qayd.api.ErrorCode;
import sa.qayd.api.QaydException;
import sa.qayd.api.egs.CompleteEgsOnboardingCommand;
import sa.qayd.api.egs.EgsIdentity;
import sa.qayd.api.egs.EgsUnitOnboardedEvent;
import sa.qayd.api.egs.EgsUnitRegisteredEvent;
import sa.qayd.api.egs.InvoiceSequencedEvent;
import sa.qayd.api.egs.OnboardingStatus;
import sa.qayd.api.egs.RegisterEgsUnitCommand;
import sa.qayd.api.invoice.InvoiceDraft;
import sa.qayd.api.invoice.InvoiceKind;
import sa.qayd.api.invoice.InvoiceReceipt;
import sa.qayd.api.invoice.InvoiceReceivedEvent;
import sa.qayd.api.invoice.IssueInvoiceCommand;
import sa.qayd.command.invoice.Invoice;

/**
 * An e-invoice generation solution unit. It belongs to one account and one environment for life,
 * and it is the single place that numbers the documents it issues, so its sequence has no gaps
 * and no duplicates.
 */
@Aggregate
public class EgsUnit {
    @AggregateIdentifier
    private UUID egsUnitId;
    private UUID accountId;
    private Environment environment;
    private EgsIdentity identity;
    private OnboardingStatus status;
    private long lastSequenceNumber;

    protected EgsUnit() {
    }

    /** Called by {@link EgsUnitRegistrar}, which fills the identity's defaults from the account first. */
    EgsUnit(RegisterEgsUnitCommand command) {
        apply(new EgsUnitRegisteredEvent(command.egsUnitId(), command.accountId(), command.environment(),
                command.name(), command.otp(), command.identity(), Instant.now()));
    }

    @CommandHandler
    public void handle(CompleteEgsOnboardingCommand command) {
        if (status != OnboardingStatus.ACTIVE) {
            apply(new EgsUnitOnboardedEvent(egsUnitId, accountId, Instant.now()));
        }
    }

    @CommandHandler
    public InvoiceReceipt handle(IssueInvoiceCommand command) throws Exception {
        assertUsableBy(command.accountId(), command.environment());
        if (status != OnboardingStatus.ACTIVE) {
            throw new QaydException(ErrorCode.EGS_UNIT_NOT_ACTIVE, "EGS unit " + egsUnitId + " is "
                    + status.wireName() + "; it can issue invoices once its onboarding_status is active");
        }
        boolean allowed = command.kind() == InvoiceKind.STANDARD
                ? identity.invoiceTypes().allowsStandard()
                : identity.invoiceTypes().allowsSimplified();
        if (!allowed) {
            throw new QaydException(ErrorCode.INVOICE_TYPE_NOT_ALLOWED, "EGS unit " + egsUnitId
                    + " was onboarded for " + identity.invoiceTypes().name().toLowerCase(Locale.ROOT)
                    + " invoices only, not " + command.kind().wireName());
        }
        long sequenceNumber = lastSequenceNumber + 1;
        apply(new InvoiceSequencedEvent(egsUnitId, command.invoiceId(), sequenceNumber));
        InvoiceReceivedEvent received = new InvoiceReceivedEvent(command.invoiceId(), egsUnitId, accountId, environment,
                command.kind(), command.documentType(), sequenceNumber, numbered(command.draft(), sequenceNumber),
                Instant.now());
        createNew(Invoice.class, () -> new Invoice(received));
        return new InvoiceReceipt(command.invoiceId(), egsUnitId, received.draft().invoiceNumber(), sequenceNumber);
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

    /** Integrators may bring their own invoice numbers; otherwise the unit's sequence gives one. */
    private InvoiceDraft numbered(InvoiceDraft draft, long sequenceNumber) {
        if (draft.invoiceNumber() != null) {
            return draft;
        }
        String number = "INV-" + egsUnitId.toString().substring(0, 8).toUpperCase(Locale.ROOT) + "-" + sequenceNumber;
        return new InvoiceDraft(number, draft.issueDate(), draft.issueTime(), draft.currency(), draft.buyer(),
                draft.lines(), draft.paymentMeansCode(), draft.note(), draft.amendment());
    }

    @EventSourcingHandler
    void on(EgsUnitRegisteredEvent event) {
        egsUnitId = event.egsUnitId();
        accountId = event.accountId();
        environment = event.environment();
        identity = event.identity();
        status = OnboardingStatus.PENDING;
    }

    @EventSourcingHandler
    void on(EgsUnitOnboardedEvent event) {
        status = OnboardingStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(InvoiceSequencedEvent event) {
        lastSequenceNumber = event.sequenceNumber();
    }
}
