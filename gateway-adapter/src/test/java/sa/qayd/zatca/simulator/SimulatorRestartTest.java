package sa.qayd.zatca.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static sa.qayd.zatca.simulator.TestGateways.accepted;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sa.qayd.zatca.fatoora.CsidResponse;
import sa.qayd.zatca.fatoora.FatooraClient;
import sa.qayd.zatca.fatoora.FatooraEnvironment;
import sa.qayd.zatca.fatoora.FatooraOutcome;
import sa.qayd.zatca.fatoora.GatewayCredentials;
import sa.qayd.zatca.model.DocumentKind;

/** What a simulator learnt before a restart survives it, as long as it is started on the same CA file. */
class SimulatorRestartTest {

    @Test
    void aRestartedSimulatorHonoursTheCsidsItIssued(@TempDir Path directory) throws Exception {
        Path caFile = directory.resolve("ca.pem");
        TestEgsUnit unit = new TestEgsUnit("TST-886431145-399999999900003");
        GatewayCredentials production;
        try (FatooraSimulator before = FatooraSimulator.start(SimulatorSettings.defaults().persistedAt(caFile))) {
            production = TestGateways.onboard(TestGateways.client(before), unit);
        }
        try (FatooraSimulator after = FatooraSimulator.start(SimulatorSettings.defaults().persistedAt(caFile))) {
            FatooraClient client = TestGateways.client(after);
            assertThat(accepted(client.report(production,
                    TestEgsUnit.submission(unit.next(DocumentKind.SIMPLIFIED_INVOICE, production.certificate()))))
                    .reportingStatus()).isEqualTo("REPORTED");
        }
        try (FatooraSimulator otherCa = FatooraSimulator.start(SimulatorSettings.defaults())) {
            assertThat(TestGateways.client(otherCa).report(production,
                    TestEgsUnit.submission(unit.next(DocumentKind.SIMPLIFIED_INVOICE, production.certificate()))))
                    .isInstanceOf(FatooraOutcome.Unauthorized.class);
        }
    }

    @Test
    void complianceStepsPassedBeforeARestartCountAfterIt(@TempDir Path directory) throws Exception {
        Path caFile = directory.resolve("ca.pem");
        TestEgsUnit unit = new TestEgsUnit("TST-886431145-399999999900003");
        CsidResponse compliance;
        GatewayCredentials ccsid;
        try (FatooraSimulator before = FatooraSimulator.start(SimulatorSettings.defaults().persistedAt(caFile))) {
            FatooraClient client = TestGateways.client(before);
            compliance = accepted(client.requestComplianceCsid(FatooraEnvironment.SANDBOX,
                    SimulatorSettings.SANDBOX_OTP, unit.csrPem()));
            ccsid = client.credentialsFrom(compliance);
            TestGateways.checkEveryKind(client, unit, ccsid);
        }
        assertThat(directory.resolve("ca.compliance")).exists();

        try (FatooraSimulator after = FatooraSimulator.start(SimulatorSettings.defaults().persistedAt(caFile))) {
            assertThat(TestGateways.client(after).requestProductionCsid(ccsid, compliance.requestId()))
                    .isInstanceOf(FatooraOutcome.Accepted.class);
        }
        try (FatooraSimulator forgetful = FatooraSimulator.start(SimulatorSettings.defaults()
                .withCa(SimulatorCertificateAuthority.loadOrCreate(caFile)))) {
            assertThat(TestGateways.client(forgetful).requestProductionCsid(ccsid, compliance.requestId()).messages())
                    .extracting(message -> message.code()).containsExactly("Missing-ComplianceSteps");
        }
    }
}
