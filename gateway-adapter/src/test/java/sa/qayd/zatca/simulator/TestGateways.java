package sa.qayd.zatca.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import sa.qayd.zatca.fatoora.CsidResponse;
import sa.qayd.zatca.fatoora.FatooraClient;
import sa.qayd.zatca.fatoora.FatooraClientSettings;
import sa.qayd.zatca.fatoora.FatooraEnvironment;
import sa.qayd.zatca.fatoora.FatooraOutcome;
import sa.qayd.zatca.fatoora.FatooraResponse;
import sa.qayd.zatca.fatoora.GatewayCredentials;
import sa.qayd.zatca.model.DocumentKind;

/** Clients of a running simulator and the onboarding steps most tests start with. */
public final class TestGateways {

    private TestGateways() {
    }

    public static FatooraClient client(FatooraSimulator simulator) {
        return new FatooraClient(FatooraClientSettings.defaults(FatooraEnvironment.SANDBOX)
                .withBaseUri(simulator.baseUri()));
    }

    /** Compliance CSID, one passed compliance check, production CSID. */
    public static GatewayCredentials onboard(FatooraClient client, TestEgsUnit unit) {
        CsidResponse compliance = accepted(client.requestComplianceCsid(FatooraEnvironment.SANDBOX,
                SimulatorSettings.SANDBOX_OTP, unit.csrPem()));
        GatewayCredentials ccsid = client.credentialsFrom(compliance);
        accepted(client.checkCompliance(ccsid,
                TestEgsUnit.submission(unit.next(DocumentKind.SIMPLIFIED_INVOICE, ccsid.certificate()))));
        return client.credentialsFrom(accepted(client.requestProductionCsid(ccsid, compliance.requestId())));
    }

    public static <T extends FatooraResponse> T accepted(FatooraOutcome<T> outcome) {
        assertThat(outcome).isInstanceOf(FatooraOutcome.Accepted.class);
        return ((FatooraOutcome.Accepted<T>) outcome).response();
    }
}
