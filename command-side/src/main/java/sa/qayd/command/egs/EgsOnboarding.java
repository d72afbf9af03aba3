package sa.qayd.command.egs;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;
import sa.qayd.api.ZatcaMessage;
import sa.qayd.api.egs.EgsIdentity;
import sa.qayd.api.egs.RenewEgsCertificateCommand;
import sa.qayd.api.egs.RequestComplianceCsidCommand;
import sa.qayd.api.egs.RequestProductionCsidCommand;
import sa.qayd.api.egs.RunComplianceChecksCommand;
import sa.qayd.command.secrets.EgsSecrets;
import sa.qayd.command.secrets.SecretKind;
import sa.qayd.command.zatca.ZatcaAnswers;
import sa.qayd.command.zatca.ZatcaGateways;
import sa.qayd.command.zatca.ZatcaRefusal;
import sa.qayd.zatca.SignedInvoice;
import sa.qayd.zatca.csr.Csr;
import sa.qayd.zatca.csr.CsrConfig;
import sa.qayd.zatca.csr.CsrGenerator;
import sa.qayd.zatca.csr.ZatcaEnvironment;
import sa.qayd.zatca.fatoora.CsidResponse;
import sa.qayd.zatca.fatoora.FatooraClient;
import sa.qayd.zatca.fatoora.FatooraOutcome;
import sa.qayd.zatca.fatoora.GatewayCredentials;
import sa.qayd.zatca.fatoora.InvoiceResponse;
import sa.qayd.zatca.fatoora.InvoiceSubmission;
import sa.qayd.zatca.signing.Signer;

/**
 * The onboarding steps that talk to ZATCA. Each step loads the unit, does nothing if the unit is
 * past it (a step re-run after a crash is harmless), calls the unit's own gateway, keeps the secrets
 * in the encrypted store and records the outcome on the unit, all in one transaction. A gateway
 * outage propagates as {@link sa.qayd.api.ZatcaUnavailableException} for the saga to retry later;
 * a refusal ends onboarding as failed, with ZATCA's messages.
 */
@Component
class EgsOnboarding {
    private final Repository<EgsUnit> units;
    private final ZatcaGateways gateways;
    private final EgsSecrets secrets;
    private final PendingRenewals pendingRenewals;
    private final Clock clock;

    EgsOnboarding(Repository<EgsUnit> units, ZatcaGateways gateways, EgsSecrets secrets, PendingRenewals pendingRenewals,
                  Clock clock) {
        this.units = units;
        this.gateways = gateways;
        this.secrets = secrets;
        this.pendingRenewals = pendingRenewals;
        this.clock = clock;
    }

    @CommandHandler
    public void handle(RequestComplianceCsidCommand command) {
        step(command.egsUnitId(), OnboardingStep.AWAITING_COMPLIANCE_CSID, "compliance_csid", (aggregate, unit, client) -> {
            KeyPair keys = CsrGenerator.newKeyPair();
            CsidResponse issued = ZatcaAnswers.recorded(
                    client.requestComplianceCsid(client.environment(), unit.otp(), csr(unit, keys).pem()));
            GatewayCredentials credentials = client.credentialsFrom(issued);
            secrets.store(unit.id(), SecretKind.PRIVATE_KEY, pem(keys));
            secrets.store(unit.id(), SecretKind.COMPLIANCE_CSID, ZatcaAnswers.seal(credentials));
            aggregate.execute(u -> u.complianceCsidIssued(issued.requestId(), credentials.certificateBody()));
        });
    }

    @CommandHandler
    public void handle(RunComplianceChecksCommand command) {
        step(command.egsUnitId(), OnboardingStep.AWAITING_COMPLIANCE_CHECKS, "compliance_checks", (aggregate, unit, client) -> {
            GatewayCredentials ccsid = credentials(client, unit, SecretKind.COMPLIANCE_CSID);
            List<String> kinds = new ArrayList<>();
            List<ZatcaMessage> warnings = new ArrayList<>();
            checkCompliance(client, unit, Signer.parsePrivateKey(secrets.load(unit.id(), SecretKind.PRIVATE_KEY)), ccsid,
                    (sample, checked) -> {
                        warnings.addAll(ZatcaAnswers.warnings(checked));
                        kinds.add(sample.kind().name().toLowerCase(Locale.ROOT));
                    });
            aggregate.execute(u -> u.complianceChecksPassed(kinds, warnings));
        });
    }

    @CommandHandler
    public void handle(RequestProductionCsidCommand command) {
        step(command.egsUnitId(), OnboardingStep.AWAITING_PRODUCTION_CSID, "production_csid", (aggregate, unit, client) -> {
            GatewayCredentials ccsid = credentials(client, unit, SecretKind.COMPLIANCE_CSID);
            CsidResponse issued = ZatcaAnswers.recorded(client.requestProductionCsid(ccsid, unit.complianceRequestId()));
            GatewayCredentials production = client.credentialsFrom(issued);
            secrets.store(unit.id(), SecretKind.PRODUCTION_CSID, ZatcaAnswers.seal(production));
            aggregate.execute(u -> u.onboarded(IssuedCertificate.of(production.certificate())));
        });
    }

    /**
     * Renewal: a new key and CSR, exchanged with the current production CSID and a new OTP. The new
     * key and certificate replace the old ones in the same transaction that records the renewal,
     * so every invoice is signed with one consistent pair and invoicing never pauses. ZATCA is asked
     * once per OTP: a retry of this command takes the answer kept by {@link PendingRenewals}.
     */
    @CommandHandler
    public EgsRenewalResult handle(RenewEgsCertificateCommand command) {
        Aggregate<EgsUnit> aggregate = units.load(command.egsUnitId().toString());
        EgsUnit unit = aggregate.invoke(u -> u);
        unit.assertVisibleTo(command.caller());
        unit.assertActive();
        FatooraClient client = gateways.client(unit.environment());
        PendingRenewals.Renewal renewal;
        try {
            renewal = pendingRenewals.find(unit.id(), command.otp())
                    .orElseGet(() -> askZatcaToRenew(client, unit, command.otp()));
        } catch (ZatcaRefusal refusal) {
            aggregate.execute(u -> u.renewalFailed(refusal.getMessage(), refusal.errors()));
            return EgsRenewalResult.refused(refusal.getMessage());
        }
        secrets.store(unit.id(), SecretKind.PRIVATE_KEY, renewal.privateKeyPem());
        secrets.store(unit.id(), SecretKind.PRODUCTION_CSID, renewal.sealedCredentials());
        pendingRenewals.forget(unit.id());
        IssuedCertificate certificate = IssuedCertificate.of(
                ZatcaAnswers.unseal(client.environment(), renewal.sealedCredentials()).certificate());
        aggregate.execute(u -> u.certificateRenewed(certificate));
        return EgsRenewalResult.renewed(certificate);
    }

    private PendingRenewals.Renewal askZatcaToRenew(FatooraClient client, EgsUnit unit, String otp) {
        GatewayCredentials current = credentials(client, unit, SecretKind.PRODUCTION_CSID);
        KeyPair keys = CsrGenerator.newKeyPair();
        FatooraOutcome<CsidResponse> renewal = client.renewProductionCsid(current, otp, csr(unit, keys).pem());
        CsidResponse issued = renewal instanceof FatooraOutcome.RenewalPendingCompliance<CsidResponse> pending
                ? productionCsidAfterChecks(client, unit, keys, pending.complianceCsid())
                : ZatcaAnswers.recorded(renewal);
        return pendingRenewals.keep(unit.id(), otp, ZatcaAnswers.seal(client.credentialsFrom(issued)), pem(keys));
    }

    /** ZATCA's usual renewal (HTTP 428): the renewed compliance CSID passes the checks, then becomes a production one. */
    private CsidResponse productionCsidAfterChecks(FatooraClient client, EgsUnit unit, KeyPair keys,
                                                   CsidResponse renewedCompliance) {
        checkCompliance(client, unit, keys.getPrivate(), client.credentialsFrom(renewedCompliance), (sample, checked) -> { });
        return ZatcaAnswers.recorded(client.requestProductionCsid(client.credentialsFrom(renewedCompliance),
                renewedCompliance.requestId()));
    }

    private void checkCompliance(FatooraClient client, EgsUnit unit, PrivateKey key, GatewayCredentials ccsid,
                                 BiConsumer<ComplianceSamples.Sample, InvoiceResponse> passed) {
        Signer signer = Signer.of(key, ccsid.certificate());
        for (ComplianceSamples.Sample sample : ComplianceSamples.signed(unit.identity(), signer, clock)) {
            SignedInvoice signed = sample.signed();
            passed.accept(sample, ZatcaAnswers.recorded(client.checkCompliance(ccsid,
                    InvoiceSubmission.of(signed.invoiceHash(), signed.uuid(), signed.xml()))));
        }
    }

    /** One onboarding step's work with ZATCA, for a unit loaded in this unit of work. */
    @FunctionalInterface
    private interface StepWork {
        void run(Aggregate<EgsUnit> aggregate, EgsUnit unit, FatooraClient client);
    }

    /** Runs a step if the unit waits for it, and ends onboarding as failed when ZATCA or the unit's data says no. */
    private void step(UUID egsUnitId, OnboardingStep expected, String name, StepWork work) {
        Aggregate<EgsUnit> aggregate = units.load(egsUnitId.toString());
        EgsUnit unit = aggregate.invoke(u -> u);
        if (unit.step() != expected) {
            return;
        }
        try {
            work.run(aggregate, unit, gateways.client(unit.environment()));
        } catch (ZatcaRefusal refusal) {
            aggregate.execute(u -> u.onboardingFailed(name, refusal.getMessage(), refusal.errors()));
        } catch (IllegalArgumentException invalidIdentity) {
            // the unit's identity breaks a CSR or document rule: no retry will fix it
            aggregate.execute(u -> u.onboardingFailed(name, invalidIdentity.getMessage(), List.of()));
        }
    }

    private GatewayCredentials credentials(FatooraClient client, EgsUnit unit, SecretKind kind) {
        return ZatcaAnswers.unseal(client.environment(), secrets.load(unit.id(), kind));
    }

    private Csr csr(EgsUnit unit, KeyPair keys) {
        return CsrGenerator.generate(csrConfig(unit, gateways.csrTarget(unit.environment())), keys);
    }

    static CsrConfig csrConfig(EgsUnit unit, ZatcaEnvironment target) {
        EgsIdentity identity = unit.identity();
        String commonName = "EGS-" + unit.id().toString().substring(0, 8) + "-" + identity.vatNumber();
        String serial = "1-" + identity.solutionName() + "|2-" + identity.model() + "|3-" + identity.serialNumber();
        return new CsrConfig(commonName, serial, identity.vatNumber(), identity.branch(), identity.organisationName(),
                "SA", identity.invoiceTypes().csrTitle(), identity.location(), identity.industry(), target);
    }

    private static String pem(KeyPair keys) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

}
