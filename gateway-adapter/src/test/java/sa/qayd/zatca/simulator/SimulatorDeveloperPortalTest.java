package sa.qayd.zatca.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static sa.qayd.zatca.simulator.TestGateways.accepted;

import java.io.IOException;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sa.qayd.zatca.fatoora.CsidResponse;
import sa.qayd.zatca.fatoora.FatooraClient;
import sa.qayd.zatca.fatoora.FatooraEnvironment;
import sa.qayd.zatca.fatoora.FatooraOutcome;
import sa.qayd.zatca.fatoora.GatewayCredentials;
import sa.qayd.zatca.fatoora.InvoiceResponse;
import sa.qayd.zatca.fatoora.InvoiceSubmission;
import sa.qayd.zatca.fatoora.ValidationMessage;
import sa.qayd.zatca.model.DocumentKind;
import sa.qayd.zatca.sdk.SdkIdentity;

/** The simulator as ZATCA's developer portal: per-CSR compliance CSIDs, one fixed production CSID for everybody. */
class SimulatorDeveloperPortalTest {
    private static final String OTHER_VAT_NUMBER = "311111111100003";

    private FatooraSimulator portal;
    private FatooraClient client;

    @BeforeEach
    void start() throws IOException {
        portal = FatooraSimulator.start(SimulatorSettings.defaults().withMode(GatewayMode.DEVELOPER_PORTAL));
        client = TestGateways.client(portal);
    }

    @AfterEach
    void stop() {
        portal.close();
    }

    @Test
    void complianceCsidsArePerCsrFromEInvoicingWithOneRequestId() {
        CsidResponse first = complianceCsid(new TestEgsUnit("TST-1-399999999900003"));
        CsidResponse second = complianceCsid(new TestEgsUnit("TST-2-399999999900003"));

        assertThat(first.requestId()).isEqualTo(1234567890123L).isEqualTo(second.requestId());
        assertThat(client.credentialsFrom(first).certificate().getIssuerX500Principal().getName())
                .isEqualTo("CN=eInvoicing");
        assertThat(client.credentialsFrom(first).certificate())
                .isNotEqualTo(client.credentialsFrom(second).certificate());
    }

    @Test
    void theProductionCsidIsTheSdkCertificateAndTakesDocumentsSignedWithItsKey() {
        GatewayCredentials pcsid = TestGateways.onboard(client, new TestEgsUnit("TST-1-399999999900003"));

        assertThat(SdkIdentity.isSdkCertificate(pcsid.certificate())).isTrue();
        assertThat(pcsid.binarySecurityToken()).isEqualTo(SdkIdentity.binarySecurityToken());
        assertThat(pcsid.secret()).isEqualTo(SdkIdentity.SECRET);
        TestEgsUnit unit = new TestEgsUnit("TST-1-399999999900003");
        InvoiceResponse reported = accepted(client.report(pcsid, portalDocument(unit, DocumentKind.SIMPLIFIED_INVOICE)));
        assertThat(reported.reportingStatus()).isEqualTo("REPORTED");
        InvoiceResponse cleared = accepted(client.clear(pcsid, portalDocument(unit, DocumentKind.STANDARD_INVOICE)));
        assertThat(cleared.clearanceStatus()).isEqualTo("CLEARED");
    }

    @Test
    void everyUnitSharesTheCertificateSoNoChainIsTracked() {
        GatewayCredentials pcsid = TestGateways.onboard(client, new TestEgsUnit("TST-1-399999999900003"));

        for (TestEgsUnit unit : List.of(new TestEgsUnit("TST-1-399999999900003"), new TestEgsUnit("TST-2-399999999900003"))) {
            assertThat(client.report(pcsid, portalDocument(unit, DocumentKind.SIMPLIFIED_INVOICE)))
                    .as("both units start at ICV 1").isInstanceOf(FatooraOutcome.Accepted.class);
        }
    }

    @Test
    void documentsSignedWithTheUnitsOwnKeyFailTheSignatureCheck() {
        TestEgsUnit unit = new TestEgsUnit("TST-1-399999999900003");
        GatewayCredentials pcsid = TestGateways.onboard(client, unit);

        FatooraOutcome<InvoiceResponse> outcome = client.report(pcsid,
                TestEgsUnit.submission(unit.next(DocumentKind.SIMPLIFIED_INVOICE, pcsid.certificate())));

        assertThat(outcome).isInstanceOf(FatooraOutcome.Rejected.class);
        assertThat(outcome.messages()).extracting(ValidationMessage::code).containsExactly("signature-invalid");
    }

    @Test
    void anotherVatNumberIsNotPermitted() {
        TestEgsUnit unit = new TestEgsUnit("TST-1-" + OTHER_VAT_NUMBER, OTHER_VAT_NUMBER);
        GatewayCredentials pcsid = TestGateways.onboard(client, unit);

        FatooraOutcome<InvoiceResponse> outcome = client.report(pcsid, portalDocument(unit, DocumentKind.SIMPLIFIED_INVOICE));

        assertThat(outcome).isInstanceOf(FatooraOutcome.Rejected.class);
        assertThat(outcome.messages()).singleElement().satisfies(message -> {
            assertThat(message.code()).isEqualTo("certificate-permissions");
            assertThat(message.category()).isEqualTo("CERTIFICATE_ERRORS");
            assertThat(message.message())
                    .isEqualTo("User only allowed to use the vat number that exists in the authentication certificate");
        });
    }

    @Test
    void renewalGivesAComplianceCsidAndAfterItsChecksTheSdkCertificateAgain() {
        TestEgsUnit unit = new TestEgsUnit("TST-1-399999999900003");
        GatewayCredentials pcsid = TestGateways.onboard(client, unit);
        unit.rotateKey();

        FatooraOutcome<CsidResponse> renewal = client.renewProductionCsid(pcsid, SimulatorSettings.SANDBOX_OTP,
                unit.csrPem());

        assertThat(renewal).isInstanceOf(FatooraOutcome.RenewalPendingCompliance.class);
        CsidResponse renewed = ((FatooraOutcome.RenewalPendingCompliance<CsidResponse>) renewal).complianceCsid();
        assertThat(renewed.requestId()).isEqualTo(1234567890123L);
        assertThat(SdkIdentity.isSdkCertificate(TestGateways.passComplianceChecks(client, unit, renewed).certificate()))
                .isTrue();
    }

    private CsidResponse complianceCsid(TestEgsUnit unit) {
        return accepted(client.requestComplianceCsid(FatooraEnvironment.SANDBOX, SimulatorSettings.SANDBOX_OTP,
                unit.csrPem()));
    }

    private static InvoiceSubmission portalDocument(TestEgsUnit unit, DocumentKind kind) {
        return TestEgsUnit.submission(unit.next(kind, SdkIdentity.signer(), UnaryOperator.identity()));
    }
}
