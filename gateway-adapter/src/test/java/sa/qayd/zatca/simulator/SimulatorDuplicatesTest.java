package sa.qayd.zatca.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.type;
import static sa.qayd.zatca.simulator.TestGateways.accepted;

import java.io.IOException;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sa.qayd.zatca.SignedInvoice;
import sa.qayd.zatca.fatoora.FatooraClient;
import sa.qayd.zatca.fatoora.FatooraOutcome;
import sa.qayd.zatca.fatoora.GatewayCredentials;
import sa.qayd.zatca.fatoora.InvoiceResponse;
import sa.qayd.zatca.fatoora.InvoiceSubmission;
import sa.qayd.zatca.hash.InvoiceHash;
import sa.qayd.zatca.model.DocumentKind;

/** A resend of an accepted document meets ZATCA's duplicate answers: 409 on reporting, 208 on clearance. */
class SimulatorDuplicatesTest {
    private final TestEgsUnit unit = new TestEgsUnit("TST-886431145-399999999900003");
    private FatooraSimulator simulator;
    private FatooraClient client;
    private GatewayCredentials pcsid;

    @BeforeEach
    void start() throws IOException {
        simulator = FatooraSimulator.start(SimulatorSettings.defaults());
        client = TestGateways.client(simulator);
        pcsid = TestGateways.onboard(client, unit);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void aReportedDocumentSentAgainIsAlreadyReported() {
        InvoiceSubmission document = TestEgsUnit.submission(unit.next(DocumentKind.SIMPLIFIED_INVOICE, pcsid.certificate()));
        accepted(client.report(pcsid, document));

        FatooraOutcome<InvoiceResponse> resent = client.report(pcsid, document);

        assertThat(resent).asInstanceOf(type(FatooraOutcome.AlreadyRecorded.class))
                .satisfies(already -> assertThat(already.status()).isEqualTo(409));
        assertThat(resent.messages()).singleElement().satisfies(message -> {
            assertThat(message.category()).isEqualTo("Duplicate-Invoice");
            assertThat(message.message()).isEqualTo("Invoice was already reported successfully earlier.");
        });
    }

    @Test
    void aClearedDocumentSentAgainIsAlreadyClearedWithTheClearedInvoice() {
        SignedInvoice standard = unit.next(DocumentKind.STANDARD_INVOICE, pcsid.certificate());
        InvoiceResponse first = accepted(client.clear(pcsid, TestEgsUnit.submission(standard)));

        FatooraOutcome<InvoiceResponse> resent = client.clear(pcsid, TestEgsUnit.submission(standard));

        assertThat(resent).asInstanceOf(type(FatooraOutcome.AlreadyRecorded.class)).satisfies(already -> {
            assertThat(already.status()).isEqualTo(208);
            assertThat(already.clearedInvoiceXml()).hasValueSatisfying(xml ->
                    assertThat((byte[]) xml).isEqualTo(first.clearedInvoiceXml().orElseThrow()));
        });
        assertThat(resent.messages()).extracting(message -> message.code() + " " + message.category())
                .containsExactly("Invoice-Warning Duplicate-Invoice");
    }

    @Test
    void aRejectedDocumentIsNoDuplicate() {
        SignedInvoice document = unit.next(DocumentKind.SIMPLIFIED_INVOICE, pcsid.certificate());
        InvoiceSubmission wrongHash = new InvoiceSubmission(Base64.getEncoder().encodeToString(new byte[32]),
                document.uuid(), TestEgsUnit.submission(document).invoice());
        assertThat(client.report(pcsid, wrongHash)).isInstanceOf(FatooraOutcome.Rejected.class);

        FatooraOutcome<InvoiceResponse> resent = client.report(pcsid, TestEgsUnit.submission(document));

        // recorded this time (with chain warnings: the rejected attempt already took its place in the chain)
        assertThat(resent.isRecorded()).isTrue();
        assertThat(resent).isNotInstanceOf(FatooraOutcome.AlreadyRecorded.class);
    }

    @Test
    void complianceChecksMayRepeatADocument() {
        var compliance = accepted(client.requestComplianceCsid(pcsid.environment(), SimulatorSettings.SANDBOX_OTP,
                unit.csrPem()));
        GatewayCredentials ccsid = client.credentialsFrom(compliance);
        InvoiceSubmission sample = TestEgsUnit.submission(
                unit.issue(DocumentKind.SIMPLIFIED_INVOICE, 1, InvoiceHash.FIRST_PREVIOUS_HASH, ccsid.certificate()));

        accepted(client.checkCompliance(ccsid, sample));
        assertThat(client.checkCompliance(ccsid, sample)).isInstanceOf(FatooraOutcome.Accepted.class);
    }
}
