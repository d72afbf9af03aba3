package sa.qayd.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.stream.LongStream;
import sa.qayd.zatca.hash.InvoiceHash;

/** One unit's chain as the issuing answers show it: ICVs 1..n, each document's PIH the hash of the one before. */
final class Chains {
    private Chains() {
    }

    /** The previous-invoice hash inside an issued document's signed XML. */
    static String previousHash(JsonNode invoice) {
        String xml = new String(Base64.getDecoder().decode(invoice.path("signed_xml").asText()), StandardCharsets.UTF_8);
        int reference = xml.indexOf("<cbc:ID>PIH</cbc:ID>");
        int start = xml.indexOf('>', xml.indexOf("<cbc:EmbeddedDocumentBinaryObject", reference)) + 1;
        return xml.substring(start, xml.indexOf('<', start));
    }

    /** Asserts that the answers of one unit's documents, in any order, form its whole chain from ICV 1. */
    static void assertWholeChain(List<JsonNode> invoices) {
        List<JsonNode> byIcv = invoices.stream().sorted(Comparator.comparingLong(invoice -> invoice.path("icv").asLong()))
                .toList();
        assertThat(byIcv).extracting(invoice -> invoice.path("icv").asLong())
                .containsExactlyElementsOf(LongStream.rangeClosed(1, invoices.size()).boxed().toList());
        String previous = InvoiceHash.FIRST_PREVIOUS_HASH;
        for (JsonNode invoice : byIcv) {
            assertThat(previousHash(invoice)).as("PIH of ICV " + invoice.path("icv").asLong()).isEqualTo(previous);
            previous = invoice.path("invoice_hash").asText();
        }
    }
}
