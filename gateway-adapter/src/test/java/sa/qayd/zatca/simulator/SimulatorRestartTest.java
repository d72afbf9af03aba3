package sa.qayd.zatca.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static sa.qayd.zatca.simulator.TestGateways.accepted;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sa.qayd.zatca.fatoora.FatooraClient;
import sa.qayd.zatca.fatoora.FatooraOutcome;
import sa.qayd.zatca.fatoora.GatewayCredentials;
import sa.qayd.zatca.model.DocumentKind;

/** Units onboarded before a restart keep working after it, as long as the CA file is the same. */
class SimulatorRestartTest {

    @Test
    void aRestartedSimulatorHonoursTheCsidsItIssued(@TempDir Path directory) throws Exception {
        Path caFile = directory.resolve("ca.pem");
        TestEgsUnit unit = new TestEgsUnit("TST-886431145-399999999900003");
        GatewayCredentials production;
        try (FatooraSimulator before = FatooraSimulator.start(
                SimulatorSettings.defaults().withCa(SimulatorCertificateAuthority.loadOrCreate(caFile)))) {
            production = TestGateways.onboard(TestGateways.client(before), unit);
        }
        try (FatooraSimulator after = FatooraSimulator.start(
                SimulatorSettings.defaults().withCa(SimulatorCertificateAuthority.loadOrCreate(caFile)))) {
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
}
