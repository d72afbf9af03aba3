package sa.qayd.command.egs;

import java.security.KeyPair;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import sa.qayd.api.Actor;
import sa.qayd.api.ZatcaMessage;
import sa.qayd.api.egs.AskForNewOtpCommand;
import sa.qayd.api.egs.EgsIdentity;
import sa.qayd.api.egs.IssuedCertificate;
import sa.qayd.api.egs.OnboardingStep;
import sa.qayd.api.egs.RecordComplianceChecksCommand;
import sa.qayd.api.egs.RecordComplianceCsidCommand;
import sa.qayd.api.egs.RecordProductionCsidCommand;
import sa.qayd.api.egs.RecordZatcaRefusalCommand;
import sa.qayd.platform.retry.Backoff;
import sa.qayd.command.secrets.EgsSecrets;
import sa.qayd.command.secrets.SecretKind;
import sa.qayd.command.zatca.WorkInputs;
import sa.qayd.command.zatca.WorkKind;
import sa.qayd.command.zatca.ZatcaAnswers;
import sa.qayd.command.zatca.ZatcaGateways;
import sa.qayd.command.zatca.ZatcaTask;
import sa.qayd.command.zatca.ZatcaWork;
import sa.qayd.command.zatca.ZatcaWorkQueue;
import sa.qayd.zatca.SignedInvoice;
import sa.qayd.zatca.csr.Csr;
import sa.qayd.zatca.csr.CsrConfig;
import sa.qayd.zatca.csr.CsrGenerator;
import sa.qayd.zatca.fatoora.FatooraEnvironment;
import sa.qayd.zatca.fatoora.CsidResponse;
import sa.qayd.zatca.fatoora.FatooraClient;
import sa.qayd.zatca.fatoora.FatooraOutcome;
import sa.qayd.zatca.fatoora.GatewayCredentials;
import sa.qayd.zatca.fatoora.InvoiceResponse;
import sa.qayd.zatca.fatoora.InvoiceSubmission;
import sa.qayd.zatca.sdk.SdkIdentity;
import sa.qayd.zatca.signing.Signer;

/**
 * A unit's way to a production certificate, and its renewals, as calls to the unit's own gateway:
 * compliance CSID (key pair, CSR and the portal's OTP), compliance checks (one signed sample of each
 * document kind the unit may issue), production CSID. Each answer goes to the unit as a command; the
 * unit decides. An OTP is single use, so ZATCA's answer to it is saved (secrets and progress, in one
 * transaction) before anything else happens: a step resumed after a crash records that answer instead
 * of asking again.
 */
@Component
class OnboardingTasks implements ZatcaTask {
    private final ZatcaGateways gateways;
    private final EgsSecrets secrets;
    private final ZatcaWorkQueue queue;
    private final CommandGateway commands;
    private final OnboardingSettings settings;
    private final TransactionTemplate transaction;
    private final Clock clock;

    OnboardingTasks(ZatcaGateways gateways, EgsSecrets secrets, ZatcaWorkQueue queue, CommandGateway commands,
                    OnboardingSettings settings, PlatformTransactionManager transactions, Clock clock) {
        this.gateways = gateways;
        this.secrets = secrets;
        this.queue = queue;
        this.commands = commands;
        this.settings = settings;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Override
    public Set<WorkKind> kinds() {
        return Set.of(WorkKind.COMPLIANCE_CSID, WorkKind.COMPLIANCE_CHECKS, WorkKind.PRODUCTION_CSID, WorkKind.RENEWAL);
    }

    @Override
    public Backoff backoff() {
        return settings.backoff();
    }

    @Override
    public Result run(ZatcaWork work) {
        try {
            return switch (work.kind()) {
                case COMPLIANCE_CSID -> complianceCsid(work);
                case COMPLIANCE_CHECKS -> complianceChecks(work, work.inputs(),
                        OnboardingStep.AWAITING_COMPLIANCE_CHECKS.stepName());
                case PRODUCTION_CSID -> productionCsid(work, work.inputs(), OnboardingStep.AWAITING_PRODUCTION_CSID.stepName());
                case RENEWAL -> renewal(work);
                default -> throw new IllegalArgumentException("not an onboarding step: " + work.kind());
            };
        } catch (IllegalArgumentException invalidIdentity) {
            // the unit's identity breaks a CSR or document rule: no retry will fix it
            return refuse(work, stepOf(work), invalidIdentity.getMessage(), List.of());
        }
    }

    private Result complianceCsid(ZatcaWork work) {
        String step = OnboardingStep.AWAITING_COMPLIANCE_CSID.stepName();
        WorkInputs inputs = work.inputs();
        if (!inputs.hasComplianceCsid()) {
            String otp = secrets.find(work.egsUnitId(), SecretKind.ONBOARDING_OTP, EgsSecrets.UNIT).orElse(null);
            if (otp == null) {
                // onboarding that was under way when Qayd was upgraded: its OTP was kept elsewhere then
                commands.sendAndWait(Actor.ZATCA_WORKER.command(new AskForNewOtpCommand(work.egsUnitId(),
                        "onboarding was under way when Qayd was upgraded and its one-time password cannot be used again: "
                                + "restart it with a new OTP from the Fatoora portal")));
                return DONE;
            }
            FatooraClient client = gateways.client(work.environment());
            KeyPair keys = CsrGenerator.newKeyPair();
            String keyId = newKeyId();
            FatooraOutcome<CsidResponse> outcome = client.requestComplianceCsid(client.environment(), otp,
                    csr(work, inputs.identity(), keys).pem());
            CsidResponse issued = ZatcaAnswers.accepted(outcome);
            if (issued == null) {
                return unsettled(work, step, outcome);
            }
            GatewayCredentials credentials = client.credentialsFrom(issued);
            inputs = inputs.withKeyId(keyId).withComplianceCsid(issued.requestId(), credentials.certificateBody());
            if (!keep(work, inputs, () -> {
                secrets.store(work.egsUnitId(), SecretKind.PRIVATE_KEY, keyId, pem(keys));
                secrets.storeCredentials(work.egsUnitId(), SecretKind.COMPLIANCE_CSID, keyId, credentials);
            })) {
                return lostClaim(work);
            }
        }
        commands.sendAndWait(Actor.ZATCA_WORKER.command(new RecordComplianceCsidCommand(work.egsUnitId(),
                inputs.complianceRequestId(), inputs.complianceCertificate(), inputs.keyId())));
        secrets.delete(work.egsUnitId(), SecretKind.ONBOARDING_OTP, EgsSecrets.UNIT);
        return DONE;
    }

    /** One signed sample of each document kind the unit may issue, each accepted by ZATCA's compliance checks. */
    private Result complianceChecks(ZatcaWork work, WorkInputs inputs, String step) {
        FatooraClient client = gateways.client(work.environment());
        GatewayCredentials ccsid = secrets.credentials(work.egsUnitId(), SecretKind.COMPLIANCE_CSID, inputs.keyId(),
                client.environment());
        Signer signer = Signer.of(Signer.parsePrivateKey(secrets.privateKeyPem(work.egsUnitId(), inputs.keyId())),
                ccsid.certificate());
        List<String> kinds = new ArrayList<>();
        List<ZatcaMessage> warnings = new ArrayList<>();
        for (ComplianceSamples.Sample sample : ComplianceSamples.signed(inputs.identity(), signer, clock)) {
            SignedInvoice signed = sample.signed();
            FatooraOutcome<InvoiceResponse> outcome = client.checkCompliance(ccsid,
                    InvoiceSubmission.of(signed.invoiceHash(), signed.uuid(), signed.xml()));
            InvoiceResponse checked = ZatcaAnswers.accepted(outcome);
            if (checked == null) {
                return unsettled(work, step, outcome);
            }
            warnings.addAll(ZatcaAnswers.warnings(checked));
            kinds.add(sample.kind().name().toLowerCase(Locale.ROOT));
        }
        if (EgsUnit.RENEWAL_STEP.equals(step)) {
            return productionCsid(work, inputs, step);
        }
        commands.sendAndWait(Actor.ZATCA_WORKER.command(
                new RecordComplianceChecksCommand(work.egsUnitId(), kinds, warnings)));
        return DONE;
    }

    private Result productionCsid(ZatcaWork work, WorkInputs inputs, String step) {
        FatooraClient client = gateways.client(work.environment());
        if (inputs.productionKeyId() == null) {
            GatewayCredentials ccsid = secrets.credentials(work.egsUnitId(), SecretKind.COMPLIANCE_CSID, inputs.keyId(),
                    client.environment());
            FatooraOutcome<CsidResponse> outcome = client.requestProductionCsid(ccsid, inputs.complianceRequestId());
            CsidResponse issued = ZatcaAnswers.accepted(outcome);
            if (issued == null) {
                return unsettled(work, step, outcome);
            }
            inputs = keepProductionCsid(work, inputs, client.credentialsFrom(issued), () -> { });
            if (inputs == null) {
                return lostClaim(work);
            }
        }
        return recordProductionCsid(work, inputs);
    }

    /**
     * A renewal: a new key and CSR, exchanged with the current production CSID and a new OTP. ZATCA
     * answers with the new production CSID, or (as it normally does) with HTTP 428 and a renewed
     * compliance CSID for the new key, after which the compliance checks and the production CSID follow
     * as in onboarding, each resumed where it stopped. The unit keeps signing with its current key until
     * the new certificate is recorded.
     */
    private Result renewal(ZatcaWork work) {
        WorkInputs inputs = work.inputs();
        if (inputs.productionKeyId() != null) {
            return recordProductionCsid(work, inputs);
        }
        if (inputs.hasComplianceCsid()) {
            return complianceChecks(work, inputs, EgsUnit.RENEWAL_STEP);
        }
        String otp = secrets.find(work.egsUnitId(), SecretKind.RENEWAL_OTP, EgsSecrets.UNIT).orElse(null);
        if (otp == null) {
            return refuse(work, EgsUnit.RENEWAL_STEP, "no one-time password is kept for this renewal: ask for it again "
                    + "with a new OTP", List.of());
        }
        FatooraClient client = gateways.client(work.environment());
        GatewayCredentials current = secrets.credentials(work.egsUnitId(), inputs.currentKeyId(), client.environment());
        KeyPair keys = CsrGenerator.newKeyPair();
        String keyId = newKeyId();
        FatooraOutcome<CsidResponse> outcome = client.renewProductionCsid(current, otp, csr(work, inputs.identity(), keys).pem());
        if (outcome instanceof FatooraOutcome.RenewalPendingCompliance<CsidResponse> pending) {
            GatewayCredentials renewedCompliance = client.credentialsFrom(pending.complianceCsid());
            WorkInputs progressed = inputs.withKeyId(keyId).withComplianceCsid(pending.complianceCsid().requestId(),
                    renewedCompliance.certificateBody());
            if (!keep(work, progressed, () -> {
                secrets.store(work.egsUnitId(), SecretKind.PRIVATE_KEY, keyId, pem(keys));
                secrets.storeCredentials(work.egsUnitId(), SecretKind.COMPLIANCE_CSID, keyId, renewedCompliance);
            })) {
                return lostClaim(work);
            }
            secrets.delete(work.egsUnitId(), SecretKind.RENEWAL_OTP, EgsSecrets.UNIT);
            return complianceChecks(work, progressed, EgsUnit.RENEWAL_STEP);
        }
        CsidResponse issued = ZatcaAnswers.accepted(outcome);
        if (issued == null) {
            return unsettled(work, EgsUnit.RENEWAL_STEP, outcome);
        }
        WorkInputs progressed = keepProductionCsid(work, inputs.withKeyId(keyId), client.credentialsFrom(issued),
                () -> secrets.store(work.egsUnitId(), SecretKind.PRIVATE_KEY, keyId, pem(keys)));
        return progressed == null ? lostClaim(work) : recordProductionCsid(work, progressed);
    }

    /**
     * Keeps a production CSID before it is recorded. The developer portal gives every unit the SDK's
     * fixed certificate, whose key is ZATCA's published one: that key is kept with it, since the unit's
     * own key does not match the certificate.
     *
     * @return the inputs with the production key id, or null when another replica took the work over
     */
    private WorkInputs keepProductionCsid(ZatcaWork work, WorkInputs inputs, GatewayCredentials production,
                                          Runnable alsoKeep) {
        boolean portal = SdkIdentity.isSdkCertificate(production.certificate());
        String productionKeyId = portal ? newKeyId() : inputs.keyId();
        WorkInputs progressed = inputs.withProductionKeyId(productionKeyId);
        boolean kept = keep(work, progressed, () -> {
            alsoKeep.run();
            if (portal) {
                secrets.store(work.egsUnitId(), SecretKind.PRIVATE_KEY, productionKeyId, SdkIdentity.privateKeyPem());
            }
            secrets.storeCredentials(work.egsUnitId(), SecretKind.PRODUCTION_CSID, productionKeyId, production);
        });
        return kept ? progressed : null;
    }

    private Result recordProductionCsid(ZatcaWork work, WorkInputs inputs) {
        X509Certificate certificate = secrets.credentials(work.egsUnitId(), inputs.productionKeyId(),
                gateways.client(work.environment()).environment()).certificate();
        commands.sendAndWait(Actor.ZATCA_WORKER.command(
                new RecordProductionCsidCommand(work.egsUnitId(), facts(certificate), inputs.productionKeyId())));
        secrets.delete(work.egsUnitId(), SecretKind.RENEWAL_OTP, EgsSecrets.UNIT);
        return DONE;
    }

    /** Saves secrets and progress together; false when another replica has taken the work over meanwhile. */
    private boolean keep(ZatcaWork work, WorkInputs progressed, Runnable secretsToKeep) {
        Boolean saved = transaction.execute(status -> {
            secretsToKeep.run();
            if (!queue.saveProgress(work, progressed)) {
                status.setRollbackOnly();
                return false;
            }
            return true;
        });
        return Boolean.TRUE.equals(saved);
    }

    /** Not accepted: try again later if ZATCA could not be reached or asked to wait, else the step is refused. */
    private Result unsettled(ZatcaWork work, String step, FatooraOutcome<?> outcome) {
        if (outcome.isTransient()) {
            return ZatcaTask.retry(work, outcome, clock);
        }
        return refuse(work, step, ZatcaAnswers.reason(outcome), ZatcaAnswers.errorsOf(outcome));
    }

    private Result refuse(ZatcaWork work, String step, String reason, List<ZatcaMessage> messages) {
        commands.sendAndWait(Actor.ZATCA_WORKER.command(
                new RecordZatcaRefusalCommand(work.egsUnitId(), step, reason, messages)));
        secrets.delete(work.egsUnitId(), EgsUnit.RENEWAL_STEP.equals(step) ? SecretKind.RENEWAL_OTP
                : SecretKind.ONBOARDING_OTP, EgsSecrets.UNIT);
        return DONE;
    }

    private static Result lostClaim(ZatcaWork work) {
        return new Retry("another replica took this work over", work.retryAt(), false);
    }

    private static String stepOf(ZatcaWork work) {
        return switch (work.kind()) {
            case COMPLIANCE_CSID -> OnboardingStep.AWAITING_COMPLIANCE_CSID.stepName();
            case COMPLIANCE_CHECKS -> OnboardingStep.AWAITING_COMPLIANCE_CHECKS.stepName();
            case PRODUCTION_CSID -> OnboardingStep.AWAITING_PRODUCTION_CSID.stepName();
            default -> EgsUnit.RENEWAL_STEP;
        };
    }

    private Csr csr(ZatcaWork work, EgsIdentity identity, KeyPair keys) {
        return CsrGenerator.generate(csrConfig(work.egsUnitId(), identity, gateways.client(work.environment()).environment()), keys);
    }

    static CsrConfig csrConfig(UUID egsUnitId, EgsIdentity identity, FatooraEnvironment target) {
        String commonName = "EGS-" + egsUnitId.toString().substring(0, 8) + "-" + identity.vatNumber();
        String serial = "1-" + identity.solutionName() + "|2-" + identity.model() + "|3-" + identity.serialNumber();
        return new CsrConfig(commonName, serial, identity.vatNumber(), identity.branch(), identity.organisationName(),
                "SA", identity.invoiceTypes().csrTitle(), identity.location(), identity.industry(), target);
    }

    private static IssuedCertificate facts(X509Certificate certificate) {
        try {
            return new IssuedCertificate(Base64.getEncoder().encodeToString(certificate.getEncoded()),
                    certificate.getSerialNumber().toString(), certificate.getNotAfter().toInstant());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("an X.509 certificate that cannot be encoded", e);
        }
    }

    private static String newKeyId() {
        return UUID.randomUUID().toString();
    }

    private static String pem(KeyPair keys) {
        return Signer.privateKeyPem(keys.getPrivate());
    }
}
