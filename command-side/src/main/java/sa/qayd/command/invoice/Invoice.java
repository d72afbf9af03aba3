package sa.qayd.command.invoice;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

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
import sa.qayd.api.invoice.AmendableInvoice;
import sa.qayd.api.invoice.DescribeAmendableInvoiceCommand;
import sa.qayd.api.invoice.DocumentType;
import sa.qayd.api.invoice.InvoiceKind;
import sa.qayd.api.invoice.InvoiceReceivedEvent;

/** One tax document (invoice, credit or debit note) from the moment its EGS unit accepted it. */
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

    protected Invoice() {
    }

    /** Created only by its EGS unit, which has checked ownership, environment and status. */
    public Invoice(InvoiceReceivedEvent received) {
        apply(received);
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

    @EventSourcingHandler
    void on(InvoiceReceivedEvent event) {
        invoiceId = event.invoiceId();
        accountId = event.accountId();
        egsUnitId = event.egsUnitId();
        environment = event.environment();
        kind = event.kind();
        documentType = event.documentType();
        invoiceNumber = event.draft().invoiceNumber();
        issueDate = event.draft().issueDate();
    }
}
