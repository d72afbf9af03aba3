package sa.qayd.command.invoice;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;
import sa.qayd.api.ZatcaUnavailableException;
import sa.qayd.api.invoice.InvoiceKind;
import sa.qayd.api.invoice.SubmitInvoiceCommand;
import sa.qayd.command.secrets.EgsSecrets;
import sa.qayd.command.secrets.SecretKind;
import sa.qayd.command.zatca.ZatcaAnswers;
import sa.qayd.command.zatca.ZatcaGateways;
import sa.qayd.command.zatca.ZatcaRefusal;
import sa.qayd.zatca.fatoora.FatooraClient;
import sa.qayd.zatca.fatoora.FatooraOutcome;
import sa.qayd.zatca.fatoora.GatewayCredentials;
import sa.qayd.zatca.fatoora.InvoiceResponse;
import sa.qayd.zatca.fatoora.InvoiceSubmission;

/**
 * Sends a pending document to its unit's gateway with the unit's production CSID: standard
 * documents to clearance, simplified ones to reporting. ZATCA's answer is recorded on the invoice;
 * an outage propagates as {@link sa.qayd.api.ZatcaUnavailableException} for the saga to retry the
 * same bytes later.
 */
@Component
class InvoiceSubmitter {
    /** The only answer that rejects a document; every other refusal means "not received". */
    private static final int REJECTED = 400;

    private final Repository<Invoice> invoices;
    private final ZatcaGateways gateways;
    private final EgsSecrets secrets;

    InvoiceSubmitter(Repository<Invoice> invoices, ZatcaGateways gateways, EgsSecrets secrets) {
        this.invoices = invoices;
        this.gateways = gateways;
        this.secrets = secrets;
    }

    @CommandHandler
    public void handle(SubmitInvoiceCommand command) {
        Aggregate<Invoice> aggregate = invoices.load(command.invoiceId().toString());
        Invoice invoice = aggregate.invoke(i -> i);
        if (!invoice.isPending()) {
            return;
        }
        Invoice.Submission submission = invoice.submission();
        FatooraClient client = gateways.client(submission.environment());
        GatewayCredentials csid = ZatcaAnswers.unseal(client.environment(),
                secrets.load(submission.egsUnitId(), SecretKind.PRODUCTION_CSID));
        InvoiceSubmission body = new InvoiceSubmission(submission.invoiceHash(), submission.uuid().toString(),
                submission.signedXml());
        try {
            if (submission.kind() == InvoiceKind.STANDARD) {
                clear(aggregate, client, csid, body);
            } else {
                report(aggregate, client.report(csid, body));
            }
        } catch (ZatcaRefusal refusal) {
            if (refusal.httpStatus() != REJECTED) {
                // 401, 406, 413, 428…: ZATCA did not receive the document, so it is not rejected either
                throw new ZatcaUnavailableException(refusal.getMessage());
            }
            aggregate.execute(i -> i.rejected(refusal.httpStatus(), refusal.errors(), refusal.warnings()));
        }
    }

    private static void clear(Aggregate<Invoice> aggregate, FatooraClient client, GatewayCredentials csid,
                              InvoiceSubmission body) {
        FatooraOutcome<InvoiceResponse> outcome = client.clear(csid, body);
        if (outcome instanceof FatooraOutcome.ClearanceSwitchedOff<InvoiceResponse>) {
            // ZATCA's instruction for 303: the same standard document goes through reporting
            report(aggregate, client.report(csid, body));
            return;
        }
        InvoiceResponse cleared = ZatcaAnswers.recorded(outcome);
        String clearedXml = cleared.clearedInvoice() != null ? cleared.clearedInvoice() : body.invoice();
        aggregate.execute(i -> i.cleared(clearedXml, ZatcaAnswers.warnings(cleared)));
    }

    private static void report(Aggregate<Invoice> aggregate, FatooraOutcome<InvoiceResponse> outcome) {
        InvoiceResponse reported = ZatcaAnswers.recorded(outcome);
        aggregate.execute(i -> i.reported(ZatcaAnswers.warnings(reported)));
    }
}
