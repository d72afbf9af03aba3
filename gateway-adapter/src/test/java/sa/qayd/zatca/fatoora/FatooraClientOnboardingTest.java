package sa.qayd.zatca.fatoora;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;
import static sa.qayd.zatca.simulator.TestGateways.accepted;

import java.io.IOException;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sa.qayd.zatca.SignedInvoice;
import sa.qayd.zatca.hash.InvoiceHash;
import sa.qayd.zatca.model.DocumentKind;
import sa.qayd.zatca.signing.Signer;
import sa.qayd.zatca.simulator.FatooraSimulator;
import sa.qayd.zatca.simulator.SimulatorSettings;
import sa.qayd.zatca.simulator.TestEgsUnit;
import sa.qayd.zatca.simulator.TestGateways;

/** The whole onboarding and submission flow of one EGS unit, over real HTTP, against the simulator. */
class FatooraClientOnboardingTest {
    private static final String OTP = SimulatorSettings.SANDBOX_OTP;

    private FatooraSimulator simulator;
    private FatooraClient client;
    private final TestEgsUnit unit = new TestEgsUnit("TST-886431145-399999999900003");

    @BeforeEach
    void start() throws IOException {
        simulator = FatooraSimulator.start(SimulatorSettings.defaults());
        client = TestGateways.client(simulator);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void onboardsSubmitsAndRenews() throws Exception {
        CsidResponse compliance = accepted(client.requestComplianceCsid(FatooraEnvironment.SANDBOX, OTP, unit.csrPem()));
        assertThat(compliance.dispositionMessage()).isEqualTo("ISSUED");
        GatewayCredentials ccsid = client.credentialsFrom(compliance);
        X509Certificate complianceCertificate = ccsid.certificate();
        complianceCertificate.verify(simulator.caCertificate().getPublicKey(), Signer.BC);
        assertThat(complianceCertificate.getSubjectX500Principal().getName()).contains("CN=TST-886431145-399999999900003");

        InvoiceResponse simplifiedCheck = accepted(client.checkCompliance(ccsid,
                TestEgsUnit.submission(unit.next(DocumentKind.SIMPLIFIED_INVOICE, complianceCertificate))));
        assertThat(simplifiedCheck.reportingStatus()).isEqualTo("REPORTED");
        assertThat(simplifiedCheck.validationResults().status()).isEqualTo("PASS");
        GatewayCredentials pcsid = TestGateways.passComplianceChecks(client, unit, compliance);
        assertThat(pcsid.binarySecurityToken()).isNotEqualTo(ccsid.binarySecurityToken());
        assertThat(pcsid.certificate().getPublicKey()).isEqualTo(complianceCertificate.getPublicKey());

        InvoiceResponse reported = accepted(client.report(pcsid,
                TestEgsUnit.submission(unit.next(DocumentKind.SIMPLIFIED_INVOICE, pcsid.certificate()))));
        assertThat(reported.reportingStatus()).isEqualTo("REPORTED");

        SignedInvoice standard = unit.next(DocumentKind.STANDARD_INVOICE, pcsid.certificate());
        InvoiceResponse cleared = accepted(client.clear(pcsid, TestEgsUnit.submission(standard)));
        assertThat(cleared.clearanceStatus()).isEqualTo("CLEARED");
        assertThat(cleared.clearedInvoiceXml()).hasValueSatisfying(xml -> assertThat(xml).isEqualTo(standard.xml()));

        unit.rotateKey();
        FatooraOutcome<CsidResponse> renewal = client.renewProductionCsid(pcsid, OTP, unit.csrPem());
        assertThat(renewal).isInstanceOf(FatooraOutcome.RenewalPendingCompliance.class);
        CsidResponse renewedCompliance = ((FatooraOutcome.RenewalPendingCompliance<CsidResponse>) renewal)
                .complianceCsid();
        assertThat(renewedCompliance.dispositionMessage()).isEqualTo("NOT_COMPLIANT");
        assertThat(client.requestProductionCsid(client.credentialsFrom(renewedCompliance),
                renewedCompliance.requestId())).as("the renewed compliance CSID must pass the checks first")
                .isInstanceOf(FatooraOutcome.Rejected.class);
        GatewayCredentials renewedPcsid = TestGateways.passComplianceChecks(client, unit, renewedCompliance);
        assertThat(renewedPcsid.certificate().getPublicKey()).isNotEqualTo(pcsid.certificate().getPublicKey());
        InvoiceResponse afterRenewal = accepted(client.report(renewedPcsid,
                TestEgsUnit.submission(unit.next(DocumentKind.SIMPLIFIED_CREDIT_NOTE, renewedPcsid.certificate()))));
        assertThat(afterRenewal.reportingStatus()).isEqualTo("REPORTED");
    }

    @Test
    void wrongOtpIsRejectedAsInvalidOtp() {
        FatooraOutcome<CsidResponse> outcome = client.requestComplianceCsid(FatooraEnvironment.SANDBOX, "999999",
                unit.csrPem());

        assertThat(outcome).isInstanceOf(FatooraOutcome.InvalidOtp.class);
        assertThat(outcome.messages()).containsExactly(
                ValidationMessage.error("Invalid-OTP", null, "The provided OTP is invalid"));
    }

    @Test
    void rejectionIsNotRetried() {
        GatewayCredentials pcsid = TestGateways.onboard(client, unit);
        SignedInvoice invoice = unit.next(DocumentKind.SIMPLIFIED_INVOICE, pcsid.certificate());
        InvoiceSubmission wrongHash = new InvoiceSubmission(
                Base64.getEncoder().encodeToString(new byte[32]), invoice.uuid(),
                TestEgsUnit.submission(invoice).invoice());
        int callsBefore = simulator.receivedCalls();

        FatooraOutcome<InvoiceResponse> outcome = client.report(pcsid, wrongHash);

        assertThat(outcome).isInstanceOf(FatooraOutcome.Rejected.class);
        InvoiceResponse response = ((FatooraOutcome.Rejected<InvoiceResponse>) outcome).response();
        assertThat(response.validationResults().errorMessages())
                .extracting(ValidationMessage::code).containsExactly("invalid-invoice-hash");
        assertThat(response.reportingStatus()).isEqualTo("NOT_REPORTED");
        assertThat(simulator.receivedCalls() - callsBefore).isEqualTo(1);
    }

    @Test
    void brokenChainIsAcceptedWithWarnings() {
        GatewayCredentials pcsid = TestGateways.onboard(client, unit);
        SignedInvoice first = unit.issue(DocumentKind.SIMPLIFIED_INVOICE, 1, InvoiceHash.FIRST_PREVIOUS_HASH,
                pcsid.certificate());
        accepted(client.report(pcsid, TestEgsUnit.submission(first)));

        SignedInvoice notPointingAtItsPredecessor = unit.issue(DocumentKind.SIMPLIFIED_INVOICE, 2,
                InvoiceHash.FIRST_PREVIOUS_HASH, pcsid.certificate());
        FatooraOutcome<InvoiceResponse> outcome = client.report(pcsid, TestEgsUnit.submission(notPointingAtItsPredecessor));

        assertThat(outcome).isInstanceOf(FatooraOutcome.AcceptedWithWarnings.class);
        assertThat(outcome.isRecorded()).isTrue();
        InvoiceResponse response = ((FatooraOutcome.AcceptedWithWarnings<InvoiceResponse>) outcome).response();
        assertThat(response.validationResults().status()).isEqualTo("WARNING");
        assertThat(response.validationResults().warningMessages()).extracting(ValidationMessage::code)
                .containsExactly("invalid-previous-invoice-hash");
    }

    /** ZATCA takes a unit's documents in any order (it confirmed so to Odoo, odoo/odoo pull request 242798). */
    @Test
    void aDocumentMayOvertakeItsPredecessor() {
        GatewayCredentials pcsid = TestGateways.onboard(client, unit);
        SignedInvoice first = unit.issue(DocumentKind.SIMPLIFIED_INVOICE, 1, InvoiceHash.FIRST_PREVIOUS_HASH,
                pcsid.certificate());
        SignedInvoice second = unit.issue(DocumentKind.SIMPLIFIED_INVOICE, 2, first.invoiceHash(), pcsid.certificate());
        SignedInvoice third = unit.issue(DocumentKind.SIMPLIFIED_INVOICE, 3, second.invoiceHash(), pcsid.certificate());

        for (SignedInvoice document : List.of(first, third, second)) {
            FatooraOutcome<InvoiceResponse> outcome = client.report(pcsid, TestEgsUnit.submission(document));
            assertThat(outcome).as("ICV %s", document.uuid()).isInstanceOf(FatooraOutcome.Accepted.class);
        }
    }

    @Test
    void wrongSecretIsUnauthorized() {
        GatewayCredentials pcsid = TestGateways.onboard(client, unit);
        GatewayCredentials forged = new GatewayCredentials(pcsid.environment(), pcsid.binarySecurityToken(), "guess");

        FatooraOutcome<InvoiceResponse> outcome = client.report(forged,
                TestEgsUnit.submission(unit.next(DocumentKind.SIMPLIFIED_INVOICE, pcsid.certificate())));

        assertThat(outcome).isInstanceOf(FatooraOutcome.Unauthorized.class);
    }

    @Test
    void switchedOffClearanceAnswers303() {
        GatewayCredentials pcsid = TestGateways.onboard(client, unit);
        simulator.clearanceEnabled(false);

        FatooraOutcome<InvoiceResponse> outcome = client.clear(pcsid,
                TestEgsUnit.submission(unit.next(DocumentKind.STANDARD_INVOICE, pcsid.certificate())));

        assertThat(outcome).isInstanceOf(FatooraOutcome.ClearanceSwitchedOff.class);
    }

    @Test
    void refusesCallsForAnotherEnvironmentBeforeSendingAnything() {
        GatewayCredentials pcsid = TestGateways.onboard(client, unit);
        GatewayCredentials productionUnit = new GatewayCredentials(FatooraEnvironment.PRODUCTION,
                pcsid.binarySecurityToken(), pcsid.secret());
        InvoiceSubmission invoice = TestEgsUnit.submission(
                unit.next(DocumentKind.SIMPLIFIED_INVOICE, pcsid.certificate()));
        int callsBefore = simulator.receivedCalls();

        assertThatThrownBy(() -> client.report(productionUnit, invoice))
                .isInstanceOf(EnvironmentMismatchException.class)
                .hasMessageContaining("PRODUCTION").hasMessageContaining("SANDBOX");
        assertThatThrownBy(() -> client.requestComplianceCsid(FatooraEnvironment.SIMULATION, OTP, unit.csrPem()))
                .isInstanceOf(EnvironmentMismatchException.class);
        assertThat(simulator.receivedCalls()).isEqualTo(callsBefore);
    }

    @Test
    void aClientCannotPointAtAnotherEnvironmentsGateway() {
        URI production = FatooraEnvironment.PRODUCTION.defaultBaseUri();

        assertThatThrownBy(() -> FatooraClientSettings.defaults(FatooraEnvironment.SANDBOX)
                .withBaseUri(URI.create(production + "/")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PRODUCTION");
    }
}
