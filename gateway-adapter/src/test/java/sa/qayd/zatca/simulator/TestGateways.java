package sa.qayd.zatca.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import sa.qayd.zatca.SignedInvoice;
import sa.qayd.zatca.fatoora.CsidResponse;
import sa.qayd.zatca.fatoora.FatooraClient;
import sa.qayd.zatca.fatoora.FatooraClientSettings;
import sa.qayd.zatca.fatoora.FatooraEnvironment;
import sa.qayd.zatca.fatoora.FatooraOutcome;
import sa.qayd.zatca.fatoora.FatooraResponse;
import sa.qayd.zatca.fatoora.GatewayCredentials;
import sa.qayd.zatca.hash.InvoiceHash;
import sa.qayd.zatca.model.DocumentKind;

/** Clients of a running simulator and the onboarding steps most tests start with. */
public final class TestGateways {

    private TestGateways() {
    }

    public static FatooraClient client(FatooraSimulator simulator) {
        return new FatooraClient(FatooraClientSettings.defaults(FatooraEnvironment.SANDBOX)
                .withBaseUri(simulator.baseUri()));
    }

    /** Compliance CSID, the compliance checks, production CSID. */
    public static GatewayCredentials onboard(FatooraClient client, TestEgsUnit unit) {
        CsidResponse compliance = accepted(client.requestComplianceCsid(FatooraEnvironment.SANDBOX,
                SimulatorSettings.SANDBOX_OTP, unit.csrPem()));
        return passComplianceChecks(client, unit, compliance);
    }

    /** The compliance checks, then the production CSID. */
    public static GatewayCredentials passComplianceChecks(FatooraClient client, TestEgsUnit unit,
            CsidResponse complianceCsid) {
        GatewayCredentials ccsid = client.credentialsFrom(complianceCsid);
        checkEveryKind(client, unit, ccsid);
        return client.credentialsFrom(accepted(client.requestProductionCsid(ccsid, complianceCsid.requestId())));
    }

    /**
     * One accepted compliance check per document kind (the unit's CSR enables all six), samples chained among
     * themselves and outside the unit's own chain.
     */
    public static void checkEveryKind(FatooraClient client, TestEgsUnit unit, GatewayCredentials ccsid) {
        String previousHash = InvoiceHash.FIRST_PREVIOUS_HASH;
        long icv = 1;
        for (DocumentKind kind : DocumentKind.values()) {
            SignedInvoice sample = unit.issue(kind, icv++, previousHash, ccsid.certificate());
            accepted(client.checkCompliance(ccsid, TestEgsUnit.submission(sample)));
            previousHash = sample.invoiceHash();
        }
    }

    public static <T extends FatooraResponse> T accepted(FatooraOutcome<T> outcome) {
        assertThat(outcome).as("%s", outcome).isInstanceOf(FatooraOutcome.Accepted.class);
        return ((FatooraOutcome.Accepted<T>) outcome).response();
    }
}
