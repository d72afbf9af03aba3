package sa.qayd.api.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issued events stored before the draft grew its content fields read back with their defaults, and
 * new ones read back as written, through a mapper set up like the event store's.
 */
class StoredIssuedEventsTest {
    private static final ObjectMapper EVENT_STORE = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** An InvoiceIssuedEvent as the first releases stored it (signed XML and QR shortened). */
    static final String STORED_BEFORE_CONTENT = """
            {"invoiceId":"5a4d1c4e-2d6b-4f0e-9d43-0c6a0c1f8b11","egsUnitId":"c0ffee00-1111-4222-8333-444455556666",
             "accountId":"0e5b7a26-9c7e-4f2a-8d3b-2f6f1a4c9e01","environment":"SANDBOX","kind":"STANDARD",
             "documentType":"INVOICE","invoiceNumber":"INV-C0FFEE00-7","uuid":"9b1f3c1e-7e0a-4c55-9a2c-0d7f0f5a1b22",
             "icv":7,"previousInvoiceHash":"NWZl","invoiceHash":"Hss2","qrCode":"AQ==","signedXml":"PD94",
             "amounts":{"currency":"SAR","lineExtension":100.00,"allowanceTotal":0.00,"taxExclusive":100.00,
                        "taxTotal":15.00,"taxInclusive":115.00,"payable":115.00},
             "draft":{"invoiceNumber":null,"issueDate":"2025-11-02","issueTime":"10:15:00","currency":"SAR",
                      "buyer":{"name":"محمد","vatNumber":null,"nationalId":"1234567890",
                               "address":{"street":"Prince Sultan St","buildingNumber":"2322","additionalNumber":null,
                                          "district":"Al Murabba","city":"Riyadh","postalCode":"23333","country":"SA"}},
                      "lines":[{"name":"Tuition","quantity":1,"unitPrice":100.00,"vatCategory":"Z","vatRate":0,
                                "exemptionReasonCode":"VATEX-SA-EDU","discount":null}],
                      "paymentMeansCode":"10","note":"Term 1","amendment":null},
             "issuedAt":"2025-11-02T07:15:01.123Z"}""";

    @Test
    void anEventStoredBeforeTheContentFieldsReadsBackWithTheirDefaults() throws Exception {
        InvoiceIssuedEvent event = EVENT_STORE.readValue(STORED_BEFORE_CONTENT, InvoiceIssuedEvent.class);

        InvoiceDraft draft = event.draft();
        assertThat(draft.flags()).isEqualTo(TransactionFlags.NONE);
        assertThat(draft.allowanceCharges()).isEmpty();
        assertThat(draft.prepayments()).isEmpty();
        assertThat(draft.payableRoundingAmount()).isZero();
        assertThat(draft.exchangeRate()).isNull();
        assertThat(draft.supplyDate()).isNull();
        assertThat(draft.note()).isEqualTo("Term 1");
        assertThat(draft.buyer().identification()).isEqualTo(new Buyer.Identification("NAT", "1234567890"));
        assertThat(draft.lines()).singleElement().satisfies(line -> {
            assertThat(line.unitCode()).isEqualTo("PCE");
            assertThat(line.exemptionReason()).isNull();
        });
        InvoiceAmounts amounts = event.amounts();
        assertThat(amounts.chargeTotal()).isEqualByComparingTo("0");
        assertThat(amounts.prepaidAmount()).isEqualByComparingTo("0");
        assertThat(amounts.payableRoundingAmount()).isEqualByComparingTo("0");
        assertThat(amounts.taxTotalSar()).isEqualByComparingTo("15.00");
        assertThat(amounts.exchangeRate()).isNull();
    }

    @Test
    void aNewEventKeepsEveryContentFieldThroughTheStore() throws Exception {
        InvoiceIssuedEvent stored = EVENT_STORE.readValue(STORED_BEFORE_CONTENT, InvoiceIssuedEvent.class);
        InvoiceDraft old = stored.draft();
        InvoiceDraft draft = new InvoiceDraft("INV-9", old.issueDate(), old.issueTime(), "USD", old.buyer(), old.lines(), "ZZZ",
                "note", null, new TransactionFlags(true, false, true, true, false), new BigDecimal("3.75"), old.issueDate(),
                old.issueDate().plusDays(3), new InvoiceDraft.InvoicePeriod(old.issueDate(), null), "PO-1", "CN-1",
                List.of(new AllowanceChargeDraft(true, new BigDecimal("5.00"), "Freight", "FC", VatCategory.S,
                        new BigDecimal("15"), null, null)),
                List.of(new PrepaymentDraft("ADV-1", null, old.issueDate(), old.issueTime(), "Advance", VatCategory.O,
                        BigDecimal.ZERO, "VATEX-SA-OOS", "Deposit", new BigDecimal("10.00"))),
                new BigDecimal("-0.05"));

        InvoiceDraft readBack = EVENT_STORE.readValue(EVENT_STORE.writeValueAsString(draft), InvoiceDraft.class);

        assertThat(readBack).isEqualTo(draft);
        assertThat(EVENT_STORE.writeValueAsString(draft)).contains("\"flags\":{\"thirdParty\":true", "\"exchangeRate\":3.75");
    }
}
