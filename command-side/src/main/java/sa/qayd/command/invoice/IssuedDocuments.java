package sa.qayd.command.invoice;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.serialization.Revision;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import sa.qayd.api.Environment;
import sa.qayd.api.invoice.InvoiceIssuedEvent;
import sa.qayd.api.invoice.InvoiceKind;
import sa.qayd.command.registrations.EventStoreRegistrations;

/**
 * What the ZATCA worker sends of an issued document, read from its issued event. An event of the
 * current revision is read straight from the store, only the fields sent, without the draft it also
 * carries (most of its bytes); an older one goes through the upcasters like every other read.
 */
@Component
public class IssuedDocuments {
    private static final String ISSUED_TYPE = InvoiceIssuedEvent.class.getName();
    private static final String ISSUED_REVISION = InvoiceIssuedEvent.class.getAnnotation(Revision.class).value();
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * The part of {@link InvoiceIssuedEvent} that is submitted, under the event's own field names. A stored
     * event of the current revision went through the event's constructor, so its key id is never null.
     */
    public record IssuedDocument(UUID egsUnitId, Environment environment, InvoiceKind kind, UUID uuid, String invoiceHash,
                                 String signedXml, String signingKeyId) {
        public static IssuedDocument of(InvoiceIssuedEvent issued) {
            return new IssuedDocument(issued.egsUnitId(), issued.environment(), issued.kind(), issued.uuid(),
                    issued.invoiceHash(), issued.signedXml(), issued.signingKeyId());
        }
    }

    private record StoredEvent(String type, String revision, byte[] payload) {
    }

    private final JdbcTemplate jdbc;
    private final EventStoreRegistrations registrations;

    IssuedDocuments(JdbcTemplate jdbc, EventStoreRegistrations registrations) {
        this.jdbc = jdbc;
        this.registrations = registrations;
    }

    public Optional<IssuedDocument> find(UUID invoiceId) {
        List<StoredEvent> first = jdbc.query("""
                select payload_type, payload_revision, payload from domain_event_entry
                where aggregate_identifier = ? and sequence_number = 0""",
                (rs, row) -> new StoredEvent(rs.getString("payload_type"), rs.getString("payload_revision"),
                        rs.getBytes("payload")), invoiceId.toString());
        if (first.isEmpty() || !ISSUED_TYPE.equals(first.get(0).type())) {
            return Optional.empty();
        }
        if (!ISSUED_REVISION.equals(first.get(0).revision())) {
            return registrations.issued(invoiceId).map(IssuedDocument::of);
        }
        try {
            return Optional.of(JSON.readValue(first.get(0).payload(), IssuedDocument.class));
        } catch (IOException e) {
            throw new IllegalStateException("the issued event of " + invoiceId + " cannot be read", e);
        }
    }
}
