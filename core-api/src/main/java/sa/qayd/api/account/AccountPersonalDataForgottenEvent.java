package sa.qayd.api.account;

import java.time.Instant;
import java.util.UUID;

/**
 * The account's personal data (its e-mail) was forgotten on request: its personal-data key is deleted,
 * so every event that carried it shows it as forgotten, and the account can no longer log in to the
 * dashboard (its API keys keep working). Signed documents are tax records and stay as issued.
 */
public record AccountPersonalDataForgottenEvent(UUID accountId, Instant forgottenAt) {
}
