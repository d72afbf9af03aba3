package sa.qayd.command.account;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.messageWithPayload;
import static org.hamcrest.Matchers.instanceOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sa.qayd.api.Environment;
import sa.qayd.api.account.AccountRegisteredEvent;
import sa.qayd.api.account.RegisterAccountCommand;
import sa.qayd.api.apikey.ApiKeyIssuedEvent;
import sa.qayd.api.apikey.IssueApiKeyCommand;
import sa.qayd.command.Fixtures;

class AccountTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private final Fixtures.Spawning<Account> spawning = new Fixtures.Spawning<>(Account.class);

    @BeforeEach
    void injectTheClock() {
        spawning.fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void registeringOpensTheAccountAndIssuesItsFirstKeyInOneGo() {
        UUID accountId = UUID.randomUUID();
        UUID keyId = UUID.randomUUID();
        IssueApiKeyCommand firstKey = new IssueApiKeyCommand(keyId, accountId, Environment.PRODUCTION, "First key",
                "a".repeat(64), "qk_production_…abcd");

        spawning.fixture.givenNoPriorActivity()
                .when(new RegisterAccountCommand(accountId, "Acme", "a@acme.sa", "$2a$hash", "399999999900003", firstKey))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(exactSequenceOf(
                        messageWithPayload(
                                instanceOf(AccountRegisteredEvent.class)),
                        andNoMore()))
                .expectState(account -> {
                    assertThat(account.companyName()).isEqualTo("Acme");
                    assertThat(account.vatNumber()).isEqualTo("399999999900003");
                });
        assertThat(spawning.spawnedEvents()).singleElement().isInstanceOfSatisfying(ApiKeyIssuedEvent.class,
                issued -> {
                    assertThat(issued.apiKeyId()).isEqualTo(keyId);
                    assertThat(issued.issuedAt()).isEqualTo(NOW);
                });
    }
}
