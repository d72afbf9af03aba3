package sa.qayd.command.invoice;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandMessage;
import org.springframework.stereotype.Component;
import sa.qayd.api.Actor;
import sa.qayd.api.invoice.InvoiceKind;
import sa.qayd.api.invoice.RecordSubmissionAnswerCommand;
import sa.qayd.api.invoice.SubmissionAnswer;
import sa.qayd.api.invoice.SubmissionAnswer.Channel;
import sa.qayd.platform.retry.Backoff;
import sa.qayd.platform.tracing.TraceParent;
import sa.qayd.command.secrets.EgsSecrets;
import sa.qayd.command.zatca.AnswerRounds;
import sa.qayd.command.zatca.WorkKind;
import sa.qayd.command.zatca.ZatcaAnswers;
import sa.qayd.command.zatca.ZatcaGateways;
import sa.qayd.command.zatca.ZatcaTask;
import sa.qayd.command.zatca.ZatcaWork;
import sa.qayd.zatca.fatoora.FatooraClient;
import sa.qayd.zatca.fatoora.FatooraOutcome;
import sa.qayd.zatca.fatoora.GatewayCredentials;
import sa.qayd.zatca.fatoora.InvoiceResponse;
import sa.qayd.zatca.fatoora.InvoiceSubmission;

/**
 * Sends one issued document to its unit's gateway, exactly the bytes that were signed, with the
 * production CSID of the key that signed them: standard documents to clearance (or to reporting while
 * ZATCA has switched clearance off for the taxpayer), simplified ones to reporting. The invoice decides
 * what the answer means; while ZATCA cannot be reached it records only the first delay.
 */
@Component
class SubmissionTask implements ZatcaTask {
    private final IssuedDocuments documents;
    private final ZatcaGateways gateways;
    private final EgsSecrets secrets;
    private final AnswerRounds answers;
    private final SubmissionSettings settings;
    private final Clock clock;

    SubmissionTask(IssuedDocuments documents, ZatcaGateways gateways, EgsSecrets secrets,
                   AnswerRounds answers, SubmissionSettings settings, Clock clock) {
        this.clock = clock;
        this.documents = documents;
        this.gateways = gateways;
        this.secrets = secrets;
        this.answers = answers;
        this.settings = settings;
    }

    @Override
    public Set<WorkKind> kinds() {
        return Set.of(WorkKind.CLEARANCE, WorkKind.REPORTING);
    }

    @Override
    public Backoff backoff() {
        return settings.backoff();
    }

    @Override
    public Result run(ZatcaWork work) {
        IssuedDocuments.IssuedDocument issued = documents.find(work.id()).orElseThrow(() -> new IllegalStateException(
                "work " + work.kind() + " for " + work.id() + " has no issued document"));
        FatooraClient client = gateways.client(issued.environment());
        GatewayCredentials csid = secrets.credentials(issued.egsUnitId(), issued.signingKeyId(), client.environment());
        InvoiceSubmission body = new InvoiceSubmission(issued.invoiceHash(), issued.uuid().toString(), issued.signedXml());
        Channel channel = issued.kind() == InvoiceKind.STANDARD ? Channel.CLEARANCE : Channel.REPORTING;
        FatooraOutcome<InvoiceResponse> outcome = channel == Channel.CLEARANCE ? client.clear(csid, body) : client.report(csid, body);
        if (outcome instanceof FatooraOutcome.ClearanceSwitchedOff<InvoiceResponse>) {
            // ZATCA's instruction for 303: the same standard document goes through reporting
            channel = Channel.REPORTING;
            outcome = client.report(csid, body);
        }
        SubmissionAnswer answer = ZatcaAnswers.submission(channel, outcome, issued.signedXml());
        Retry retry = outcome.isTransient() ? ZatcaTask.retry(work, outcome, clock) : null;
        // the invoice records the first delay only; later ones are the worker's count of attempts
        if (retry != null && work.attempts() > 1) {
            return retry;
        }
        CommandMessage<RecordSubmissionAnswerCommand> record = Actor.ZATCA_WORKER.command(
                new RecordSubmissionAnswerCommand(work.id(), answer, retry == null ? null : retry.at()));
        // recorded in a round that may run on another call's thread: the answer names its own trace
        Boolean settled = answers.send(work.kind().lane(), work.traceparent() == null ? record
                : record.andMetaData(Map.of(TraceParent.METADATA_KEY, work.traceparent())));
        if (Boolean.TRUE.equals(settled)) {
            // the invoice is final: the event that made it so removed its work in the same transaction
            return SETTLED;
        }
        return retry == null ? DONE : retry;
    }
}
