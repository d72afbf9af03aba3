package sa.qayd.command.invoice;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import sa.qayd.api.Environment;
import sa.qayd.api.ErrorCode;
import sa.qayd.api.FieldError;
import sa.qayd.api.QaydException;
import sa.qayd.api.ZatcaMessage;
import sa.qayd.api.invoice.AmendableInvoice;
import sa.qayd.api.invoice.DescribeAmendableInvoiceCommand;
import sa.qayd.api.invoice.DocumentType;
import sa.qayd.api.invoice.InvoiceClearedEvent;
import sa.qayd.api.invoice.InvoiceIssuedEvent;
import sa.qayd.api.invoice.InvoiceKind;
import sa.qayd.api.invoice.InvoiceRejectedEvent;
import sa.qayd.api.invoice.InvoiceReportedEvent;
import sa.qayd.api.invoice.InvoiceReportingDeadlineNearEvent;
import sa.qayd.api.invoice.InvoiceStatus;
import sa.qayd.api.invoice.InvoiceSubmissionDelayedEvent;
import sa.qayd.api.invoice.RecordSubmissionDelayCommand;
import sa.qayd.api.invoice.WarnReportingDeadlineNearCommand;

/**
 * One signed tax document (invoice, credit or debit note), from the moment its EGS unit issued it
 * until ZATCA cleared, recorded or rejected it.
 */
@Aggregate
public class Invoice {
    @AggregateIdentifier
    private UUID invoiceId;
    private UUID accountId;
    private UUID egsUnitId;
    private Environment environment;
    private InvoiceKind kind;
    private DocumentType documentType;
    private String invoiceNumber;
    private LocalDate issueDate;
    private UUID uuid;
    private String invoiceHash;
    private String signedXml;
    private InvoiceStatus status;
    private String clearedXml;
    private List<ZatcaMessage> zatcaMessages = List.of();

    protected Invoice() {
    }

    /** Created only by its EGS unit, which has checked ownership, environment and status, and signed it. */
    public Invoice(InvoiceIssuedEvent issued) {
        apply(issued);
    }

    @CommandHandler
    public AmendableInvoice handle(DescribeAmendableInvoiceCommand command) {
        if (accountId == null || !accountId.equals(command.caller().accountId())) {
            throw new QaydException(ErrorCode.ORIGINAL_INVOICE_NOT_FOUND, "no invoice " + invoiceId + " in this account");
        }
        if (!command.caller().canAct(environment)) {
            throw new QaydException(ErrorCode.ENVIRONMENT_MISMATCH, "invoice " + invoiceId + " was issued in "
                    + environment.wireName() + "; a " + command.caller().keyEnvironment().wireName()
                    + " credential cannot amend it");
        }
        if (documentType != DocumentType.INVOICE) {
            throw new QaydException(ErrorCode.VALIDATION_FAILED, "only invoices can be amended, not a " + documentType.wireName(),
                    List.of(new FieldError("original_invoice_id", "refers to a " + documentType.wireName() + ", not an invoice")));
        }
        return new AmendableInvoice(invoiceId, egsUnitId, kind, invoiceNumber, issueDate);
    }

    @CommandHandler
    public void handle(RecordSubmissionDelayCommand command) {
        if (isPending()) {
            apply(new InvoiceSubmissionDelayedEvent(invoiceId, accountId, command.attempt(), command.reason(),
                    command.nextAttemptAt()));
        }
    }

    @CommandHandler
    public void handle(WarnReportingDeadlineNearCommand command) {
        if (status == InvoiceStatus.PENDING_REPORTING) {
            apply(new InvoiceReportingDeadlineNearEvent(invoiceId, accountId, command.deadline()));
        }
    }

    /** What submission needs; only a pending document is submitted. */
    public record Submission(UUID invoiceId, UUID egsUnitId, Environment environment, InvoiceKind kind, UUID uuid,
                             String invoiceHash, String signedXml) {
    }

    public boolean isPending() {
        return status == InvoiceStatus.PENDING_CLEARANCE || status == InvoiceStatus.PENDING_REPORTING
                || status == InvoiceStatus.REPORTING_DEADLINE_NEAR;
    }

    /** Where the document stands with ZATCA, and what ZATCA said. */
    public record Outcome(InvoiceStatus status, String clearedXml, List<ZatcaMessage> zatcaMessages) {
    }

    public Outcome outcome() {
        return new Outcome(status, clearedXml, zatcaMessages);
    }

    public Submission submission() {
        return new Submission(invoiceId, egsUnitId, environment, kind, uuid, invoiceHash, signedXml);
    }

    void cleared(String clearedXml, List<ZatcaMessage> warnings) {
        apply(new InvoiceClearedEvent(invoiceId, accountId, clearedXml, warnings, Instant.now()));
    }

    void reported(List<ZatcaMessage> warnings) {
        apply(new InvoiceReportedEvent(invoiceId, accountId, warnings, Instant.now()));
    }

    void rejected(int httpStatus, List<ZatcaMessage> errors, List<ZatcaMessage> warnings) {
        apply(new InvoiceRejectedEvent(invoiceId, accountId, httpStatus, errors, warnings, Instant.now()));
    }

    @EventSourcingHandler
    void on(InvoiceIssuedEvent event) {
        invoiceId = event.invoiceId();
        accountId = event.accountId();
        egsUnitId = event.egsUnitId();
        environment = event.environment();
        kind = event.kind();
        documentType = event.documentType();
        invoiceNumber = event.invoiceNumber();
        issueDate = event.draft().issueDate();
        uuid = event.uuid();
        invoiceHash = event.invoiceHash();
        signedXml = event.signedXml();
        status = InvoiceStatus.pendingFor(kind);
    }

    @EventSourcingHandler
    void on(InvoiceReportingDeadlineNearEvent event) {
        status = InvoiceStatus.REPORTING_DEADLINE_NEAR;
    }

    @EventSourcingHandler
    void on(InvoiceClearedEvent event) {
        status = InvoiceStatus.CLEARED;
        clearedXml = event.clearedXml();
        zatcaMessages = event.warnings();
    }

    @EventSourcingHandler
    void on(InvoiceReportedEvent event) {
        status = InvoiceStatus.REPORTED;
        zatcaMessages = event.warnings();
    }

    @EventSourcingHandler
    void on(InvoiceRejectedEvent event) {
        status = InvoiceStatus.REJECTED;
        zatcaMessages = java.util.stream.Stream.concat(event.errors().stream(), event.warnings().stream()).toList();
    }
}
