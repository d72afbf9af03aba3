package sa.qayd.query.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sa.qayd.zatca.hash.InvoiceHash;
import sa.qayd.zatca.verify.InvoiceVerifier;
import sa.qayd.zatca.verify.VerificationContext;
import sa.qayd.zatca.verify.VerificationReport;

/**
 * Re-checks an exported history (the NDJSON of GET /v1/audit/events from position 0) offline, with
 * nothing but the export: every document's hash and signature, each unit's ICV sequence and PIH
 * chain, and that every cleared document is the one that was issued. Prints each break with its
 * position and exits 1 if there is any.
 *
 * <pre>java -cp qayd-app.jar -Dloader.main=sa.qayd.query.audit.HistoryVerifier \
 *     org.springframework.boot.loader.launch.PropertiesLauncher export.ndjson</pre>
 * (or bin/verify-history export.ndjson)
 */
public final class HistoryVerifier {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<HistoryBreak> breaks = new ArrayList<>();
    /** Per unit, the last document seen: the next one must carry its ICV + 1 and its hash as PIH. */
    private final Map<String, Issued> lastOfUnit = new LinkedHashMap<>();
    private final Map<String, Issued> issued = new HashMap<>();
    private int documents;

    private HistoryVerifier() {
    }

    private record Issued(String where, String invoiceId, String unitId, long icv, String previousHash, String hash) {
        String subject() {
            return "invoice " + invoiceId + ", unit " + unitId + ", ICV " + icv;
        }
    }

    /** The result of one run: what was checked and what broke. */
    public record Report(int events, int documents, int units, List<HistoryBreak> breaks) {
    }

    public static Report verify(Reader export) throws IOException {
        HistoryVerifier verifier = new HistoryVerifier();
        BufferedReader lines = new BufferedReader(export);
        int events = 0;
        long lastPosition = -1;
        String line;
        for (int number = 1; (line = lines.readLine()) != null; number++) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode event;
            try {
                event = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                verifier.broken("line " + number, "", "not JSON: " + e.getOriginalMessage());
                continue;
            }
            events++;
            long position = event.path("position").asLong(-1);
            String where = "position " + position;
            if (position <= lastPosition) {
                verifier.broken(where, "", "out of order: comes after position " + lastPosition);
            }
            lastPosition = Math.max(lastPosition, position);
            String type = event.path("type").asText();
            if (type.equals(PublicEventTypes.INVOICE_ISSUED)) {
                verifier.issued(where, event.path("data"));
            } else if (type.equals(PublicEventTypes.INVOICE_CLEARED)) {
                verifier.cleared(where, event.path("data"));
            }
        }
        return new Report(events, verifier.documents, verifier.lastOfUnit.size(), List.copyOf(verifier.breaks));
    }

    private void issued(String where, JsonNode payload) {
        documents++;
        Issued document = new Issued(where, payload.path("invoice_id").asText(), payload.path("egs_unit_id").asText(),
                payload.path("icv").asLong(), payload.path("previous_invoice_hash").asText(), payload.path("invoice_hash").asText());
        issued.put(document.invoiceId(), document);
        checkChain(document);
        byte[] xml = decode(where, document.subject(), payload.path("signed_xml").asText());
        if (xml != null) {
            checkDocument(where, document, xml, "signed XML");
        }
    }

    private void checkChain(Issued document) {
        Issued previous = lastOfUnit.put(document.unitId(), document);
        long expectedIcv = previous == null ? 1 : previous.icv() + 1;
        String expectedPih = previous == null ? InvoiceHash.FIRST_PREVIOUS_HASH : previous.hash();
        if (document.icv() != expectedIcv) {
            broken(document.where(), document.subject(), (document.icv() < expectedIcv ? "ICV repeats or goes back" : "ICV gap")
                    + ": expected " + expectedIcv + (previous == null ? " (first document of the unit)" : " after " + previous.where()));
        }
        if (!document.previousHash().equals(expectedPih)) {
            broken(document.where(), document.subject(), "PIH " + document.previousHash() + " is not the hash of the previous document "
                    + (previous == null ? "(the first PIH must be the ZATCA seed hash)" : "at " + previous.where()) + ", " + expectedPih);
        }
    }

    private void cleared(String where, JsonNode payload) {
        String invoiceId = payload.path("invoice_id").asText();
        Issued original = issued.get(invoiceId);
        if (original == null) {
            broken(where, "invoice " + invoiceId, "cleared, but never issued earlier in this history");
            return;
        }
        byte[] xml = decode(where, original.subject(), payload.path("cleared_xml").asText());
        if (xml != null) {
            checkDocument(where, original, xml, "cleared XML");
        }
    }

    /** The bytes must hash to what was recorded at issue, and pass the protocol core's verifier in full. */
    private void checkDocument(String where, Issued document, byte[] xml, String what) {
        VerificationReport report = InvoiceVerifier.verify(xml,
                VerificationContext.NONE.withExpectedChain(document.previousHash(), document.icv()));
        if (!document.hash().equals(report.invoiceHash())) {
            broken(where, document.subject(), what + " hashes to " + report.invoiceHash() + ", but the recorded invoice hash is "
                    + document.hash() + (where.equals(document.where()) ? "" : " (issued at " + document.where() + ")"));
        }
        report.problems().forEach(problem -> broken(where, document.subject(), what + " fails verification: " + problem));
    }

    private byte[] decode(String where, String subject, String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            broken(where, subject, "document is not base64: " + e.getMessage());
            return null;
        }
    }

    private void broken(String where, String subject, String problem) {
        breaks.add(new HistoryBreak(where, subject, problem));
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: HistoryVerifier <export.ndjson | ->   (the NDJSON of GET /v1/audit/events?after=0)");
            System.exit(2);
        }
        Report report;
        try (Reader export = "-".equals(args[0]) ? new InputStreamReader(System.in, StandardCharsets.UTF_8)
                : Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            report = verify(export);
        }
        report.breaks().forEach(System.out::println);
        System.out.printf("checked %d events: %d documents of %d EGS units, %d break(s)%n", report.events(),
                report.documents(), report.units(), report.breaks().size());
        System.exit(report.breaks().isEmpty() ? 0 : 1);
    }
}
