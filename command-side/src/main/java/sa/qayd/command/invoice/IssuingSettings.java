package sa.qayd.command.invoice;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How documents are issued ({@code qayd.issuing.*}).
 *
 * @param maxDocumentsPerCommit how many waiting documents of one unit are issued together in one
 *     command and one commit (a caller's own documents are never split)
 * @param maxBatchDocuments how many documents {@code POST /v1/invoices/batch} takes in one request
 */
@ConfigurationProperties("qayd.issuing")
public record IssuingSettings(@DefaultValue("64") int maxDocumentsPerCommit, @DefaultValue("100") int maxBatchDocuments) {
    public IssuingSettings {
        if (maxDocumentsPerCommit < 1 || maxBatchDocuments < 1) {
            throw new IllegalArgumentException("qayd.issuing.max-documents-per-commit and .max-batch-documents must be at least 1");
        }
    }
}
