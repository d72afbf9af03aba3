package sa.qayd.command.egs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.messageWithPayload;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;
import static sa.qayd.command.Fixtures.refusal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.CustomTypeSafeMatcher;
import org.junit.jupiter.api.Test;
import sa.qayd.api.Address;
import sa.qayd.api.Environment;
import sa.qayd.api.ErrorCode;
import sa.qayd.api.egs.CompleteEgsOnboardingCommand;
import sa.qayd.api.egs.EgsIdentity;
import sa.qayd.api.egs.EgsUnitOnboardedEvent;
import sa.qayd.api.egs.EgsUnitRegisteredEvent;
import sa.qayd.api.egs.InvoiceSequencedEvent;
import sa.qayd.api.egs.InvoiceTypes;
import sa.qayd.api.invoice.DocumentType;
import sa.qayd.api.invoice.InvoiceDraft;
import sa.qayd.api.invoice.InvoiceKind;
import sa.qayd.api.invoice.InvoiceLineDraft;
import sa.qayd.api.invoice.InvoiceReceipt;
import sa.qayd.api.invoice.InvoiceReceivedEvent;
import sa.qayd.api.invoice.IssueInvoiceCommand;
import sa.qayd.api.invoice.VatCategory;
import sa.qayd.command.Fixtures;

class EgsUnitTest {
    private final Fixtures.Spawning<EgsUnit> spawning = new Fixtures.Spawning<>(EgsUnit.class);
    private final AggregateTestFixture<EgsUnit> fixture = spawning.fixture;
    private final UUID unitId = UUID.randomUUID();
    private final UUID accountId = UUID.randomUUID();

    private EgsUnitRegisteredEvent registered(InvoiceTypes types) {
        EgsIdentity identity = new EgsIdentity("SN-1", "Qayd", "POS", "Main", "Acme", "399999999900003", null, types,
                "RRRD2929", "Retail", new Address("King Fahd Rd", "1234", null, "Olaya", "Riyadh", "12345", "SA"));
        return new EgsUnitRegisteredEvent(unitId, accountId, Environment.SANDBOX, "POS 1", "123345", identity, Instant.now());
    }

    private final EgsUnitOnboardedEvent onboarded = new EgsUnitOnboardedEvent(unitId, accountId, Instant.now());

    private IssueInvoiceCommand issue(UUID account, Environment environment, InvoiceKind kind) {
        InvoiceDraft draft = new InvoiceDraft(null, LocalDate.of(2026, 1, 1), LocalTime.NOON, "SAR", null,
                List.of(new InvoiceLineDraft("Tea", BigDecimal.ONE, BigDecimal.TEN, VatCategory.S, new BigDecimal("15"), null, null)),
                "10", null, null);
        return new IssueInvoiceCommand(unitId, UUID.randomUUID(), account, environment, kind, DocumentType.INVOICE, draft);
    }

    @Test
    void onboardingActivatesOnce() {
        fixture.given(registered(InvoiceTypes.BOTH))
                .when(new CompleteEgsOnboardingCommand(unitId))
                .expectEventsMatching(exactSequenceOf(messageWithPayload(instanceOf(EgsUnitOnboardedEvent.class)), andNoMore()));
        fixture.given(registered(InvoiceTypes.BOTH), onboarded)
                .when(new CompleteEgsOnboardingCommand(unitId))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anActiveUnitNumbersItsDocumentsWithoutGapsAndCreatesTheInvoice() {
        IssueInvoiceCommand command = issue(accountId, Environment.SANDBOX, InvoiceKind.SIMPLIFIED);
        fixture.given(registered(InvoiceTypes.BOTH), onboarded, new InvoiceSequencedEvent(unitId, UUID.randomUUID(), 1))
                .when(command)
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayloadMatching(new CustomTypeSafeMatcher<InvoiceReceipt>("receipt number 2") {
                    @Override
                    protected boolean matchesSafely(InvoiceReceipt receipt) {
                        return receipt.sequenceNumber() == 2 && receipt.invoiceId().equals(command.invoiceId())
                                && receipt.invoiceNumber().equals("INV-" + unitId.toString().substring(0, 8).toUpperCase() + "-2");
                    }
                })
                .expectEventsMatching(exactSequenceOf(
                        messageWithPayload(equalTo(new InvoiceSequencedEvent(unitId, command.invoiceId(), 2))),
                        andNoMore()));
        assertThat(spawning.spawnedEvents()).singleElement().isInstanceOfSatisfying(InvoiceReceivedEvent.class, received -> {
            assertThat(received.invoiceId()).isEqualTo(command.invoiceId());
            assertThat(received.sequenceNumber()).isEqualTo(2);
            assertThat(received.accountId()).isEqualTo(accountId);
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
        fixture.given(registered(InvoiceTypes.BOTH), onboarded)
                .when(issue(UUID.randomUUID(), Environment.SANDBOX, InvoiceKind.SIMPLIFIED))
                .expectException(refusal(ErrorCode.EGS_UNIT_NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void theOtherEnvironmentIsRefused() {
        fixture.given(registered(InvoiceTypes.BOTH), onboarded)
                .when(issue(accountId, Environment.PRODUCTION, InvoiceKind.SIMPLIFIED))
                .expectException(refusal(ErrorCode.EGS_UNIT_ENVIRONMENT_MISMATCH))
                .expectNoEvents();
    }

    @Test
    void aSimplifiedOnlyUnitRefusesStandardInvoices() {
        fixture.given(registered(InvoiceTypes.SIMPLIFIED), onboarded)
                .when(issue(accountId, Environment.SANDBOX, InvoiceKind.STANDARD))
                .expectException(refusal(ErrorCode.INVOICE_TYPE_NOT_ALLOWED))
                .expectNoEvents();
    }
}
