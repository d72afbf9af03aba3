package sa.qayd.command.egs;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import sa.qayd.api.Actor;
import sa.qayd.api.Caller;
import sa.qayd.api.Environment;
import sa.qayd.api.ErrorCode;
import sa.qayd.api.QaydException;
import sa.qayd.api.account.AccountRegisteredEvent;
import sa.qayd.api.egs.AskForNewOtpCommand;
import sa.qayd.api.egs.ComplianceChecksPassedEvent;
import sa.qayd.api.egs.ComplianceCsidIssuedEvent;
import sa.qayd.api.egs.EgsCertificateRenewalFailedEvent;
import sa.qayd.api.egs.EgsCertificateRenewalRequestedEvent;
import sa.qayd.api.egs.EgsCertificateRenewedEvent;
import sa.qayd.api.egs.EgsIdentity;
import sa.qayd.api.egs.EgsOnboardingFailedEvent;
import sa.qayd.api.egs.EgsOnboardingRestartedEvent;
import sa.qayd.api.egs.EgsUnitOnboardedEvent;
import sa.qayd.api.egs.EgsUnitRegisteredEvent;
import sa.qayd.api.egs.InvoiceSequencedEvent;
import sa.qayd.api.egs.OnboardingStep;
import sa.qayd.api.egs.RecordComplianceChecksCommand;
import sa.qayd.api.egs.RecordComplianceCsidCommand;
import sa.qayd.api.egs.RecordProductionCsidCommand;
import sa.qayd.api.egs.RecordZatcaRefusalCommand;
import sa.qayd.api.egs.RegisterEgsUnitCommand;
import sa.qayd.api.egs.RenewEgsCertificateCommand;
import sa.qayd.api.egs.RestartEgsOnboardingCommand;
import sa.qayd.api.invoice.InvoiceDraft;
import sa.qayd.api.invoice.InvoiceIssuedEvent;
import sa.qayd.api.invoice.InvoiceKind;
import sa.qayd.api.invoice.InvoicePreview;
import sa.qayd.api.invoice.InvoiceReceipt;
import sa.qayd.api.invoice.IssueInvoiceCommand;
import sa.qayd.api.invoice.IssueInvoicesCommand;
import sa.qayd.api.invoice.IssueOutcome;
import sa.qayd.api.invoice.PreviewInvoiceCommand;
import sa.qayd.command.account.AccountRegistrations;
import sa.qayd.command.invoice.DocumentRules;
import sa.qayd.command.caching.AggregateCaches;
import sa.qayd.command.caching.LatestState;
import sa.qayd.command.invoice.Invoice;
import sa.qayd.command.invoice.InvoiceNumbers;
import sa.qayd.command.invoice.InvoiceSigning;
import sa.qayd.command.invoice.InvoiceSigning.IssuedDocument;
import sa.qayd.command.zatca.DeveloperPortal;
import sa.qayd.zatca.hash.InvoiceHash;

/**
 * An e-invoice generation solution unit. It belongs to one account and one environment for life.
 * It is the single place that numbers and chains the documents it issues: ICV without gaps or
 * duplicates and PIH pointing at the previous document, even when replicas race (the event store's
 * sequence constraint rejects the loser, which retries on the new state). It also decides its way to
 * a production certificate from ZATCA's answers, which the ZATCA worker brings as commands: no call to
 * ZATCA ever runs while the unit is locked, so issuing never waits for ZATCA.
 */
@Aggregate(snapshotTriggerDefinition = EgsUnitSnapshots.TRIGGER, cache = AggregateCaches.EGS_UNITS)
// snapshots are its fields, as JSON; the accessors are for the domain, not for serialisation
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
// snapshots carry this revision and only snapshots of it are read: change it with any change of the fields,
// or a renamed field would be read from an old snapshot as empty (a renamed lastInvoiceHash as the seed hash)
@Revision("2")
public class EgsUnit {
    static final String RENEWAL_STEP = "renewal";

    @AggregateIdentifier
    private UUID egsUnitId;
    private UUID accountId;
    private Environment environment;
    private EgsIdentity identity;
    private OnboardingStep step;
    private String certificate;
    /** The key (and production CSID) that signs new documents; empty for units onboarded before key ids. */
    private String keyId;
    private boolean renewing;
    private long lastIcv;
    private String lastInvoiceHash = InvoiceHash.FIRST_PREVIOUS_HASH;

    protected EgsUnit() {
    }

    /**
     * A unit of the account, with the account's name and VAT number where the request names none, and an
     * identity ZATCA will certify ({@link UnitRegistration}). The OTP is kept encrypted, never in an event.
     */
    @CommandHandler
    public EgsUnit(RegisterEgsUnitCommand command, AccountRegistrations accounts, DeveloperPortal developerPortal,
                   OneTimePasswords otps, Clock clock) {
        AccountRegisteredEvent account = accounts.account(command.accountId()).orElseThrow(() ->
                new IllegalStateException("EGS unit " + command.egsUnitId() + " names no account: " + command.accountId()));
        EgsIdentity identity = UnitRegistration.identity(command, account,
                developerPortal.isDeveloperPortal(command.environment()));
        otps.keepForOnboarding(command.egsUnitId(), command.otp());
        apply(new EgsUnitRegisteredEvent(command.egsUnitId(), command.accountId(), command.environment(),
                command.name(), identity, clock.instant()));
    }

    @CommandHandler
    public void handle(RestartEgsOnboardingCommand command, OneTimePasswords otps, Clock clock) {
        assertVisibleTo(command.caller());
        if (step != OnboardingStep.FAILED) {
            throw new QaydException(ErrorCode.EGS_UNIT_ONBOARDING_NOT_FAILED, "EGS unit " + egsUnitId + " is "
                    + step.status() + "; only a failed onboarding can be restarted with a new OTP");
        }
        otps.keepForOnboarding(egsUnitId, command.otp());
        apply(new EgsOnboardingRestartedEvent(egsUnitId, accountId, environment, identity, clock.instant()));
    }

    @CommandHandler
    public void handle(RecordComplianceCsidCommand command, Clock clock) {
        if (step == OnboardingStep.AWAITING_COMPLIANCE_CSID) {
            apply(new ComplianceCsidIssuedEvent(egsUnitId, command.complianceRequestId(), command.certificate(),
                    command.keyId(), clock.instant()));
        }
    }

    @CommandHandler
    public void handle(RecordComplianceChecksCommand command, Clock clock) {
        if (step == OnboardingStep.AWAITING_COMPLIANCE_CHECKS) {
            apply(new ComplianceChecksPassedEvent(egsUnitId, command.documentKinds(), command.warnings(), clock.instant()));
        }
    }

    /** The certificate ends onboarding, or a renewal under way; a repeated answer changes nothing. */
    @CommandHandler
    public void handle(RecordProductionCsidCommand command, Clock clock) {
        var issued = command.certificate();
        if (step == OnboardingStep.AWAITING_PRODUCTION_CSID) {
            apply(new EgsUnitOnboardedEvent(egsUnitId, accountId, issued.base64(), issued.serial(), issued.notAfter(),
                    command.keyId(), clock.instant()));
        } else if (step == OnboardingStep.ACTIVE && renewing) {
            apply(new EgsCertificateRenewedEvent(egsUnitId, accountId, issued.base64(), issued.serial(),
                    issued.notAfter(), command.keyId(), clock.instant()));
        }
    }

    /** A refusal ends onboarding as failed, or gives up a renewal (the current certificate stays in use). */
    @CommandHandler
    public void handle(RecordZatcaRefusalCommand command, Clock clock) {
        if (RENEWAL_STEP.equals(command.step())) {
            if (renewing) {
                apply(new EgsCertificateRenewalFailedEvent(egsUnitId, accountId, command.reason(), command.messages(),
                        clock.instant()));
            }
        } else if (step.isWithZatca() && step.stepName().equals(command.step())) {
            apply(new EgsOnboardingFailedEvent(egsUnitId, accountId, command.step(), command.reason(), command.messages(),
                    clock.instant()));
        }
    }

    @CommandHandler
    public void handle(RenewEgsCertificateCommand command, OneTimePasswords otps, Clock clock) {
        assertVisibleTo(command.caller());
        assertActive();
        if (renewing) {
            throw new QaydException(ErrorCode.EGS_RENEWAL_IN_PROGRESS, "EGS unit " + egsUnitId
                    + " is already renewing its certificate; watch certificate_renewal on GET /v1/egs/" + egsUnitId);
        }
        otps.keepForRenewal(egsUnitId, command.otp());
        apply(new EgsCertificateRenewalRequestedEvent(egsUnitId, accountId, environment, identity, keyId,
                clock.instant()));
    }

    @CommandHandler
    public void handle(AskForNewOtpCommand command, Clock clock) {
        if (step.isWithZatca()) {
            apply(new EgsOnboardingFailedEvent(egsUnitId, accountId, step.stepName(), command.reason(), List.of(),
                    clock.instant()));
        }
    }

    /**
     * Issues the documents in the order given, each decided on its own: a refused one (another
     * tenant's, an inactive unit, a kind the unit does not issue, a document ZATCA would refuse, an
     * invoice number taken) takes no ICV, and the next one is numbered and chained as if it had not
     * been sent. All of them are stored in this command's one transaction.
     */
    @CommandHandler
    public List<IssueOutcome> handle(IssueInvoicesCommand command, InvoiceSigning signing, InvoiceNumbers numbers,
                                     Clock clock) throws Exception {
        List<IssueOutcome> outcomes = new ArrayList<>(command.invoices().size());
        for (IssueInvoiceCommand invoice : command.invoices()) {
            Signed signed;
            try {
                signed = sign(invoice, signing, numbers);
            } catch (QaydException refused) {
                outcomes.add(IssueOutcome.refused(refused));
                continue;
            }
            // nothing of a refused document was applied; from here on a failure is the whole batch's
            outcomes.add(IssueOutcome.issued(record(invoice, signed, clock)));
        }
        return outcomes;
    }

    /** A document this unit has numbered, chained, signed and claimed the number of, not yet recorded. */
    private record Signed(long icv, InvoiceKind kind, InvoiceDraft draft, String signingKey, IssuedDocument document) {
    }

    private Signed sign(IssueInvoiceCommand command, InvoiceSigning signing, InvoiceNumbers numbers) {
        assertUsableBy(command.accountId(), command.environment());
        assertActive();
        DocumentRules.Decided decided = DocumentRules.decide(accountId, environment, command.kind(), command.documentType(),
                command.draft(), command.original(), this::assertIssues);
        InvoiceKind kind = decided.kind();
        long icv = lastIcv + 1;
        InvoiceDraft draft = numbered(decided.draft(), icv);
        String signingKey = keyId == null ? "" : keyId;
        // signed first: the document model refuses what no XML may carry before the number is stored
        IssuedDocument document = signing.sign(new InvoiceSigning.Request(egsUnitId, identity, certificate, signingKey,
                kind, command.documentType(), draft, icv, lastInvoiceHash));
        numbers.claim(accountId, environment, draft.invoiceNumber(), command.invoiceId(), egsUnitId, icv);
        return new Signed(icv, kind, draft, signingKey, document);
    }

    private InvoiceReceipt record(IssueInvoiceCommand command, Signed signed, Clock clock) throws Exception {
        IssuedDocument document = signed.document();
        // documents of several callers share one command: each document's events name its own key
        MetaData issuer = command.apiKeyId() == null ? MetaData.emptyInstance()
                : MetaData.from(new Actor(Actor.Type.API_KEY, command.apiKeyId().toString(), command.environment()).metaData());
        apply(new InvoiceSequencedEvent(egsUnitId, command.invoiceId(), signed.icv(), document.invoiceHash()), issuer);
        InvoiceIssuedEvent issued = new InvoiceIssuedEvent(command.invoiceId(), egsUnitId, accountId, environment,
                signed.kind(), command.documentType(), signed.draft().invoiceNumber(), document.uuid(), signed.icv(),
                document.previousInvoiceHash(), document.invoiceHash(), document.qrCode(), document.signedXml(),
                document.amounts(), signed.draft(), clock.instant(), signed.signingKey(), command.apiKeyId());
        createNew(Invoice.class, () -> new Invoice(issued, issuer));
        return InvoiceReceipt.of(issued);
    }

    /**
     * Decides on the unit's latest state only. Units are cached between commands; another replica may
     * have appended to this one since, and a cached copy that is behind the event store is dropped and
     * the command retried on the stored state (see {@link LatestState}).
     */
    @CommandHandlerInterceptor
    public Object onLatestState(InterceptorChain chain, LatestState latest) throws Exception {
        latest.require(egsUnitId);
        return chain.proceed();
    }

    /** The document this unit would issue next, signed with a throwaway key; nothing changes. */
    @CommandHandler
    public InvoicePreview handle(PreviewInvoiceCommand command, InvoiceSigning signing) {
        assertUsableBy(command.accountId(), command.environment());
        DocumentRules.Decided decided = DocumentRules.decide(accountId, environment, command.kind(), command.documentType(),
                command.draft(), command.original(), this::assertIssues);
        long icv = lastIcv + 1;
        InvoiceDraft draft = numbered(decided.draft(), icv);
        IssuedDocument document = signing.preview(new InvoiceSigning.Request(egsUnitId, identity, certificate, keyId,
                decided.kind(), command.documentType(), draft, icv, lastInvoiceHash));
        return new InvoicePreview(egsUnitId, decided.kind(), draft.invoiceNumber(), icv, document.uuid(),
                document.previousInvoiceHash(), document.invoiceHash(), document.qrCode(), document.signedXml(),
                document.amounts());
    }

    private void assertIssues(InvoiceKind kind) {
        boolean allowed = kind == InvoiceKind.STANDARD
                ? identity.invoiceTypes().allowsStandard()
                : identity.invoiceTypes().allowsSimplified();
        if (!allowed) {
            throw new QaydException(ErrorCode.INVOICE_TYPE_NOT_ALLOWED, "EGS unit " + egsUnitId
                    + " was onboarded for " + identity.invoiceTypes().name().toLowerCase(Locale.ROOT)
                    + " invoices only, not " + kind.wireName());
        }
    }

    private void assertUsableBy(UUID callerAccountId, Environment callerEnvironment) {
        UnitAccess.check(egsUnitId, accountId, environment, callerAccountId, callerEnvironment);
    }

    /** Like {@link #assertUsableBy} for a caller that may be the dashboard session (both environments). */
    private void assertVisibleTo(Caller caller) {
        assertUsableBy(caller.accountId(), caller.isApiKey() ? caller.keyEnvironment() : environment);
    }

    private void assertActive() {
        if (step != OnboardingStep.ACTIVE) {
            throw new QaydException(ErrorCode.EGS_UNIT_NOT_ACTIVE, "EGS unit " + egsUnitId + " is "
                    + step.status() + "; it can issue invoices once its onboarding_status is active");
        }
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
        step = OnboardingStep.AWAITING_COMPLIANCE_CSID;
    }

    @EventSourcingHandler
    void on(EgsOnboardingRestartedEvent event) {
        step = OnboardingStep.AWAITING_COMPLIANCE_CSID;
    }

    @EventSourcingHandler
    void on(ComplianceCsidIssuedEvent event) {
        step = OnboardingStep.AWAITING_COMPLIANCE_CHECKS;
    }

    @EventSourcingHandler
    void on(ComplianceChecksPassedEvent event) {
        step = OnboardingStep.AWAITING_PRODUCTION_CSID;
    }

    @EventSourcingHandler
    void on(EgsUnitOnboardedEvent event) {
        certificate = event.certificate();
        keyId = event.keyId();
        step = OnboardingStep.ACTIVE;
    }

    @EventSourcingHandler
    void on(EgsOnboardingFailedEvent event) {
        step = OnboardingStep.FAILED;
    }

    @EventSourcingHandler
    void on(EgsCertificateRenewalRequestedEvent event) {
        renewing = true;
    }

    @EventSourcingHandler
    void on(EgsCertificateRenewedEvent event) {
        certificate = event.certificate();
        keyId = event.keyId();
        renewing = false;
    }

    @EventSourcingHandler
    void on(EgsCertificateRenewalFailedEvent event) {
        renewing = false;
    }

    @EventSourcingHandler
    void on(InvoiceSequencedEvent event) {
        lastIcv = event.icv();
        lastInvoiceHash = event.invoiceHash();
    }
}
