package sa.qayd.zatca.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sa.qayd.zatca.fatoora.CsidResponse;
import sa.qayd.zatca.fatoora.FatooraJson;
import sa.qayd.zatca.fatoora.FatooraOutcome;
import sa.qayd.zatca.fatoora.GatewayCredentials;
import sa.qayd.zatca.fatoora.FatooraEnvironment;
import sa.qayd.zatca.fatoora.InvoiceResponse;
import sa.qayd.zatca.fatoora.ValidationMessage;
import sa.qayd.zatca.model.DocumentKind;
import sa.qayd.zatca.signing.Signer;

/** The simulator's answers on the wire: status codes, ZATCA error codes, and the certificates it issues. */
class FatooraSimulatorProtocolTest {
    private static final String CSID_ISSUED_JSON = "{\"csr\":\"%s\"}";

    private final TestEgsUnit unit = new TestEgsUnit("TST-886431145-399999999900003");
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private FatooraSimulator simulator;

    @BeforeEach
    void start() throws IOException {
        simulator = FatooraSimulator.start(SimulatorSettings.defaults());
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void listensOnLoopbackUnderTheDeveloperPortalPath() {
        assertThat(simulator.baseUri().getHost()).isEqualTo("127.0.0.1");
        assertThat(simulator.baseUri().getPath()).isEqualTo("/e-invoicing/developer-portal");
    }

    @Test
    void withoutAcceptVersionV2TheAnswerIs406() throws Exception {
        HttpResponse<String> v1 = send("POST", "/compliance", Map.of("Accept-Version", "V1", "OTP", "123345"),
                csrBody(unit.csrPem()));

        assertThat(v1.statusCode()).isEqualTo(406);
    }

    @Test
    void csidCallsAnswerZatcasErrorCodes() throws Exception {
        assertThat(csidErrorCode(Map.of(), csrBody(unit.csrPem()))).isEqualTo("Missing-OTP");
        assertThat(csidErrorCode(Map.of("OTP", "111111"), csrBody(unit.csrPem()))).isEqualTo("Invalid-OTP");
        assertThat(csidErrorCode(Map.of("OTP", "123345"), "{}")).isEqualTo("Missing-CSR");
        assertThat(csidErrorCode(Map.of("OTP", "123345"), csrBody("-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n"
                + "-----END CERTIFICATE REQUEST-----\n"))).isEqualTo("Invalid-CSR");
    }

    @Test
    void issuesRealCertificatesEchoingTheCsr() throws Exception {
        HttpResponse<String> response = send("POST", "/compliance", Map.of("OTP", "123345"), csrBody(unit.csrPem()));
        assertThat(response.statusCode()).isEqualTo(200);
        CsidResponse issued = FatooraJson.read(response.body().getBytes(StandardCharsets.UTF_8), CsidResponse.class);

        // binarySecurityToken is base64 of the base64 DER certificate, exactly as ZATCA returns it
        String body = new String(Base64.getDecoder().decode(issued.binarySecurityToken()), StandardCharsets.US_ASCII);
        X509Certificate certificate = new GatewayCredentials(FatooraEnvironment.SANDBOX,
                issued.binarySecurityToken(), issued.secret()).certificate();
        assertThat(Base64.getEncoder().encodeToString(certificate.getEncoded())).isEqualTo(body);
        assertThat(response.body()).contains("\"requestID\":" + issued.requestId());
        assertThat(issued.dispositionMessage()).isEqualTo("ISSUED");
        assertThat(issued.tokenType()).isEqualTo(CsidResponse.X509_TOKEN_TYPE);
        assertThat(issued.secret()).isNotBlank();

        certificate.verify(simulator.caCertificate().getPublicKey(), Signer.BC);
        JcaX509CertificateHolder holder = new JcaX509CertificateHolder(certificate);
        assertThat(holder.getSubject()).isEqualTo(new X500Name(
                "C=SA, OU=Riyadh Branch, O=Qayd Test Trading LLC, CN=TST-886431145-399999999900003"));
        X500Name sanDirectory = (X500Name) GeneralNames.getInstance(
                holder.getExtension(Extension.subjectAlternativeName).getParsedValue()).getNames()[0].getName();
        assertThat(sanDirectory.toString()).contains("UID=" + TestEgsUnit.VAT_NUMBER, "T=1100",
                "BusinessCategory=Supply activities", "1-Qayd|2-1.0|3-");
        assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.3", "1.3.6.1.5.5.7.3.2");
        assertThat(certificate.getKeyUsage()[0]).as("digitalSignature").isTrue();
        assertThat(Duration.between(certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant()))
                .isEqualTo(Duration.ofDays(365));
        assertThat(certificate.getSerialNumber()).isPositive().isNotEqualTo(BigInteger.ONE);
    }

    @Test
    void productionCsidNeedsEveryComplianceStepOfTheTitleAndLastsFiveYears() throws Exception {
        var client = TestGateways.client(simulator);
        CsidResponse compliance = TestGateways.accepted(client.requestComplianceCsid(FatooraEnvironment.SANDBOX,
                SimulatorSettings.SANDBOX_OTP, unit.csrPem()));
        GatewayCredentials ccsid = client.credentialsFrom(compliance);
        TestGateways.accepted(client.checkCompliance(ccsid,
                TestEgsUnit.submission(unit.next(DocumentKind.SIMPLIFIED_INVOICE, ccsid.certificate()))));

        FatooraOutcome<CsidResponse> tooEarly = client.requestProductionCsid(ccsid, compliance.requestId());

        assertThat(tooEarly).isInstanceOf(FatooraOutcome.Rejected.class);
        assertThat(tooEarly.messages()).singleElement().satisfies(message -> {
            assertThat(message.code()).isEqualTo("Missing-ComplianceSteps");
            assertThat(message.message()).endsWith("[simplified-credit-note-compliant,simplified-debit-note-compliant,"
                    + "standard-compliant,standard-credit-note-compliant,standard-debit-note-compliant]");
        });
        X509Certificate production = TestGateways.passComplianceChecks(client, unit, compliance).certificate();
        assertThat(Duration.between(production.getNotBefore().toInstant(), production.getNotAfter().toInstant()))
                .isEqualTo(Duration.ofDays(5 * 365));
        assertThat(production.getSubjectX500Principal()).isEqualTo(ccsid.certificate().getSubjectX500Principal());
    }

    @Test
    void aComplianceCsidCannotReportAndAProductionCsidCannotCheckCompliance() {
        var client = TestGateways.client(simulator);
        GatewayCredentials ccsid = client.credentialsFrom(TestGateways.accepted(client.requestComplianceCsid(
                FatooraEnvironment.SANDBOX, SimulatorSettings.SANDBOX_OTP, unit.csrPem())));

        assertThat(client.report(ccsid,
                TestEgsUnit.submission(unit.next(DocumentKind.SIMPLIFIED_INVOICE, ccsid.certificate()))))
                .isInstanceOf(FatooraOutcome.Unauthorized.class);
    }

    @Test
    void rejectsDocumentsOnTheWrongEndpointOrNotSignedByTheCallersCsid() {
        var client = TestGateways.client(simulator);
        GatewayCredentials pcsid = TestGateways.onboard(client, unit);
        TestEgsUnit otherUnit = new TestEgsUnit("TST-886431145-399999999900099");
        GatewayCredentials otherPcsid = TestGateways.onboard(client, otherUnit);

        assertThat(errorCodes(client.report(pcsid,
                TestEgsUnit.submission(unit.next(DocumentKind.STANDARD_INVOICE, pcsid.certificate())))))
                .containsExactly("invalid-invoice-type");
        assertThat(errorCodes(client.report(pcsid,
                TestEgsUnit.submission(otherUnit.next(DocumentKind.SIMPLIFIED_INVOICE, otherPcsid.certificate())))))
                .containsExactly("certificate-mismatch");
        assertThat(errorCodes(client.report(pcsid,
                TestEgsUnit.submission(otherUnit.next(DocumentKind.SIMPLIFIED_INVOICE, pcsid.certificate())))))
                .containsExactly("signature-invalid");
    }

    @Test
    void complianceChecksAnswerTheStatusOfTheDocumentKind() {
        var client = TestGateways.client(simulator);
        GatewayCredentials ccsid = client.credentialsFrom(TestGateways.accepted(client.requestComplianceCsid(
                FatooraEnvironment.SANDBOX, SimulatorSettings.SANDBOX_OTP, unit.csrPem())));

        for (DocumentKind kind : DocumentKind.values()) {
            InvoiceResponse response = TestGateways.accepted(client.checkCompliance(ccsid,
                    TestEgsUnit.submission(unit.next(kind, ccsid.certificate()))));
            if (kind.simplified()) {
                assertThat(response.reportingStatus()).as(kind.name()).isEqualTo("REPORTED");
                assertThat(response.clearanceStatus()).as(kind.name()).isNull();
            } else {
                assertThat(response.clearanceStatus()).as(kind.name()).isEqualTo("CLEARED");
                assertThat(response.reportingStatus()).as(kind.name()).isNull();
            }
        }
    }

    @Test
    void faultsCanBeSetOverHttpForStandaloneRuns() throws Exception {
        URI control = URI.create("http://127.0.0.1:" + simulator.baseUri().getPort() + "/simulator/faults");
        HttpResponse<String> set = http.send(HttpRequest.newBuilder(URI.create(control + "?status=503&calls=1"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(set.statusCode()).isEqualTo(204);

        assertThat(send("POST", "/compliance", Map.of("OTP", "123345"), csrBody(unit.csrPem())).statusCode())
                .isEqualTo(503);
        assertThat(send("POST", "/compliance", Map.of("OTP", "123345"), csrBody(unit.csrPem())).statusCode())
                .isEqualTo(200);

        http.send(HttpRequest.newBuilder(URI.create(control + "?drop=true&calls=5"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> cleared = http.send(HttpRequest.newBuilder(control).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(cleared.statusCode()).isEqualTo(204);
        assertThat(send("POST", "/compliance", Map.of("OTP", "123345"), csrBody(unit.csrPem())).statusCode())
                .isEqualTo(200);
    }

    private static List<String> errorCodes(FatooraOutcome<InvoiceResponse> outcome) {
        assertThat(outcome).isInstanceOf(FatooraOutcome.Rejected.class);
        return ((FatooraOutcome.Rejected<InvoiceResponse>) outcome).response().validationResults().errorMessages()
                .stream().map(ValidationMessage::code).toList();
    }

    private String csidErrorCode(Map<String, String> headers, String body) throws Exception {
        HttpResponse<String> response = send("POST", "/compliance", headers, body);
        assertThat(response.statusCode()).isEqualTo(400);
        return FatooraJson.read(response.body().getBytes(StandardCharsets.UTF_8), CsidResponse.class)
                .errors().get(0).code();
    }

    private static String csrBody(String pem) {
        return CSID_ISSUED_JSON.formatted(Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII)));
    }

    private HttpResponse<String> send(String method, String path, Map<String, String> headers, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(simulator.baseUri() + path))
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (!headers.containsKey("Accept-Version")) {
            request.header("Accept-Version", "V2");
        }
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
