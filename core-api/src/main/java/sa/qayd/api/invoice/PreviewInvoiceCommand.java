package sa.qayd.api.invoice;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import sa.qayd.api.Environment;

/**
 * Asks an EGS unit which document it would issue for a draft, signed with a throwaway key: the
 * unit takes no ICV and nothing is stored or sent. The unit need not be active yet. {@code kind} and
 * {@code original} are as in {@link IssueInvoiceCommand}.
 */
public record PreviewInvoiceCommand(
        @TargetAggregateIdentifier UUID egsUnitId,
        UUID accountId,
        Environment environment,
        InvoiceKind kind,
        DocumentType documentType,
        InvoiceDraft draft,
        OriginalInvoice original) {
}
