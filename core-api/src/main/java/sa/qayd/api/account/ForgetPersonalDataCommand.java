package sa.qayd.api.account;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Forgets the account's personal data, at the request of the person it belongs to; forgetting again changes nothing. */
public record ForgetPersonalDataCommand(@TargetAggregateIdentifier UUID accountId) {
}
