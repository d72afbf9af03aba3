package sa.qayd.command.invoice;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import sa.qayd.api.Environment;
import sa.qayd.api.ErrorCode;
import sa.qayd.api.FieldError;
import sa.qayd.api.QaydException;

/**
 * Invoice numbers are unique per account and environment, whoever chose them (the integrator, or the
 * unit's default {@code INV-<unit>-<icv>}). Sandbox and production are separate worlds: a number
 * tried in the sandbox stays free for production.
 */
public interface InvoiceNumbers {

    /**
     * Claims {@code number} for {@code invoiceId}, the document {@code egsUnitId} issues as {@code icv},
     * as part of the issuing command's transaction.
     *
     * @throws sa.qayd.api.QaydException INVOICE_NUMBER_TAKEN when another document holds it
     * @throws org.axonframework.modelling.command.ConcurrencyException when the unit issued this ICV with
     *         this number in a command that committed first: the unit's state was stale, and the command
     *         is retried on the new one
     */
    void claim(UUID accountId, Environment environment, String number, UUID invoiceId, UUID egsUnitId, long icv);

    /** The document that holds {@code number}, if any. */
    Optional<UUID> holder(UUID accountId, Environment environment, String number);

    /** The refusal of a number that {@code holder} (null if unknown) has taken. */
    static QaydException taken(String number, Environment environment, UUID holder) {
        String by = holder == null ? "another document" : "invoice " + holder;
        return new QaydException(ErrorCode.INVOICE_NUMBER_TAKEN, "invoice number " + number + " is already used by " + by
                + " in this account's " + environment.wireName() + " environment; send another invoice_number",
                List.of(new FieldError("invoice_number", "is already used by " + by)));
    }
}
