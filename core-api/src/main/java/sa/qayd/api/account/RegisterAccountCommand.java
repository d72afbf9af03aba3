package sa.qayd.api.account;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import sa.qayd.api.apikey.IssueApiKeyCommand;

/**
 * Opens a tenant together with its first API key, atomically. The password arrives already
 * hashed: plain passwords never enter a message.
 */
public record RegisterAccountCommand(
        @TargetAggregateIdentifier UUID accountId,
        String companyName,
        String email,
        String passwordHash,
        String vatNumber,
        IssueApiKeyCommand firstApiKey) {
}
