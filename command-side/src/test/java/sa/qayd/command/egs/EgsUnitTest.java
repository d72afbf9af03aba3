package sa.qayd.command.egs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.messageWithPayload;
import static sa.qayd.command.Fixtures.refusal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Matcher;
import org.hamcrest.CustomTypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sa.qayd.api.Address;
import sa.qayd.api.Caller;
import sa.qayd.api.Environment;
import sa.qayd.api.ErrorCode;
import sa.qayd.api.ZatcaMessage;
import sa.qayd.api.egs.AskForNewOtpCommand;
import sa.qayd.api.egs.ComplianceChecksPassedEvent;
import sa.qayd.api.egs.ComplianceCsidIssuedEvent;
import sa.qayd.api.egs.EgsCertificateRenewalFailedEvent;
import sa.qayd.api.egs.EgsCertificateRenewalRequestedEvent;
import sa.qayd.api.egs.EgsCertificateRenewedEvent;
import sa.qayd.api.egs.EgsIdentity;
import sa.qayd.api.egs.EgsOnboardingFailedEvent;
import sa.qayd.api.egs.EgsOnboardingRestartedEvent;
import sa.qayd.api.egs.EgsUnitOnboardedEvent;
import sa.qayd.api.egs.EgsUnitRegisteredEvent;
import sa.qayd.api.egs.InvoiceSequencedEvent;
import sa.qayd.api.egs.InvoiceTypes;
import sa.qayd.api.egs.IssuedCertificate;
import sa.qayd.api.egs.RecordComplianceChecksCommand;
import sa.qayd.api.egs.RecordComplianceCsidCommand;
import sa.qayd.api.egs.RecordProductionCsidCommand;
import sa.qayd.api.egs.RecordZatcaRefusalCommand;
import sa.qayd.api.egs.RenewEgsCertificateCommand;
import sa.qayd.api.egs.RestartEgsOnboardingCommand;
import sa.qayd.api.invoice.DocumentType;
import sa.qayd.api.invoice.InvoiceDraft;
import sa.qayd.api.invoice.InvoiceIssuedEvent;
import sa.qayd.api.invoice.InvoiceKind;
import sa.qayd.api.invoice.InvoiceLineDraft;
import sa.qayd.api.invoice.InvoiceReceipt;
import sa.qayd.api.invoice.InvoicePreview;
import sa.qayd.api.invoice.IssueInvoiceCommand;
import sa.qayd.api.invoice.PreviewInvoiceCommand;
import sa.qayd.api.invoice.IssueInvoicesCommand;
import sa.qayd.api.invoice.IssueOutcome;
import sa.qayd.api.invoice.VatCategory;
import sa.qayd.command.Fixtures;
import sa.qayd.command.caching.LatestState;
import sa.qayd.command.TestCertificates;
import sa.qayd.command.invoice.ClaimedNumbers;
import sa.qayd.command.invoice.InvoiceSigning;
import sa.qayd.zatca.verify.InvoiceVerifier;
import sa.qayd.zatca.verify.VerificationContext;

class EgsUnitTest {
    private static final TestCertificates FIRST_KEY = TestCertificates.issue();
    private static final TestCertificates RENEWED_KEY = TestCertificates.issue();
    private static final Map<String, String> PRIVATE_KEYS = Map.of("key-1", FIRST_KEY.privateKeyPem(),
            "key-2", RENEWED_KEY.privateKeyPem());
    private static final String PREVIOUS_HASH = "NWZlY2ViNjZmZmM4NmYzOGQ5NTI3ODZjNmQ2OTZjNzljMmRiYzIzOWRkNGU5MWI0NjcyOWQ3M2EyN2ZiNTdlOQ==";
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private final Fixtures.Spawning<EgsUnit> spawning = new Fixtures.Spawning<>(EgsUnit.class);
    private final AggregateTestFixture<EgsUnit> fixture = spawning.fixture;
    private final InMemoryOneTimePasswords otps = new InMemoryOneTimePasswords();
    private final UUID unitId = UUID.randomUUID();
    private final UUID accountId = UUID.randomUUID();
    private final EgsIdentity identity = new EgsIdentity("SN-1", "Qayd", "POS", "Main", "Acme", "399999999900003",
            "1010010000", InvoiceTypes.BOTH, "RRRD2929", "Retail",
            new Address("King Fahd Rd", "1234", null, "Olaya", "Riyadh", "12345", "SA"));

    private final ClaimedNumbers numbers = new ClaimedNumbers();

    @BeforeEach
    void injectTheUnitsCollaborators() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource(otps);
        fixture.registerInjectableResource(new InvoiceSigning((unit, keyId) -> PRIVATE_KEYS.get(keyId), clock));
        fixture.registerInjectableResource(numbers);
        fixture.registerInjectableResource(new LatestState(fixture.getEventStore()));
    }

    private EgsUnitRegisteredEvent registered(InvoiceTypes types) {
        EgsIdentity typed = new EgsIdentity(identity.serialNumber(), identity.solutionName(), identity.model(),
                identity.branch(), identity.organisationName(), identity.vatNumber(),
                identity.commercialRegistrationNumber(), types, identity.location(), identity.industry(), identity.address());
        return new EgsUnitRegisteredEvent(unitId, accountId, Environment.SANDBOX, "POS 1", typed, NOW);
    }

    private EgsUnitRegisteredEvent registered() {
        return registered(InvoiceTypes.BOTH);
    }

    private static IssuedCertificate certificate(TestCertificates key) {
        return new IssuedCertificate(key.certificateBase64(), key.certificate().getSerialNumber().toString(),
                key.certificate().getNotAfter().toInstant());
    }

    private EgsUnitOnboardedEvent onboarded() {
        IssuedCertificate first = certificate(FIRST_KEY);
        return new EgsUnitOnboardedEvent(unitId, accountId, first.base64(), first.serial(), first.notAfter(), "key-1", NOW);
    }

    private EgsCertificateRenewalRequestedEvent renewalRequested() {
        return new EgsCertificateRenewalRequestedEvent(unitId, accountId, Environment.SANDBOX, identity, "key-1", NOW);
    }

    private IssueInvoiceCommand issue(UUID account, Environment environment, InvoiceKind kind) {
        return new IssueInvoiceCommand(unitId, UUID.randomUUID(), account, environment, kind, DocumentType.INVOICE, draft(null), UUID.randomUUID(), null);
    }

    private static InvoiceDraft draft(String invoiceNumber) {
        return new InvoiceDraft(invoiceNumber, LocalDate.now(), LocalTime.of(0, 0), "SAR", null,
                List.of(new InvoiceLineDraft("Tea", BigDecimal.ONE, BigDecimal.TEN, VatCategory.S, new BigDecimal("15"), null, null)),
                "10", null, null);
    }

    @Test
    void aNumberAnotherDocumentHoldsIsRefusedBeforeTheUnitTakesAnIcv() {
        UUID holder = UUID.randomUUID();
        numbers.claim(accountId, Environment.SANDBOX, "INV-7", holder, UUID.randomUUID(), 1);

        fixture.given(registered(InvoiceTypes.BOTH), onboarded())
                .when(batch(new IssueInvoiceCommand(unitId, UUID.randomUUID(), accountId, Environment.SANDBOX,
                        InvoiceKind.SIMPLIFIED, DocumentType.INVOICE, draft("INV-7"), UUID.randomUUID(), null)))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayloadMatching(refusedWith(ErrorCode.INVOICE_NUMBER_TAKEN))
                .expectNoEvents();
        assertThat(spawning.spawnedEvents()).isEmpty();
    }

    @Test
    void theDefaultNumberIsClaimedLikeAnyOther() {
        IssueInvoiceCommand command = issue(accountId, Environment.SANDBOX, InvoiceKind.SIMPLIFIED);
        fixture.given(registered(InvoiceTypes.BOTH), onboarded()).when(batch(command)).expectSuccessfulHandlerExecution();

        String defaultNumber = "INV-" + unitId.toString().substring(0, 8).toUpperCase() + "-1";
        assertThat(numbers.holder(accountId, Environment.SANDBOX, defaultNumber)).contains(command.invoiceId());
        assertThat(numbers.holder(accountId, Environment.PRODUCTION, defaultNumber)).isEmpty();
    }

    @Test
    void aPreviewOfAPendingUnitTakesNoIcvAndIsSignedWithAThrowawayKey() {
        fixture.given(registered(InvoiceTypes.BOTH), new InvoiceSequencedEvent(unitId, UUID.randomUUID(), 4, PREVIOUS_HASH))
                .when(new PreviewInvoiceCommand(unitId, accountId, Environment.SANDBOX, InvoiceKind.SIMPLIFIED,
                        DocumentType.INVOICE, draft("PREVIEW-1"), null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayloadMatching(new CustomTypeSafeMatcher<InvoicePreview>("the next document, ICV 5") {
                    @Override
                    protected boolean matchesSafely(InvoicePreview preview) {
                        byte[] xml = Base64.getDecoder().decode(preview.signedXml());
                        return preview.icv() == 5 && preview.invoiceNumber().equals("PREVIEW-1")
                                && InvoiceVerifier.verify(xml, VerificationContext.NONE.withExpectedChain(PREVIOUS_HASH, 5)).valid()
                                && new String(xml, StandardCharsets.UTF_8).contains("Qayd validation preview");
                    }
                });
        assertThat(spawning.spawnedEvents()).isEmpty();
        assertThat(numbers.holder(accountId, Environment.SANDBOX, "PREVIEW-1")).isEmpty();
    }

    private IssueInvoicesCommand batch(IssueInvoiceCommand... invoices) {
        return new IssueInvoicesCommand(unitId, List.of(invoices));
    }

    /** The outcomes of a batch: the first refused with {@code code}, and no more. */
    private static Matcher<List<IssueOutcome>> refusedWith(ErrorCode code) {
        return new CustomTypeSafeMatcher<>("one document refused with " + code) {
            @Override
            protected boolean matchesSafely(List<IssueOutcome> outcomes) {
                return outcomes.size() == 1 && outcomes.get(0).refusal() != null && outcomes.get(0).refusal().code() == code;
            }
        };
    }

    @Test
    void anActiveUnitSignsItsNextDocumentChainedToThePreviousOne() {
        IssueInvoiceCommand command = issue(accountId, Environment.SANDBOX, InvoiceKind.SIMPLIFIED);
        fixture.given(registered(), onboarded(), new InvoiceSequencedEvent(unitId, UUID.randomUUID(), 1, PREVIOUS_HASH))
                .when(batch(command))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayloadMatching(new CustomTypeSafeMatcher<List<IssueOutcome>>("receipt with ICV 2") {
                    @Override
                    protected boolean matchesSafely(List<IssueOutcome> outcomes) {
                        InvoiceReceipt receipt = outcomes.get(0).receipt();
                        return outcomes.size() == 1 && receipt.icv() == 2 && receipt.invoiceId().equals(command.invoiceId())
                                && receipt.invoiceNumber().equals("INV-" + unitId.toString().substring(0, 8).toUpperCase() + "-2");
                    }
                })
                .expectEventsMatching(exactSequenceOf(
                        messageWithPayload(new CustomTypeSafeMatcher<InvoiceSequencedEvent>("ICV 2 of this invoice") {
                            @Override
                            protected boolean matchesSafely(InvoiceSequencedEvent event) {
                                return event.icv() == 2 && event.invoiceId().equals(command.invoiceId());
                            }
                        }),
                        andNoMore()));
        assertThat(spawning.spawnedEvents()).singleElement().isInstanceOfSatisfying(InvoiceIssuedEvent.class, issued -> {
            assertThat(issued.icv()).isEqualTo(2);
            assertThat(issued.previousInvoiceHash()).isEqualTo(PREVIOUS_HASH);
            assertThat(issued.signingKeyId()).isEqualTo("key-1");
            byte[] xml = Base64.getDecoder().decode(issued.signedXml());
            assertThat(InvoiceVerifier.verify(xml, VerificationContext.NONE.withExpectedChain(PREVIOUS_HASH, 2)).problems()).isEmpty();
            assertThat(InvoiceVerifier.verify(xml).invoiceHash()).isEqualTo(issued.invoiceHash());
        });
    }

    @Test
    void aBatchIsNumberedInItsOrderAndARefusedDocumentTakesNoIcv() {
        IssueInvoiceCommand first = issue(accountId, Environment.SANDBOX, InvoiceKind.SIMPLIFIED);
        IssueInvoiceCommand strangers = issue(UUID.randomUUID(), Environment.SANDBOX, InvoiceKind.SIMPLIFIED);
        IssueInvoiceCommand second = issue(accountId, Environment.SANDBOX, InvoiceKind.SIMPLIFIED);
        fixture.given(registered(), onboarded())
                .when(batch(first, strangers, second))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayloadMatching(new CustomTypeSafeMatcher<List<IssueOutcome>>("ICV 1, refused, ICV 2") {
                    @Override
                    protected boolean matchesSafely(List<IssueOutcome> outcomes) {
                        return outcomes.size() == 3 && outcomes.get(0).receipt().icv() == 1
                                && outcomes.get(1).refusal().code() == ErrorCode.EGS_UNIT_NOT_FOUND
                                && outcomes.get(2).receipt().icv() == 2
                                && outcomes.get(2).receipt().invoiceId().equals(second.invoiceId());
                    }
                })
                .expectEventsMatching(exactSequenceOf(
                        messageWithPayload(new CustomTypeSafeMatcher<InvoiceSequencedEvent>("ICV 1 of the first") {
                            @Override
                            protected boolean matchesSafely(InvoiceSequencedEvent event) {
                                return event.icv() == 1 && event.invoiceId().equals(first.invoiceId());
                            }
                        }),
                        messageWithPayload(new CustomTypeSafeMatcher<InvoiceSequencedEvent>("ICV 2 of the second") {
                            @Override
                            protected boolean matchesSafely(InvoiceSequencedEvent event) {
                                return event.icv() == 2 && event.invoiceId().equals(second.invoiceId());
                            }
                        }),
                        andNoMore()));
        List<InvoiceIssuedEvent> issued = spawning.spawnedEvents().stream().map(InvoiceIssuedEvent.class::cast).toList();
        assertThat(issued).extracting(InvoiceIssuedEvent::invoiceId).containsExactly(first.invoiceId(), second.invoiceId());
        assertThat(issued.get(0).previousInvoiceHash()).isEqualTo(PREVIOUS_HASH);
        assertThat(issued.get(1).previousInvoiceHash()).isEqualTo(issued.get(0).invoiceHash());
        assertThat(InvoiceVerifier.verify(Base64.getDecoder().decode(issued.get(1).signedXml()),
                VerificationContext.NONE.withExpectedChain(issued.get(0).invoiceHash(), 2)).problems()).isEmpty();
    }

    @Test
    void aPendingUnitIssuesNothing() {
        fixture.given(registered())
                .when(batch(issue(accountId, Environment.SANDBOX, InvoiceKind.SIMPLIFIED)))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayloadMatching(refusedWith(ErrorCode.EGS_UNIT_NOT_ACTIVE))
                .expectNoEvents();
    }

    @Test
    void anotherTenantSeesNoUnit() {
        fixture.given(registered(), onboarded())
                .when(batch(issue(UUID.randomUUID(), Environment.SANDBOX, InvoiceKind.SIMPLIFIED)))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayloadMatching(refusedWith(ErrorCode.EGS_UNIT_NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void theOtherEnvironmentIsRefused() {
        fixture.given(registered(), onboarded())
                .when(batch(issue(accountId, Environment.PRODUCTION, InvoiceKind.SIMPLIFIED)))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayloadMatching(refusedWith(ErrorCode.EGS_UNIT_ENVIRONMENT_MISMATCH))
                .expectNoEvents();
    }

    @Test
    void aSimplifiedOnlyUnitRefusesStandardInvoices() {
        fixture.given(registered(InvoiceTypes.SIMPLIFIED), onboarded())
                .when(batch(issue(accountId, Environment.SANDBOX, InvoiceKind.STANDARD)))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayloadMatching(refusedWith(ErrorCode.INVOICE_TYPE_NOT_ALLOWED))
                .expectNoEvents();
    }

    @Test
    void aFailedOnboardingRestartsWithANewOtpThatIsKeptOutOfTheEvent() {
        fixture.given(registered(), new EgsOnboardingFailedEvent(unitId, accountId, "compliance_csid", "Invalid-OTP", List.of(), NOW))
                .when(new RestartEgsOnboardingCommand(unitId, Caller.session(accountId), "654321"))
                .expectEvents(new EgsOnboardingRestartedEvent(unitId, accountId, Environment.SANDBOX, identity, NOW));
        assertThat(otps.onboarding).containsEntry(unitId, "654321");
    }

    @Test
    void onlyAFailedOnboardingRestarts() {
        fixture.given(registered(), onboarded())
                .when(new RestartEgsOnboardingCommand(unitId, Caller.session(accountId), "654321"))
                .expectException(refusal(ErrorCode.EGS_UNIT_ONBOARDING_NOT_FAILED))
                .expectNoEvents();
        assertThat(otps.onboarding).isEmpty();
    }

    @Test
    void zatcasAnswersMoveOnboardingOnStepByStep() {
        fixture.given(registered())
                .when(new RecordComplianceCsidCommand(unitId, 42, "Q0NTSUQ=", "key-1"))
                .expectEvents(new ComplianceCsidIssuedEvent(unitId, 42, "Q0NTSUQ=", "key-1", NOW));
        List<ZatcaMessage> warnings = List.of(new ZatcaMessage("WARNING", "BR-KSA-98", "KSA", "signed late", "WARNING"));
        fixture.given(registered(), new ComplianceCsidIssuedEvent(unitId, 42, "Q0NTSUQ=", "key-1", NOW))
                .when(new RecordComplianceChecksCommand(unitId, List.of("simplified_invoice"), warnings))
                .expectEvents(new ComplianceChecksPassedEvent(unitId, List.of("simplified_invoice"), warnings, NOW));
        IssuedCertificate first = certificate(FIRST_KEY);
        fixture.given(registered(), new ComplianceCsidIssuedEvent(unitId, 42, "Q0NTSUQ=", "key-1", NOW),
                        new ComplianceChecksPassedEvent(unitId, List.of(), List.of(), NOW))
                .when(new RecordProductionCsidCommand(unitId, first, "key-1"))
                .expectEvents(onboarded());
    }

    @Test
    void anAnswerForAStepTheUnitIsNotAtChangesNothing() {
        fixture.given(registered(), onboarded())
                .when(new RecordComplianceCsidCommand(unitId, 42, "Q0NTSUQ=", "key-9"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(registered())
                .when(new RecordComplianceChecksCommand(unitId, List.of(), List.of()))
                .expectNoEvents();
        fixture.given(registered(), onboarded())
                .when(new RecordProductionCsidCommand(unitId, certificate(RENEWED_KEY), "key-2"))
                .expectNoEvents();
    }

    @Test
    void aRefusalEndsOnboardingAtTheStepItConcerns() {
        List<ZatcaMessage> messages = List.of(new ZatcaMessage("ERROR", "Invalid-OTP", null, "OTP is not valid", "ERROR"));
        fixture.given(registered())
                .when(new RecordZatcaRefusalCommand(unitId, "compliance_csid", "ZATCA refused the request", messages))
                .expectEvents(new EgsOnboardingFailedEvent(unitId, accountId, "compliance_csid", "ZATCA refused the request",
                        messages, NOW));
        fixture.given(registered())
                .when(new RecordZatcaRefusalCommand(unitId, "production_csid", "late answer of another step", messages))
                .expectNoEvents();
    }

    @Test
    void aRenewalKeepsItsOtpOutOfTheEventAndIsAskedForOnce() {
        fixture.given(registered(), onboarded())
                .when(new RenewEgsCertificateCommand(unitId, Caller.session(accountId), "112233"))
                .expectEvents(renewalRequested());
        assertThat(otps.renewal).containsEntry(unitId, "112233");
        fixture.given(registered(), onboarded(), renewalRequested())
                .when(new RenewEgsCertificateCommand(unitId, Caller.session(accountId), "445566"))
                .expectException(refusal(ErrorCode.EGS_RENEWAL_IN_PROGRESS))
                .expectNoEvents();
        fixture.given(registered())
                .when(new RenewEgsCertificateCommand(unitId, Caller.session(accountId), "445566"))
                .expectException(refusal(ErrorCode.EGS_UNIT_NOT_ACTIVE));
    }

    @Test
    void aRenewedCertificateSignsTheNextDocumentsWithItsOwnKey() {
        IssuedCertificate renewed = certificate(RENEWED_KEY);
        fixture.given(registered(), onboarded(), renewalRequested())
                .when(new RecordProductionCsidCommand(unitId, renewed, "key-2"))
                .expectEvents(new EgsCertificateRenewedEvent(unitId, accountId, renewed.base64(), renewed.serial(),
                        renewed.notAfter(), "key-2", NOW));
        fixture.given(registered(), onboarded(), renewalRequested(), new EgsCertificateRenewedEvent(unitId, accountId,
                        renewed.base64(), renewed.serial(), renewed.notAfter(), "key-2", NOW))
                .when(batch(issue(accountId, Environment.SANDBOX, InvoiceKind.SIMPLIFIED)))
                .expectSuccessfulHandlerExecution();
        assertThat(spawning.spawnedEvents()).last().isInstanceOfSatisfying(InvoiceIssuedEvent.class, issued -> {
            assertThat(issued.signingKeyId()).isEqualTo("key-2");
            byte[] xml = Base64.getDecoder().decode(issued.signedXml());
            assertThat(new String(xml, java.nio.charset.StandardCharsets.UTF_8)).contains(renewed.base64());
            assertThat(InvoiceVerifier.verify(xml).problems()).isEmpty();
        });
    }

    @Test
    void aRefusedRenewalLeavesTheCurrentCertificateInUse() {
        fixture.given(registered(), onboarded(), renewalRequested())
                .when(new RecordZatcaRefusalCommand(unitId, EgsUnit.RENEWAL_STEP, "Invalid-OTP", List.of()))
                .expectEvents(new EgsCertificateRenewalFailedEvent(unitId, accountId, "Invalid-OTP", List.of(), NOW));
        fixture.given(registered(), onboarded())
                .when(new RecordZatcaRefusalCommand(unitId, EgsUnit.RENEWAL_STEP, "no renewal asked for", List.of()))
                .expectNoEvents();
    }

    @Test
    void aUnitThatLostItsOtpInAnUpgradeAsksForANewOne() {
        fixture.given(registered(), new ComplianceCsidIssuedEvent(unitId, 42, "Q0NTSUQ=", "", NOW))
                .when(new AskForNewOtpCommand(unitId, "restart with a new OTP"))
                .expectEvents(new EgsOnboardingFailedEvent(unitId, accountId, "compliance_checks", "restart with a new OTP",
                        List.of(), NOW));
        fixture.given(registered(), onboarded())
                .when(new AskForNewOtpCommand(unitId, "restart with a new OTP"))
                .expectNoEvents();
    }
}
