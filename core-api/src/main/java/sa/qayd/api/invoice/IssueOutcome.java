package sa.qayd.api.invoice;

import sa.qayd.api.QaydException;

/** What became of one document of an {@link IssueInvoicesCommand}: issued, or refused with the reason. */
public record IssueOutcome(InvoiceReceipt receipt, QaydException refusal) {
    public IssueOutcome {
        if ((receipt == null) == (refusal == null)) {
            throw new IllegalArgumentException("a document is either issued or refused");
        }
    }

    public static IssueOutcome issued(InvoiceReceipt receipt) {
        return new IssueOutcome(receipt, null);
    }

    public static IssueOutcome refused(QaydException refusal) {
        return new IssueOutcome(null, refusal);
    }

    /** The receipt, or the refusal thrown. */
    public InvoiceReceipt receiptOrThrow() {
        if (refusal != null) {
            throw refusal;
        }
        return receipt;
    }
}
