package sa.qayd.command.egs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.messageWithPayload;
import static org.hamcrest.Matchers.instanceOf;
import static sa.qayd.command.Fixtures.refusal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.CustomTypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sa.qayd.api.Address;
import sa.qayd.api.Caller;
import sa.qayd.api.Environment;
import sa.qayd.api.ErrorCode;
import sa.qayd.api.egs.EgsIdentity;
import sa.qayd.api.egs.EgsOnboardingFailedEvent;
import sa.qayd.api.egs.EgsOnboardingRestartedEvent;
import sa.qayd.api.egs.EgsUnitOnboardedEvent;
import sa.qayd.api.egs.EgsUnitRegisteredEvent;
import sa.qayd.api.egs.InvoiceSequencedEvent;
import sa.qayd.api.egs.InvoiceTypes;
import sa.qayd.api.egs.RestartEgsOnboardingCommand;
import sa.qayd.api.invoice.DocumentType;
import sa.qayd.api.invoice.InvoiceDraft;
import sa.qayd.api.invoice.InvoiceIssuedEvent;
import sa.qayd.api.invoice.InvoiceKind;
import sa.qayd.api.invoice.InvoiceLineDraft;
import sa.qayd.api.invoice.InvoiceReceipt;
import sa.qayd.api.invoice.IssueInvoiceCommand;
import sa.qayd.api.invoice.VatCategory;
import sa.qayd.command.Fixtures;
import sa.qayd.command.TestCertificates;
import sa.qayd.command.invoice.InvoiceSigning;
import sa.qayd.zatca.verify.InvoiceVerifier;
import sa.qayd.zatca.verify.VerificationContext;

class EgsUnitTest {
    private static final TestCertificates CERTIFICATES = TestCertificates.issue();
    private static final String PREVIOUS_HASH = "NWZlY2ViNjZmZmM4NmYzOGQ5NTI3ODZjNmQ2OTZjNzljMmRiYzIzOWRkNGU5MWI0NjcyOWQ3M2EyN2ZiNTdlOQ==";

    private final Fixtures.Spawning<EgsUnit> spawning = new Fixtures.Spawning<>(EgsUnit.class);
    private final AggregateTestFixture<EgsUnit> fixture = spawning.fixture;
    private final UUID unitId = UUID.randomUUID();
    private final UUID accountId = UUID.randomUUID();

    @BeforeEach
    void signWithARealKey() {
        fixture.registerInjectableResource(new InvoiceSigning(unit -> CERTIFICATES.privateKeyPem(), Clock.systemUTC()));
    }

    private EgsUnitRegisteredEvent registered(InvoiceTypes types) {
        EgsIdentity identity = new EgsIdentity("SN-1", "Qayd", "POS", "Main", "Acme", "399999999900003", "1010010000", types,
                "RRRD2929", "Retail", new Address("King Fahd Rd", "1234", null, "Olaya", "Riyadh", "12345", "SA"));
        return new EgsUnitRegisteredEvent(unitId, accountId, Environment.SANDBOX, "POS 1", "123345", identity, Instant.now());
    }

    private EgsUnitOnboardedEvent onboarded() {
        return new EgsUnitOnboardedEvent(unitId, accountId, CERTIFICATES.certificateBase64(),
                CERTIFICATES.certificate().getSerialNumber().toString(), CERTIFICATES.certificate().getNotAfter().toInstant(),
                Instant.now());
    }

    private IssueInvoiceCommand issue(UUID account, Environment environment, InvoiceKind kind) {
        InvoiceDraft draft = new InvoiceDraft(null, LocalDate.now(), LocalTime.of(0, 0), "SAR", null,
                List.of(new InvoiceLineDraft("Tea", BigDecimal.ONE, BigDecimal.TEN, VatCategory.S, new BigDecimal("15"), null, null)),
                "10", null, null);
        return new IssueInvoiceCommand(unitId, UUID.randomUUID(), account, environment, kind, DocumentType.INVOICE, draft);
    }

    @Test
    void anActiveUnitSignsItsNextDocumentChainedToThePreviousOne() {
        IssueInvoiceCommand command = issue(accountId, Environment.SANDBOX, InvoiceKind.SIMPLIFIED);
        fixture.given(registered(InvoiceTypes.BOTH), onboarded(), new InvoiceSequencedEvent(unitId, UUID.randomUUID(), 1, PREVIOUS_HASH))
                .when(command)
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayloadMatching(new CustomTypeSafeMatcher<InvoiceReceipt>("receipt with ICV 2") {
                    @Override
                    protected boolean matchesSafely(InvoiceReceipt receipt) {
                        return receipt.icv() == 2 && receipt.invoiceId().equals(command.invoiceId())
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
            byte[] xml = Base64.getDecoder().decode(issued.signedXml());
            assertThat(InvoiceVerifier.verify(xml, VerificationContext.NONE.withExpectedChain(PREVIOUS_HASH, 2)).problems()).isEmpty();
            assertThat(InvoiceVerifier.verify(xml).invoiceHash()).isEqualTo(issued.invoiceHash());
        });
    }

    @Test
    void aPendingUnitIssuesNothing() {
        fixture.given(registered(InvoiceTypes.BOTH))
                .when(issue(accountId, Environment.SANDBOX, InvoiceKind.SIMPLIFIED))
                .expectException(refusal(ErrorCode.EGS_UNIT_NOT_ACTIVE))
                .expectNoEvents();
    }

    @Test
    void anotherTenantSeesNoUnit() {
        fixture.given(registered(InvoiceTypes.BOTH), onboarded())
                .when(issue(UUID.randomUUID(), Environment.SANDBOX, InvoiceKind.SIMPLIFIED))
                .expectException(refusal(ErrorCode.EGS_UNIT_NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void theOtherEnvironmentIsRefused() {
        fixture.given(registered(InvoiceTypes.BOTH), onboarded())
                .when(issue(accountId, Environment.PRODUCTION, InvoiceKind.SIMPLIFIED))
                .expectException(refusal(ErrorCode.EGS_UNIT_ENVIRONMENT_MISMATCH))
                .expectNoEvents();
    }

    @Test
    void aSimplifiedOnlyUnitRefusesStandardInvoices() {
        fixture.given(registered(InvoiceTypes.SIMPLIFIED), onboarded())
                .when(issue(accountId, Environment.SANDBOX, InvoiceKind.STANDARD))
                .expectException(refusal(ErrorCode.INVOICE_TYPE_NOT_ALLOWED))
                .expectNoEvents();
    }

    @Test
    void aFailedOnboardingRestartsWithANewOtp() {
        fixture.given(registered(InvoiceTypes.BOTH),
                        new EgsOnboardingFailedEvent(unitId, accountId, "compliance_csid", "Invalid-OTP", List.of(), Instant.now()))
                .when(new RestartEgsOnboardingCommand(unitId, Caller.session(accountId), "654321"))
                .expectEventsMatching(exactSequenceOf(messageWithPayload(instanceOf(EgsOnboardingRestartedEvent.class)), andNoMore()));
    }

    @Test
    void onlyAFailedOnboardingRestarts() {
        fixture.given(registered(InvoiceTypes.BOTH), onboarded())
                .when(new RestartEgsOnboardingCommand(unitId, Caller.session(accountId), "654321"))
                .expectException(refusal(ErrorCode.EGS_UNIT_ONBOARDING_NOT_FAILED))
                .expectNoEvents();
    }
}
