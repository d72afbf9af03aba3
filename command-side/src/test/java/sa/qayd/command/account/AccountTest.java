package sa.qayd.command.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.messageWithPayload;
import static org.hamcrest.Matchers.instanceOf;
import static sa.qayd.command.Fixtures.refusal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sa.qayd.api.Environment;
import sa.qayd.api.ErrorCode;
import sa.qayd.api.QaydException;
import sa.qayd.api.account.AccountPersonalDataForgottenEvent;
import sa.qayd.api.account.AccountRegisteredEvent;
import sa.qayd.api.account.ForgetPersonalDataCommand;
import sa.qayd.api.account.RegisterAccountCommand;
import sa.qayd.api.apikey.ApiKeyIssuedEvent;
import sa.qayd.api.apikey.IssueApiKeyCommand;
import sa.qayd.api.privacy.PersonalData;
import sa.qayd.command.Fixtures;
import sa.qayd.command.apikey.ApiKeyHashes;
import sa.qayd.platform.privacy.PersonalDataKeys;

class AccountTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private final Fixtures.Spawning<Account> spawning = new Fixtures.Spawning<>(Account.class);
    private final Map<String, UUID> logins = new HashMap<>();
    private final Map<UUID, String> keyHashes = new HashMap<>();
    private final Set<UUID> keys = new HashSet<>();
    private final Set<UUID> blanked = new HashSet<>();

    /** Seals by naming the subject, opens while the subject's key exists: enough to see what the account asks of it. */
    private final PersonalDataKeys personalData = new PersonalDataKeys() {
        @Override
        public String seal(UUID subject, String value) {
            keys.add(subject);
            return subject + ":" + value;
        }

        @Override
        public Optional<String> open(UUID subject, String sealed) {
            return keys.contains(subject) ? Optional.of(sealed.substring(sealed.indexOf(':') + 1)) : Optional.empty();
        }

        @Override
        public void forget(UUID subject) {
            keys.remove(subject);
        }
    };

    @BeforeEach
    void injectTheResources() {
        spawning.fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        spawning.fixture.registerInjectableResource(personalData);
        spawning.fixture.registerInjectableResource((ApiKeyHashes) keyHashes::put);
        spawning.fixture.registerInjectableResource((UnsealedPersonalData) blanked::add);
        spawning.fixture.registerInjectableResource(new Logins() {
            @Override
            public void open(UUID accountId, String email, String passwordHash) {
                if (logins.putIfAbsent(email, accountId) != null) {
                    throw new QaydException(ErrorCode.EMAIL_ALREADY_REGISTERED, "taken");
                }
            }

            @Override
            public void close(UUID accountId) {
                logins.values().remove(accountId);
            }
        });
    }

    private static RegisterAccountCommand register(UUID accountId, String email) {
        IssueApiKeyCommand firstKey = new IssueApiKeyCommand(UUID.randomUUID(), accountId, Environment.PRODUCTION,
                "First key", "a".repeat(64), "qk_production_…abcd");
        return new RegisterAccountCommand(accountId, "Acme", email, "$2a$hash", "399999999900003", firstKey);
    }

    @Test
    void registeringOpensTheLogInSealsTheEmailAndIssuesTheFirstKeyWithItsHashOutsideTheEvents() {
        UUID accountId = UUID.randomUUID();
        RegisterAccountCommand command = register(accountId, "a@acme.sa");

        spawning.fixture.givenNoPriorActivity()
                .when(command)
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(exactSequenceOf(messageWithPayload(instanceOf(AccountRegisteredEvent.class)), andNoMore()));
        assertThat(logins).containsEntry("a@acme.sa", accountId);
        assertThat(keyHashes).containsEntry(command.firstApiKey().apiKeyId(), "a".repeat(64));
        assertThat(spawning.spawnedEvents()).singleElement().isInstanceOfSatisfying(ApiKeyIssuedEvent.class,
                issued -> assertThat(issued.issuedAt()).isEqualTo(NOW));
    }

    @Test
    void theEventCarriesTheEmailOnlySealedAndNoPasswordHash() {
        UUID accountId = UUID.randomUUID();
        spawning.fixture.givenNoPriorActivity()
                .when(register(accountId, "a@acme.sa"))
                .expectEvents(new AccountRegisteredEvent(accountId, "Acme", PersonalData.sealed(accountId + ":a@acme.sa"),
                        "399999999900003", NOW));
    }

    @Test
    void anEmailAnotherAccountLogsInWithRefusesTheSignUpWithNothingApplied() {
        logins.put("a@acme.sa", UUID.randomUUID());

        spawning.fixture.givenNoPriorActivity()
                .when(register(UUID.randomUUID(), "a@acme.sa"))
                .expectException(refusal(ErrorCode.EMAIL_ALREADY_REGISTERED))
                .expectNoEvents();
        assertThat(keyHashes).isEmpty();
        assertThat(spawning.spawnedEvents()).isEmpty();
    }

    @Test
    void forgettingDeletesTheKeyBlanksOldPlainCopiesAndClosesTheLogInOnce() {
        UUID accountId = UUID.randomUUID();
        keys.add(accountId);
        logins.put("a@acme.sa", accountId);
        AccountRegisteredEvent registered = new AccountRegisteredEvent(accountId, "Acme",
                PersonalData.sealed(accountId + ":a@acme.sa"), "399999999900003", NOW);

        spawning.fixture.given(registered)
                .when(new ForgetPersonalDataCommand(accountId))
                .expectEvents(new AccountPersonalDataForgottenEvent(accountId, NOW));
        assertThat(keys).doesNotContain(accountId);
        assertThat(blanked).containsExactly(accountId);
        assertThat(logins).isEmpty();
        assertThat(registered.email().reveal(sealed -> personalData.open(accountId, sealed))).isEmpty();

        spawning.fixture.given(registered, new AccountPersonalDataForgottenEvent(accountId, NOW))
                .when(new ForgetPersonalDataCommand(accountId))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
