package sa.qayd.zatca.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.time.LocalDateTime;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import sa.qayd.zatca.ZatcaDocuments;
import sa.qayd.zatca.fatoora.FatooraClient;
import sa.qayd.zatca.fatoora.FatooraEnvironment;
import sa.qayd.zatca.fatoora.FatooraOutcome;
import sa.qayd.zatca.fatoora.GatewayCredentials;
import sa.qayd.zatca.fatoora.InvoiceResponse;
import sa.qayd.zatca.fatoora.InvoiceSubmission;
import sa.qayd.zatca.fatoora.ValidationMessage;
import sa.qayd.zatca.model.DocumentKind;
import sa.qayd.zatca.model.InvoiceToIssue;

/** ZATCA's XSD and schematron judge every document: errors reject it, warnings reach the caller with a 202. */
class SimulatorRulesTest {
    private static final LocalDateTime IN_1900 = LocalDateTime.of(1900, 1, 1, 10, 0);

    private final TestEgsUnit unit = new TestEgsUnit("TST-886431145-399999999900003");
    private FatooraSimulator simulator;

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void aDocumentDated1900IsNotReported() throws IOException {
        GatewayCredentials pcsid = onboard(SimulatorSettings.defaults());

        FatooraOutcome<InvoiceResponse> outcome = client().report(pcsid,
                document(pcsid, DocumentKind.SIMPLIFIED_INVOICE, builder -> builder.issuedAt(IN_1900)));

        assertThat(outcome).isInstanceOf(FatooraOutcome.Rejected.class);
        assertThat(((FatooraOutcome.Rejected<InvoiceResponse>) outcome).response().reportingStatus())
                .isEqualTo("NOT_REPORTED");
        assertThat(outcome.messages()).filteredOn(message -> "ERROR".equals(message.type()))
                .extracting(ValidationMessage::code, ValidationMessage::category)
                .contains(tuple("BR-KSA-F-01", "KSA"));
    }

    @Test
    void aStandardDocumentDated1900IsNotCleared() throws IOException {
        GatewayCredentials pcsid = onboard(SimulatorSettings.defaults());

        FatooraOutcome<InvoiceResponse> outcome = client().clear(pcsid,
                document(pcsid, DocumentKind.STANDARD_INVOICE, builder -> builder.issuedAt(IN_1900)));

        assertThat(outcome).isInstanceOf(FatooraOutcome.Rejected.class);
        assertThat(((FatooraOutcome.Rejected<InvoiceResponse>) outcome).response().clearanceStatus())
                .isEqualTo("NOT_CLEARED");
    }

    @Test
    void warningsReachTheCallerWithA202() throws IOException {
        GatewayCredentials pcsid = onboard(SimulatorSettings.defaults());
        LocalDateTime twoDaysAgo = LocalDateTime.now(ZatcaDocuments.RIYADH).minusDays(2);

        FatooraOutcome<InvoiceResponse> outcome = client().report(pcsid, document(pcsid, DocumentKind.SIMPLIFIED_INVOICE,
                builder -> builder.issuedAt(twoDaysAgo).paymentMeansCode("69")));

        assertThat(outcome).isInstanceOf(FatooraOutcome.AcceptedWithWarnings.class);
        InvoiceResponse response = ((FatooraOutcome.AcceptedWithWarnings<InvoiceResponse>) outcome).response();
        assertThat(response.reportingStatus()).isEqualTo("REPORTED");
        assertThat(response.validationResults().warningMessages()).extracting(ValidationMessage::code)
                .containsExactlyInAnyOrder("BR-KSA-16", "BR-KSA-98");
        assertThat(response.validationResults().infoMessages()).extracting(ValidationMessage::code)
                .containsExactly("XSD_ZATCA_VALID");
    }

    @Test
    void complianceChecksApplyTheRulesToo() throws IOException {
        simulator = FatooraSimulator.start(SimulatorSettings.defaults());
        var compliance = TestGateways.accepted(client().requestComplianceCsid(
                FatooraEnvironment.SANDBOX, SimulatorSettings.SANDBOX_OTP, unit.csrPem()));
        GatewayCredentials ccsid = client().credentialsFrom(compliance);

        FatooraOutcome<InvoiceResponse> outcome = client().checkCompliance(ccsid,
                document(ccsid, DocumentKind.SIMPLIFIED_INVOICE, builder -> builder.issuedAt(IN_1900)));

        assertThat(outcome).isInstanceOf(FatooraOutcome.Rejected.class);
        assertThat(outcome.messages()).extracting(ValidationMessage::code).contains("BR-KSA-F-01");
    }

    @Test
    void withoutRulesOnlyTheProtocolCoreJudges() throws IOException {
        GatewayCredentials pcsid = onboard(SimulatorSettings.defaults()
                .withVerifier(ProtocolCoreDocumentVerifier.withoutRules()));

        FatooraOutcome<InvoiceResponse> outcome = client().report(pcsid,
                document(pcsid, DocumentKind.SIMPLIFIED_INVOICE, builder -> builder.issuedAt(IN_1900)));

        assertThat(outcome).isInstanceOf(FatooraOutcome.Accepted.class);
    }

    private GatewayCredentials onboard(SimulatorSettings settings) throws IOException {
        simulator = FatooraSimulator.start(settings);
        return TestGateways.onboard(client(), unit);
    }

    private FatooraClient client() {
        return TestGateways.client(simulator);
    }

    private InvoiceSubmission document(GatewayCredentials csid, DocumentKind kind,
            UnaryOperator<InvoiceToIssue.Builder> change) {
        return TestEgsUnit.submission(unit.next(kind, csid.certificate(), change));
    }
}
