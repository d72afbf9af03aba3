package sa.qayd.zatca.fatoora;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import sa.qayd.zatca.fatoora.ReplayServer.Canned;
import sa.qayd.zatca.sdk.SdkIdentity;

/**
 * The client against answers ZATCA's gateways gave other integrators (see {@link RecordedAnswers} for the sources),
 * replayed verbatim by a loopback server: each reaches the caller typed, with ZATCA's reason.
 */
class FatooraClientRecordedAnswersTest {
    private static final Instant NOW = Instant.parse("2025-05-01T09:00:00Z");
    private static final RetryPolicy TWO_QUICK_ATTEMPTS = new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(20));
    private static final InvoiceSubmission DOCUMENT = new InvoiceSubmission(
            "Hss2gNFjBY5OJn/5CEVZSSNUMrSf4QlCMxwsioPN6fA=", "8e6000cf-1a98-4174-b3e7-b5d5954bc10d",
            Base64.getEncoder().encodeToString("<Invoice/>".getBytes(StandardCharsets.UTF_8)));

    private final ReplayServer gateway = ReplayServer.start();
    private final FatooraClient client = new FatooraClient(FatooraClientSettings.defaults(FatooraEnvironment.SIMULATION)
            .withBaseUri(gateway.baseUri()).withRetry(TWO_QUICK_ATTEMPTS),
            CircuitBreakerRegistry.ofDefaults(), Clock.fixed(NOW, ZoneOffset.UTC), FatooraCallListener.NONE);
    private final GatewayCredentials pcsid = new GatewayCredentials(FatooraEnvironment.SIMULATION,
            SdkIdentity.binarySecurityToken(), SdkIdentity.SECRET);

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void reportedIsAcceptedAndCarriesZatcasHeaders() {
        gateway.answer(FatooraEndpoint.REPORTING, RecordedAnswers.REPORTED);

        FatooraOutcome<InvoiceResponse> outcome = client.report(pcsid, DOCUMENT);

        assertThat(outcome).isInstanceOf(FatooraOutcome.Accepted.class);
        assertThat(outcome.isRecorded()).isTrue();
        assertThat(outcome.isTransient()).isFalse();
        assertThat(outcome.messages()).isEmpty();
        ReplayServer.Received call = gateway.received().get(0);
        assertThat(call.header("Accept-Version")).isEqualTo("V2");
        assertThat(call.header("Clearance-Status")).isEqualTo("0");
        assertThat(call.header("Authorization")).isEqualTo(pcsid.basicAuthorization());
    }

    @Test
    void reportedWithWarningsKeepsTheWarnings() {
        gateway.answer(FatooraEndpoint.REPORTING, RecordedAnswers.REPORTED_WITH_WARNING);

        FatooraOutcome<InvoiceResponse> outcome = client.report(pcsid, DOCUMENT);

        assertThat(outcome).isInstanceOf(FatooraOutcome.AcceptedWithWarnings.class);
        assertThat(outcome.isRecorded()).isTrue();
        assertThat(outcome.messages()).singleElement().satisfies(message -> {
            assertThat(message.code()).isEqualTo("invalid-signing-certificate");
            assertThat(message.category()).isEqualTo("CERTIFICATE_ERRORS");
            assertThat(message.type()).isEqualTo("WARNING");
        });
    }

    @Test
    void notReportedIsRejectedWithZatcasErrors() {
        gateway.answer(FatooraEndpoint.REPORTING, RecordedAnswers.NOT_REPORTED);

        FatooraOutcome<InvoiceResponse> outcome = client.report(pcsid, DOCUMENT);

        assertThat(outcome).asInstanceOf(type(FatooraOutcome.Rejected.class))
                .satisfies(rejected -> assertThat(((InvoiceResponse) rejected.response()).reportingStatus())
                        .isEqualTo("NOT_REPORTED"));
        assertThat(outcome.messages()).extracting(ValidationMessage::code)
                .containsExactly("invalid-invoice-hash", "invoiceHash_QRCODE_INVALID");
        assertThat(outcome.isRecorded()).isFalse();
        assertThat(outcome.isTransient()).isFalse();
        assertThat(gateway.received()).hasSize(1);
    }

    @Test
    void alreadyReportedIsRecordedButDistinctFromAFirstAcceptance() {
        for (Canned duplicate : List.of(RecordedAnswers.ALREADY_REPORTED, RecordedAnswers.ALREADY_REPORTED_SWAGGER,
                RecordedAnswers.ALREADY_REPORTED_WITHOUT_BODY)) {
            gateway.answer(FatooraEndpoint.REPORTING, duplicate);

            FatooraOutcome<InvoiceResponse> outcome = client.report(pcsid, DOCUMENT);

            assertThat(outcome).isInstanceOf(FatooraOutcome.AlreadyRecorded.class);
            assertThat(((FatooraOutcome.AlreadyRecorded<InvoiceResponse>) outcome).status()).isEqualTo(409);
            assertThat(outcome.isRecorded()).isTrue();
            assertThat(outcome.isTransient()).isFalse();
        }
        assertThat(gateway.received()).as("never retried").hasSize(3);
    }

    @Test
    void alreadyReportedCarriesZatcasMessage() {
        gateway.answer(FatooraEndpoint.REPORTING, RecordedAnswers.ALREADY_REPORTED);

        assertThat(client.report(pcsid, DOCUMENT).messages()).singleElement().satisfies(message -> {
            assertThat(message.category()).isEqualTo("Duplicate-Invoice");
            assertThat(message.message()).isEqualTo("Invoice was already reported successfully earlier.");
        });
    }

    @Test
    void reportedSuccessfullyEarlierIsAlreadyRecordedWhateverTheStatus() {
        gateway.answer(FatooraEndpoint.REPORTING, Canned.json(409, RecordedAnswers.REPORTED_SUCCESSFULLY_EARLIER));
        assertThat(client.report(pcsid, DOCUMENT)).isInstanceOf(FatooraOutcome.AlreadyRecorded.class);

        gateway.answer(FatooraEndpoint.REPORTING, Canned.json(200, RecordedAnswers.REPORTED_SUCCESSFULLY_EARLIER));
        assertThat(client.report(pcsid, DOCUMENT)).isInstanceOf(FatooraOutcome.AlreadyRecorded.class);
    }

    @Test
    void clearedCarriesTheClearedInvoice() {
        gateway.answer(FatooraEndpoint.CLEARANCE, RecordedAnswers.CLEARED);

        FatooraOutcome<InvoiceResponse> outcome = client.clear(pcsid, DOCUMENT);

        assertThat(outcome).isInstanceOf(FatooraOutcome.Accepted.class);
        assertThat(((FatooraOutcome.Accepted<InvoiceResponse>) outcome).response().clearedInvoiceXml())
                .hasValueSatisfying(xml -> assertThat(new String(xml, StandardCharsets.UTF_8))
                        .isEqualTo(RecordedAnswers.CLEARED_XML));
        assertThat(gateway.received().get(0).header("Clearance-Status")).isEqualTo("1");
    }

    @Test
    void alreadyClearedIsRecordedWithTheClearedInvoice() {
        gateway.answer(FatooraEndpoint.CLEARANCE, RecordedAnswers.ALREADY_CLEARED);

        FatooraOutcome<InvoiceResponse> outcome = client.clear(pcsid, DOCUMENT);

        assertThat(outcome).asInstanceOf(type(FatooraOutcome.AlreadyRecorded.class)).satisfies(already -> {
            assertThat(already.status()).isEqualTo(208);
            assertThat(already.clearedInvoiceXml()).hasValueSatisfying(xml ->
                    assertThat(new String((byte[]) xml, StandardCharsets.UTF_8)).isEqualTo(RecordedAnswers.CLEARED_XML));
        });
        assertThat(outcome.messages()).extracting(ValidationMessage::code).containsExactly("Invoice-Warning");
    }

    @Test
    void notClearedIsRejected() {
        gateway.answer(FatooraEndpoint.COMPLIANCE_INVOICE_CHECK, RecordedAnswers.NOT_CLEARED);

        FatooraOutcome<InvoiceResponse> outcome = client.checkCompliance(pcsid, DOCUMENT);

        assertThat(outcome).isInstanceOf(FatooraOutcome.Rejected.class);
        assertThat(outcome.messages()).extracting(ValidationMessage::code).containsExactly("BR-CO-15", "BR-CO-14");
    }

    @Test
    void aTwoHundredThatDoesNotSayClearedIsNotSuccess() {
        gateway.answer(FatooraEndpoint.CLEARANCE, RecordedAnswers.CLEARANCE_WITHOUT_CLEARED);

        FatooraOutcome<InvoiceResponse> outcome = client.clear(pcsid, DOCUMENT);

        assertThat(outcome).isInstanceOf(FatooraOutcome.Rejected.class);
        assertThat(outcome.isRecorded()).isFalse();
        assertThat(outcome.messages()).singleElement().satisfies(message -> {
            assertThat(message.code()).isEqualTo("HTTP-200");
            assertThat(message.message()).contains("without success");
        });
    }

    @Test
    void clearanceSwitchedOffSaysWhereToGo() {
        gateway.answer(FatooraEndpoint.CLEARANCE, RecordedAnswers.CLEARANCE_SWITCHED_OFF);

        FatooraOutcome<InvoiceResponse> outcome = client.clear(pcsid, DOCUMENT);

        assertThat(outcome).isInstanceOf(FatooraOutcome.ClearanceSwitchedOff.class);
        assertThat(outcome.messages()).singleElement()
                .satisfies(message -> assertThat(message.message()).contains("/invoices/reporting/single"));
    }

    @Test
    void issuedComplianceCsidGivesCredentials() {
        gateway.answer(FatooraEndpoint.COMPLIANCE_CSID, RecordedAnswers.COMPLIANCE_CSID_ISSUED);

        FatooraOutcome<CsidResponse> outcome = client.requestComplianceCsid(FatooraEnvironment.SIMULATION, "123345",
                "-----BEGIN CERTIFICATE REQUEST-----\n-----END CERTIFICATE REQUEST-----\n");

        assertThat(outcome).isInstanceOf(FatooraOutcome.Accepted.class);
        CsidResponse issued = ((FatooraOutcome.Accepted<CsidResponse>) outcome).response();
        assertThat(issued.requestId()).isEqualTo(1234567890123L);
        assertThat(client.credentialsFrom(issued).certificate()).isEqualTo(SdkIdentity.certificate());
        assertThat(gateway.received().get(0).header("OTP")).isEqualTo("123345");
    }

    @Test
    void developerPortalProductionCsidIsTheSdkCertificate() {
        gateway.answer(FatooraEndpoint.PRODUCTION_CSID, RecordedAnswers.DEVELOPER_PORTAL_PRODUCTION_CSID);

        FatooraOutcome<CsidResponse> outcome = client.requestProductionCsid(pcsid, 1234567890123L);

        CsidResponse issued = ((FatooraOutcome.Accepted<CsidResponse>) outcome).response();
        assertThat(issued.requestId()).isEqualTo(SdkIdentity.PRODUCTION_REQUEST_ID);
        assertThat(SdkIdentity.isSdkCertificate(client.credentialsFrom(issued).certificate())).isTrue();
        assertThat(issued.secret()).isEqualTo(SdkIdentity.SECRET);
    }

    @Test
    void renewalAnsweredWith428CarriesTheRenewedComplianceCsid() {
        gateway.answer(FatooraEndpoint.PRODUCTION_CSID_RENEWAL, RecordedAnswers.RENEWED_PENDING_COMPLIANCE);

        FatooraOutcome<CsidResponse> outcome = client.renewProductionCsid(pcsid, "654321",
                "-----BEGIN CERTIFICATE REQUEST-----\n-----END CERTIFICATE REQUEST-----\n");

        assertThat(outcome).isInstanceOf(FatooraOutcome.RenewalPendingCompliance.class);
        CsidResponse renewed = ((FatooraOutcome.RenewalPendingCompliance<CsidResponse>) outcome).complianceCsid();
        assertThat(renewed.requestId()).isEqualTo(1730365866069L);
        assertThat(renewed.dispositionMessage()).isEqualTo("NOT_COMPLIANT");
        assertThat(client.credentialsFrom(renewed).secret()).isEqualTo("renewed-compliance-secret");
        assertThat(outcome.isRecorded()).isFalse();
        assertThat(outcome.isTransient()).isFalse();
        ReplayServer.Received call = gateway.received().get(0);
        assertThat(call.method()).isEqualTo("PATCH");
        assertThat(call.header("OTP")).isEqualTo("654321");
    }

    @Test
    void csidErrorsInEveryShapeReachTheCaller() {
        assertThat(complianceCsidMessages(RecordedAnswers.CSID_ERRORS_AS_STRINGS)).singleElement().satisfies(message -> {
            assertThat(message.code()).isNull();
            assertThat(message.message()).isEqualTo("Invoice type is …");
        });
        assertThat(complianceCsidMessages(RecordedAnswers.CSID_DENIED_BY_POLICY)).singleElement()
                .satisfies(message -> assertThat(message.message()).contains("Denied by Policy Module"));
        assertThat(complianceCsidMessages(RecordedAnswers.ERROR_CODE_SHAPE)).singleElement().satisfies(message -> {
            assertThat(message.code()).isEqualTo("Invalid-CSR");
            assertThat(message.category()).isEqualTo("CSR");
            assertThat(message.message()).isEqualTo("The provided CSR is invalid");
        });
    }

    @Test
    void missingComplianceStepsComesAsABareCodeAndMessage() {
        gateway.answer(FatooraEndpoint.PRODUCTION_CSID, RecordedAnswers.MISSING_COMPLIANCE_STEPS);

        FatooraOutcome<CsidResponse> outcome = client.requestProductionCsid(pcsid, 1234567890123L);

        assertThat(outcome).isInstanceOf(FatooraOutcome.Rejected.class);
        assertThat(outcome.messages()).singleElement().satisfies(message -> {
            assertThat(message.code()).isEqualTo("Missing-ComplianceSteps");
            assertThat(message.message()).contains("seller-qr-code-compliant");
        });
        assertThat(((FatooraOutcome.Rejected<CsidResponse>) outcome).response().errors())
                .extracting(GatewayError::code).containsExactly("Missing-ComplianceSteps");
    }

    @Test
    void invalidOtpIsRecognisedOnTheComplianceCsidAndOnRenewal() {
        gateway.answer(FatooraEndpoint.COMPLIANCE_CSID, RecordedAnswers.INVALID_OTP)
                .answer(FatooraEndpoint.PRODUCTION_CSID_RENEWAL, RecordedAnswers.INVALID_OTP);

        FatooraOutcome<CsidResponse> onboarding = client.requestComplianceCsid(FatooraEnvironment.SIMULATION, "111111",
                "csr");
        FatooraOutcome<CsidResponse> renewal = client.renewProductionCsid(pcsid, "111111", "csr");

        for (FatooraOutcome<CsidResponse> outcome : List.of(onboarding, renewal)) {
            assertThat(outcome).isInstanceOf(FatooraOutcome.InvalidOtp.class);
            assertThat(outcome.messages()).extracting(ValidationMessage::code).containsExactly("Invalid-OTP");
            assertThat(outcome.isTransient()).isFalse();
        }
    }

    @Test
    void infoMessagesAsAnObjectStillRead() {
        gateway.answer(FatooraEndpoint.REPORTING, RecordedAnswers.INFO_MESSAGES_AS_OBJECT);

        FatooraOutcome<InvoiceResponse> outcome = client.report(pcsid, DOCUMENT);

        assertThat(outcome).isInstanceOf(FatooraOutcome.Accepted.class);
        assertThat(((FatooraOutcome.Accepted<InvoiceResponse>) outcome).response().validationResults().infoMessages())
                .extracting(ValidationMessage::code).containsExactly("XSD_ZATCA_VALID");
    }

    @Test
    void unauthorizedIsPermanentWithZatcasWords() {
        gateway.answer(FatooraEndpoint.REPORTING, RecordedAnswers.UNAUTHORIZED);

        FatooraOutcome<InvoiceResponse> outcome = client.report(pcsid, DOCUMENT);

        assertThat(outcome).isInstanceOf(FatooraOutcome.Unauthorized.class);
        assertThat(outcome.isTransient()).isFalse();
        assertThat(outcome.messages()).singleElement()
                .satisfies(message -> assertThat(message.message()).isEqualTo("Unauthorized"));
    }

    @Test
    void plainTextAnswersBecomeMessages() {
        gateway.answer(FatooraEndpoint.REPORTING, RecordedAnswers.VERSION_NOT_SUPPORTED);

        FatooraOutcome<InvoiceResponse> outcome = client.report(pcsid, DOCUMENT);

        assertThat(outcome).isEqualTo(new FatooraOutcome.OtherStatus<InvoiceResponse>(406, List.of(
                ValidationMessage.error("HTTP-406", "HTTP", "This Version is not supported or not provided in the header."))));
        assertThat(outcome.isTransient()).isFalse();
    }

    @Test
    void anHtmlFourHundredIsNotZatcasVerdict() {
        gateway.answer(FatooraEndpoint.REPORTING, Canned.text(400, "text/html",
                "<html><head><title>400 Bad Request</title></head><body><h1>Bad Request</h1></body></html>"));

        FatooraOutcome<InvoiceResponse> outcome = client.report(pcsid, DOCUMENT);

        assertThat(outcome).isInstanceOf(FatooraOutcome.OtherStatus.class);
        assertThat(outcome.messages()).singleElement()
                .satisfies(message -> assertThat(message.message()).isEqualTo("400 Bad Request Bad Request"));
    }

    @Test
    void serverErrorsAreRetriedThenTransientWithZatcasMessage() {
        gateway.answer(FatooraEndpoint.REPORTING, RecordedAnswers.SERVER_ERROR);

        FatooraOutcome<InvoiceResponse> outcome = client.report(pcsid, DOCUMENT);

        assertThat(outcome).asInstanceOf(type(FatooraOutcome.GatewayUnavailable.class))
                .satisfies(unavailable -> assertThat(unavailable.reason()).isEqualTo("HTTP 500 after 2 attempts"));
        assertThat(outcome.isTransient()).isTrue();
        assertThat(outcome.messages()).singleElement().satisfies(message -> {
            assertThat(message.code()).isEqualTo("500");
            assertThat(message.category()).isEqualTo("HTTP-Errors");
        });
        assertThat(gateway.received()).hasSize(2);
    }

    @Test
    void aProxyPageIsTransientWithItsText() {
        gateway.answer(FatooraEndpoint.CLEARANCE, RecordedAnswers.PROXY_BAD_GATEWAY);

        FatooraOutcome<InvoiceResponse> outcome = client.clear(pcsid, DOCUMENT);

        assertThat(outcome).isInstanceOf(FatooraOutcome.GatewayUnavailable.class);
        assertThat(outcome.messages()).singleElement()
                .satisfies(message -> assertThat(message.message()).isEqualTo("502 Bad Gateway 502 Bad Gateway nginx"));
    }

    @Test
    void throttlingIsNotRetriedAndCarriesRetryAfterInSecondsOrAsADate() {
        gateway.answer(FatooraEndpoint.REPORTING, Canned.text(429, "text/plain", "Too Many Requests")
                .withHeader("Retry-After", "7"));
        assertThat(client.report(pcsid, DOCUMENT)).asInstanceOf(type(FatooraOutcome.Throttled.class))
                .satisfies(throttled -> assertThat(throttled.retryAfter()).contains(Duration.ofSeconds(7)));
        assertThat(gateway.received()).hasSize(1);

        gateway.answer(FatooraEndpoint.REPORTING, Canned.text(429, "text/plain", "Too Many Requests")
                .withHeader("Retry-After", "Thu, 01 May 2025 09:01:30 GMT"));
        FatooraOutcome<InvoiceResponse> dated = client.report(pcsid, DOCUMENT);
        assertThat(dated).asInstanceOf(type(FatooraOutcome.Throttled.class))
                .satisfies(throttled -> assertThat(throttled.retryAfter()).contains(Duration.ofSeconds(90)));
        assertThat(dated.isTransient()).isTrue();

        gateway.answer(FatooraEndpoint.REPORTING, Canned.text(429, "text/plain", "Too Many Requests"));
        assertThat(client.report(pcsid, DOCUMENT)).asInstanceOf(type(FatooraOutcome.Throttled.class))
                .satisfies(throttled -> assertThat(throttled.retryAfter()).isEmpty());
    }

    @Test
    void anUnreadableTwoHundredIsTransientNotAnException() {
        gateway.answer(FatooraEndpoint.REPORTING, Canned.text(200, "text/html", "<html>maintenance</html>"));

        FatooraOutcome<InvoiceResponse> outcome = client.report(pcsid, DOCUMENT);

        assertThat(outcome).isInstanceOf(FatooraOutcome.GatewayUnavailable.class);
        assertThat(outcome.messages()).extracting(ValidationMessage::message).containsExactly("maintenance");
    }

    @Test
    void tooLargeIsPermanent() {
        gateway.answer(FatooraEndpoint.REPORTING, Canned.text(413, "text/plain", ""));

        FatooraOutcome<InvoiceResponse> outcome = client.report(pcsid, DOCUMENT);

        assertThat(outcome).isEqualTo(new FatooraOutcome.OtherStatus<InvoiceResponse>(413,
                List.of(ValidationMessage.error("HTTP-413", "HTTP", "HTTP 413 without a body"))));
    }

    private List<ValidationMessage> complianceCsidMessages(Canned answer) {
        gateway.answer(FatooraEndpoint.COMPLIANCE_CSID, answer);
        FatooraOutcome<CsidResponse> outcome = client.requestComplianceCsid(FatooraEnvironment.SIMULATION, "123345",
                "csr");
        assertThat(outcome).isInstanceOf(FatooraOutcome.Rejected.class);
        return outcome.messages();
    }
}
