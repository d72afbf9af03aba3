package sa.qayd.app.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import sa.qayd.app.Api;
import sa.qayd.app.EventLog;
import sa.qayd.app.LocalGateways;
import sa.qayd.app.QaydApplication;
import sa.qayd.app.ServiceTest;
import sa.qayd.app.Tenants;
import sa.qayd.app.Tenants.Tenant;
import sa.qayd.zatca.rules.ZatcaRules;

/**
 * Invoice content through the JSON API, over real HTTP against the whole service: ZATCA's official
 * samples expressed as requests, every new field on the document, in the reads and the PDF, every
 * refusal (problem+json, nothing stored, no ICV taken), the invoice number claim and the validation
 * endpoint.
 */
@SpringBootTest(classes = QaydApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "qayd.data-dir=")
class InvoiceContentTest extends ServiceTest {
    private static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
    /** One tenant and unit for the whole class; every document it issues has a number of its own. */
    private static Tenant tenant;
    private static UUID unit;

    @DynamicPropertySource
    static void gateways(DynamicPropertyRegistry properties) {
        LocalGateways.register(properties);
    }

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void oneActiveUnit() {
        if (tenant == null) {
            tenant = tenants.onboard("sandbox");
            unit = tenants.activeUnit(tenant.apiKey(), "both");
        }
    }

    static Stream<Path> samples() throws IOException {
        String sdkData = System.getProperty("qayd.zatca.sdk-data", System.getenv("QAYD_ZATCA_SDK_DATA"));
        Path samples = sdkData == null ? null : Path.of(sdkData, "Samples");
        Assumptions.assumeTrue(samples != null && Files.isDirectory(samples), "ZATCA SDK data not found (set "
                + "QAYD_ZATCA_SDK_DATA or -Dqayd.zatca.sdk-data to the SDK's Data folder, ../shared/zatca/sdk-data); skipping");
        try (Stream<Path> files = Files.walk(samples)) {
            return files.filter(file -> file.toString().endsWith(".xml")).sorted().toList().stream();
        }
    }

    @Nested
    class ZatcasSamples {
        @Test
        void allNineteenAreThere() throws IOException {
            assertThat(samples()).hasSize(19);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("sa.qayd.app.invoice.InvoiceContentTest#samples")
        void theApiIssuesTheSameBusinessContentAndItPassesZatcasRules(Path sample) throws IOException {
            byte[] sampleXml = Files.readAllBytes(sample);
            SampleRequests.SampleRequest request = SampleRequests.of(sampleXml,
                    "SDK-" + sample.getFileName().toString().replaceAll("[^A-Za-z0-9]", ""));

            Api.Reply reply = api.post("/v1/invoices/" + request.endpoint(), tenant.apiKey(),
                    request.body().put("egs_unit_id", unit.toString()));

            assertThat(reply.status()).as(reply.body().toString()).isIn(201, 202);
            byte[] issued = Base64.getDecoder().decode(reply.text("signed_xml"));
            assertThat(Facts.of(issued)).containsExactlyInAnyOrderElementsOf(Facts.of(sampleXml));
            Ubl sampleDocument = Ubl.parse(sampleXml);
            Ubl issuedDocument = Ubl.parse(issued);
            assertThat(issuedDocument.text("cac:PaymentMeans/cbc:InstructionNote"))
                    .isEqualTo(sampleDocument.text("cac:PaymentMeans/cbc:InstructionNote"));
            List<Ubl> sampleAllowances = sampleDocument.all("cac:AllowanceCharge");
            for (int i = 0; i < sampleAllowances.size(); i++) {
                String reason = sampleAllowances.get(i).text("cbc:AllowanceChargeReason");
                if (reason != null) {
                    assertThat(issuedDocument.all("cac:AllowanceCharge").get(i).text("cbc:AllowanceChargeReason")).isEqualTo(reason);
                }
            }
            assertThat(ZatcaRules.get().validate(issued).errors()).isEmpty();
        }
    }

    @Nested
    class NewContent {
        @Test
        void everyNewFieldReachesTheDocumentTheReadAndThePdf() throws Exception {
            LocalDate today = LocalDate.now(RIYADH);
            ObjectNode body = Tenants.standardInvoice().put("egs_unit_id", unit.toString()).put("invoice_number", number())
                    .put("currency", "USD").put("exchange_rate", "3.75").put("note", "Deliver to gate 4 | التسليم للبوابة 4")
                    .put("purchase_order_reference", "PO-7781").put("contract_reference", "CN-2024/11")
                    .put("supply_date", today.minusDays(30).toString()).put("supply_end_date", today.minusDays(1).toString())
                    .put("payment_means", "ZZZ").put("payable_rounding_amount", "-0.04");
            body.set("invoice_period", Api.json("start_date", today.minusDays(30).toString(), "end_date", today.toString()));
            body.set("transaction", Api.json("third_party", true, "summary", true));
            ((ObjectNode) body.get("buyer")).remove("vat_number");
            ((ObjectNode) body.get("buyer")).set("identification", Api.json("scheme", "CRN", "value", "4030000001"));
            ((ArrayNode) body.get("lines")).add(Api.json("name", "Diesel", "quantity", "120.5", "unit_code", "LTR",
                    "unit_price", "0.75", "vat_category", "O", "vat_rate", 0, "exemption_reason_code", "VATEX-SA-OOS",
                    "exemption_reason", "Fuel sold on behalf of the station owner"));
            body.putArray("charges").add(Api.json("amount", "60.00", "reason", "Legalisation fee", "reason_code", "LF",
                    "vat_category", "S", "vat_rate", 15));
            body.putArray("allowances").add(Api.json("amount", "10", "reason", "Loyalty discount", "reason_code", "95",
                    "vat_category", "S", "vat_rate", 15));

            Api.Reply reply = api.post("/v1/invoices/standard", tenant.apiKey(), body);

            assertThat(reply.status()).as(reply.body().toString()).isIn(201, 202);
            JsonNode amounts = reply.body().path("amounts");
            // lines 71.00 + 60.00 in S and 90.38 in O, a charge of 60.00 and an allowance of 10.00 in S: VAT 15 % of 181.00
            assertThat(amounts.path("currency").asText()).isEqualTo("USD");
            assertThat(amounts.path("charge_total").decimalValue()).isEqualByComparingTo("60.00");
            assertThat(amounts.path("allowance_total").decimalValue()).isEqualByComparingTo("10.00");
            assertThat(amounts.path("tax_total").decimalValue()).isEqualByComparingTo("27.15");
            assertThat(amounts.path("tax_total_sar").decimalValue()).isEqualByComparingTo("101.81");
            assertThat(amounts.path("exchange_rate").decimalValue()).isEqualByComparingTo("3.75");
            assertThat(amounts.path("payable_rounding_amount").decimalValue()).isEqualByComparingTo("-0.04");
            assertThat(amounts.path("payable").decimalValue()).isEqualByComparingTo("298.49");
            String xml = new String(Base64.getDecoder().decode(reply.text("signed_xml")), StandardCharsets.UTF_8);
            assertThat(xml).contains("<cbc:InvoiceTypeCode name=\"0110010\">388</cbc:InvoiceTypeCode>",
                    "<cbc:Note>Deliver to gate 4 | التسليم للبوابة 4</cbc:Note>", "<cbc:DocumentCurrencyCode>USD</cbc:DocumentCurrencyCode>",
                    "<cbc:ID>PO-7781</cbc:ID>", "<cbc:LatestDeliveryDate>" + today.minusDays(1) + "</cbc:LatestDeliveryDate>",
                    "<cbc:ID schemeID=\"CRN\">4030000001</cbc:ID>", "unitCode=\"LTR\">120.5<",
                    "<cbc:TaxExemptionReason>Fuel sold on behalf of the station owner</cbc:TaxExemptionReason>",
                    "<cbc:CalculationRate>3.75</cbc:CalculationRate>", "<cbc:PaymentMeansCode>ZZZ</cbc:PaymentMeansCode>",
                    "<cbc:TaxAmount currencyID=\"SAR\">101.81</cbc:TaxAmount>",
                    "<cbc:PayableRoundingAmount currencyID=\"USD\">-0.04</cbc:PayableRoundingAmount>");
            assertThat(ZatcaRules.get().validate(xml.getBytes(StandardCharsets.UTF_8)).errors()).isEmpty();

            JsonNode read = awaitRead(reply.text("id"));
            JsonNode details = read.path("details");
            assertThat(details.path("note").asText()).isEqualTo("Deliver to gate 4 | التسليم للبوابة 4");
            assertThat(details.path("transaction").path("summary").asBoolean()).isTrue();
            assertThat(details.path("transaction").path("export").asBoolean()).isFalse();
            assertThat(details.path("supply_end_date").asText()).isEqualTo(today.minusDays(1).toString());
            assertThat(details.path("invoice_period").path("end_date").asText()).isEqualTo(today.toString());
            assertThat(details.path("purchase_order_reference").asText()).isEqualTo("PO-7781");
            assertThat(details.path("contract_reference").asText()).isEqualTo("CN-2024/11");
            assertThat(details.path("payment_means").asText()).isEqualTo("ZZZ");
            assertThat(details.path("buyer").path("identification").path("scheme").asText()).isEqualTo("CRN");
            assertThat(details.path("charges").get(0).path("reason_code").asText()).isEqualTo("LF");
            assertThat(details.path("allowances").get(0).path("amount").decimalValue()).isEqualByComparingTo("10");
            assertThat(read.path("amounts")).isEqualTo(amounts);
            assertThat(pdfText(reply.text("id"))).contains("Deliver to gate 4", "PO-7781", "1 USD = 3.75 SAR", "Summary",
                    "Legalisation fee", "Total VAT in SAR", "101.81 SAR", "120.5 LTR");
        }

        @Test
        void aPrepaymentInvoiceIsDeductedInTheFinalInvoiceAtItsOwnRate() {
            ObjectNode advance = Tenants.standardInvoice().put("egs_unit_id", unit.toString()).put("invoice_number", number())
                    .put("invoice_type", "standard");
            advance.set("lines", array(Api.json("name", "Advance for the laptop", "quantity", 1, "unit_price", "1000.00",
                    "vat_category", "S", "vat_rate", 5)));
            Api.Reply prepayment = api.post("/v1/invoices/prepayment", tenant.apiKey(), advance);
            assertThat(prepayment.status()).as(prepayment.body().toString()).isIn(201, 202);
            assertThat(prepayment.text("document_type")).isEqualTo("prepayment_invoice");
            String prepaymentXml = new String(Base64.getDecoder().decode(prepayment.text("signed_xml")), StandardCharsets.UTF_8);
            assertThat(prepaymentXml).contains("<cbc:InvoiceTypeCode name=\"0100000\">386</cbc:InvoiceTypeCode>");
            assertThat(awaitRead(prepayment.text("id")).path("document_type").asText()).isEqualTo("prepayment_invoice");

            ObjectNode last = Tenants.standardInvoice().put("egs_unit_id", unit.toString()).put("invoice_number", number());
            last.set("lines", array(Api.json("name", "Laptop", "quantity", 1, "unit_price", "2000.00", "vat_category", "S",
                    "vat_rate", 15)));
            last.putArray("prepayments").add(Api.json("invoice_number", advance.path("invoice_number").asText(),
                    "uuid", prepayment.text("uuid"), "issue_date", prepaymentXml.replaceAll("(?s).*?<cbc:IssueDate>([^<]+)<.*", "$1"),
                    "issue_time", prepaymentXml.replaceAll("(?s).*?<cbc:IssueTime>([^<]+)<.*", "$1"),
                    "name", "Advance received for the laptop", "vat_category", "S", "vat_rate", 5, "taxable_amount", "1000.00"));
            Api.Reply reply = api.post("/v1/invoices/standard", tenant.apiKey(), last);

            assertThat(reply.status()).as(reply.body().toString()).isIn(201, 202);
            assertThat(reply.body().path("amounts").path("tax_total").decimalValue()).isEqualByComparingTo("300.00");
            assertThat(reply.body().path("amounts").path("prepaid_amount").decimalValue()).isEqualByComparingTo("1050.00");
            assertThat(reply.body().path("amounts").path("payable").decimalValue()).isEqualByComparingTo("1250.00");
            byte[] xml = Base64.getDecoder().decode(reply.text("signed_xml"));
            assertThat(new String(xml, StandardCharsets.UTF_8)).contains("<cbc:DocumentTypeCode>386</cbc:DocumentTypeCode>",
                    "<cbc:UUID>" + prepayment.text("uuid") + "</cbc:UUID>");
            assertThat(ZatcaRules.get().validate(xml).errors()).isEmpty();
        }
    }

    @Nested
    class Refusals {
        @Test
        void eachBadBodyIsRefusedWithItsFieldsAndStoresNothing() {
            long icvBefore = issueOne().path("icv").asLong();
            LocalDate today = LocalDate.now(RIYADH);
            refused("/v1/invoices/simplified", body -> body.put("issue_date", "1999-12-31"), "issue_date");
            refused("/v1/invoices/simplified", body -> ((ObjectNode) body.get("lines").get(0)).put("quantity", 1000000)
                    .put("unit_price", "100000000000.00"), "lines");
            refused("/v1/invoices/simplified", body -> ((ObjectNode) body.get("lines").get(0)).put("unit_price", "1000000000000.00"),
                    "lines[0].unit_price");
            refused("/v1/invoices/simplified", body -> body.set("transaction", Api.json("export", true)), "transaction.export");
            refused("/v1/invoices/standard", body -> {
                body.setAll(Tenants.standardInvoice());
                body.set("transaction", Api.json("export", true, "self_billed", true));
            }, "transaction.self_billed");
            refused("/v1/invoices/simplified", body -> body.set("transaction", Api.json("summary", true)), "supply_date", "buyer.name");
            refused("/v1/invoices/simplified", body -> body.put("supply_date", today.toString())
                    .put("supply_end_date", today.minusDays(1).toString()), "supply_end_date");
            refused("/v1/invoices/simplified", body -> body.put("currency", "USD"), "exchange_rate");
            refused("/v1/invoices/simplified", body -> body.put("currency", "MRU").put("exchange_rate", "0.1"), "currency");
            refused("/v1/invoices/simplified", body -> body.put("exchange_rate", "3.75"), "exchange_rate");
            refused("/v1/invoices/simplified", body -> body.put("payment_means", "69"), "payment_means");
            refused("/v1/invoices/simplified", body -> body.put("payable_rounding_amount", "1.00"), "payable_rounding_amount");
            refused("/v1/invoices/simplified", body -> body.putArray("allowances").add(Api.json("amount", "500.00",
                    "reason", "Too generous", "vat_category", "S", "vat_rate", 15)), "allowances");
            refused("/v1/invoices/simplified", body -> body.putArray("charges").add(Api.json("amount", "5.00",
                    "reason", "Freight", "reason_code", "95", "vat_category", "S", "vat_rate", 15)), "charges[0].reason_code");
            refused("/v1/invoices/simplified", body -> body.putArray("prepayments").add(prepayment("5000.00")), "prepayments");
            refused("/v1/invoices/credit", body -> body.put("billing_reference", "INV-1").put("invoice_type", "simplified")
                    .put("reason", "Returned").putArray("prepayments").add(prepayment("10.00")), "prepayments");
            refused("/v1/invoices/simplified", body -> ((ObjectNode) body.get("lines").get(0)).put("vat_category", "Z")
                    .put("vat_rate", 0).put("exemption_reason_code", "VATEX-SA-35").put("exemption_reason", "My own text"),
                    "lines[0].exemption_reason");
            refused("/v1/invoices/simplified", body -> ((ObjectNode) body.get("lines").get(0)).put("unit_code", "piece"),
                    "lines[0].unit_code");
            refused("/v1/invoices/simplified", body -> body.set("buyer", Api.json("name", "Citizen",
                    "identification", Api.json("scheme", "NAT", "value", "2123456789"))), "buyer.identification.value");
            refused("/v1/invoices/simplified", body -> body.set("buyer", Api.json("identification",
                    Api.json("scheme", "ABC", "value", "1"))), "buyer.identification.scheme");
            refused("/v1/invoices/standard", body -> {
                body.setAll(Tenants.standardInvoice());
                ((ObjectNode) body.get("buyer")).remove("vat_number");
            }, "buyer.identification");
            refused("/v1/invoices/prepayment", body -> { }, "invoice_type");
            refused("/v1/invoices/simplified", body -> body.put("document_type", "invoice"), "document_type");

            assertThat(issueOne().path("icv").asLong()).as("no refused request took an ICV").isEqualTo(icvBefore + 1);
        }

        @Test
        void controlCharactersAreRefusedNotTrimmed() {
            long icvBefore = issueOne().path("icv").asLong();
            refused("/v1/invoices/simplified", body -> body.put("invoice_number", "INV\u0001"), "invoice_number");
            refused("/v1/invoices/simplified", body -> body.put("invoice_number", "INV\u0000"), "invoice_number");
            refused("/v1/invoices/simplified", body -> body.put("note", "first\u0000second"), "note");
            refused("/v1/invoices/simplified", body -> ((ObjectNode) body.get("lines").get(0)).put("name", "Coffee\u001b[31m"),
                    "lines[0].name");
            refused("/v1/invoices/simplified", body -> body.putArray("charges").add(Api.json("amount", "1.00",
                    "reason", "Freight\u0007", "vat_category", "S", "vat_rate", 15)), "charges[0].reason");
            assertThat(issueOne().path("icv").asLong()).as("no refused request took an ICV").isEqualTo(icvBefore + 1);
        }

        /** The body of a valid simplified invoice, changed by {@code change}, is refused naming exactly {@code fields}. */
        private void refused(String path, Consumer<ObjectNode> change, String... fields) {
            ObjectNode body = Tenants.simplifiedInvoice().put("egs_unit_id", unit.toString()).put("invoice_number", number());
            change.accept(body);
            int issued = events().events("InvoiceIssuedEvent", "accountId", tenant.accountId()).size();
            int claims = claims();

            Api.Reply reply = api.post(path, tenant.apiKey(), body);

            assertThat(reply.status()).as(reply.body().toString()).isEqualTo(422);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.code()).isEqualTo("VALIDATION_FAILED");
            assertThat(reply.body().path("errors").findValuesAsText("field")).as(reply.body().toString())
                    .containsExactlyInAnyOrder(fields);
            assertThat(events().events("InvoiceIssuedEvent", "accountId", tenant.accountId())).hasSize(issued);
            assertThat(claims()).isEqualTo(claims);
        }
    }

    @Nested
    class InvoiceNumbers {
        @Test
        void aNumberIsUsedOnceInTheAccountAndARefusedNumberTakesNoIcv() {
            String number = number();
            JsonNode first = issue(number);
            assertThat(first.path("invoice_number").asText()).isEqualTo(number);

            Api.Reply again = api.post("/v1/invoices/simplified", tenant.apiKey(),
                    Tenants.simplifiedInvoice().put("egs_unit_id", unit.toString()).put("invoice_number", number));

            assertThat(again.status()).isEqualTo(409);
            assertThat(again.contentType()).startsWith("application/problem+json");
            assertThat(again.code()).isEqualTo("INVOICE_NUMBER_TAKEN");
            assertThat(again.body().path("errors").findValuesAsText("field")).containsExactly("invoice_number");
            assertThat(again.text("detail")).contains(first.path("id").asText());
            assertThat(issue(number()).path("icv").asLong()).isEqualTo(first.path("icv").asLong() + 1);
        }

        @Test
        void theUnitsDefaultNumbersCountToo() {
            long next = issue(number()).path("icv").asLong() + 1;
            String defaultOfTheNext = "INV-" + unit.toString().substring(0, 8).toUpperCase() + "-" + (next + 1);
            issue(defaultOfTheNext);

            Api.Reply defaulted = api.post("/v1/invoices/simplified", tenant.apiKey(),
                    Tenants.simplifiedInvoice().put("egs_unit_id", unit.toString()));

            assertThat(defaulted.status()).as(defaulted.body().toString()).isEqualTo(409);
            assertThat(defaulted.code()).isEqualTo("INVOICE_NUMBER_TAKEN");
            assertThat(issue(number()).path("icv").asLong()).isEqualTo(next + 1);
        }

        @Test
        void anIdempotentRetryIsTheFirstAnswerNotATakenNumber() {
            ObjectNode body = Tenants.simplifiedInvoice().put("egs_unit_id", unit.toString()).put("invoice_number", number());
            Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
            Api.Reply first = api.send("POST", "/v1/invoices/simplified", tenant.apiKey(), body, key);
            Api.Reply retry = api.send("POST", "/v1/invoices/simplified", tenant.apiKey(), body, key);

            assertThat(first.status()).isEqualTo(201);
            assertThat(retry.status()).isEqualTo(201);
            assertThat(retry.text("id")).isEqualTo(first.text("id"));
        }

        @Test
        void racingRequestsForOneNumberGiveItToExactlyOne() throws Exception {
            UUID secondUnit = tenants.activeUnit(tenant.apiKey(), "both");
            String number = number();
            ExecutorService clients = Executors.newFixedThreadPool(6);
            try {
                List<Future<Api.Reply>> replies = Stream.of(unit, secondUnit, unit, secondUnit, unit, secondUnit)
                        .map(target -> clients.submit(() -> api.post("/v1/invoices/simplified", tenant.apiKey(),
                                Tenants.simplifiedInvoice().put("egs_unit_id", target.toString()).put("invoice_number", number))))
                        .toList();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Api.Reply> reply : replies) {
                    statuses.add(reply.get().status());
                }
                assertThat(statuses).containsExactlyInAnyOrder(201, 409, 409, 409, 409, 409);
            } finally {
                clients.shutdown();
            }
            assertThat(events().events("InvoiceIssuedEvent", "invoiceNumber", number)).hasSize(1);
        }
    }

    @Nested
    class Validation {
        @Test
        void answersTheXmlQaydWouldSignAndEveryRuleWithoutTakingAnIcv() {
            ObjectNode body = Tenants.standardInvoice().put("egs_unit_id", unit.toString()).put("invoice_number", number())
                    .put("invoice_type", "standard");
            long icvBefore = issueOne().path("icv").asLong();
            int issued = events().events("InvoiceIssuedEvent", "accountId", tenant.accountId()).size();

            Api.Reply reply = api.post("/v1/invoices/validate", tenant.apiKey(), body);

            assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
            assertThat(reply.body().path("valid").asBoolean()).isTrue();
            assertThat(reply.body().path("errors").asInt()).isZero();
            assertThat(reply.body().path("icv").asLong()).isEqualTo(icvBefore + 1);
            assertThat(reply.text("signature")).isEqualTo("throwaway");
            assertThat(reply.text("notice")).contains("throwaway");
            String xml = new String(Base64.getDecoder().decode(reply.text("xml")), StandardCharsets.UTF_8);
            assertThat(xml).contains("<cbc:InvoiceTypeCode name=\"0100000\">388</cbc:InvoiceTypeCode>",
                    "<cbc:ID>" + body.path("invoice_number").asText() + "</cbc:ID>", "Qayd validation preview");
            assertThat(reply.body().path("results").findValuesAsText("source")).doesNotContain("XSD");
            assertThat(events().events("InvoiceIssuedEvent", "accountId", tenant.accountId())).hasSize(issued);
            body.remove("invoice_type");
            assertThat(api.post("/v1/invoices/standard", tenant.apiKey(), body).body().path("icv").asLong())
                    .as("validation took no ICV and left the number free").isEqualTo(icvBefore + 1);
        }

        @Test
        void reportsATakenNumberAndRefusesBadFieldsLikeIssuing() {
            String number = number();
            issue(number);
            Api.Reply taken = api.post("/v1/invoices/validate", tenant.apiKey(), Tenants.simplifiedInvoice()
                    .put("egs_unit_id", unit.toString()).put("invoice_type", "simplified").put("invoice_number", number));
            assertThat(taken.status()).isEqualTo(200);
            assertThat(taken.body().path("valid").asBoolean()).isFalse();
            assertThat(taken.body().path("results").findValuesAsText("rule")).contains("INVOICE_NUMBER_TAKEN");

            Api.Reply noType = api.post("/v1/invoices/validate", tenant.apiKey(), Tenants.simplifiedInvoice()
                    .put("egs_unit_id", unit.toString()).put("issue_date", "1999-01-01"));
            assertThat(noType.status()).isEqualTo(422);
            assertThat(noType.body().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("invoice_type", "issue_date");

            Api.Reply credit = api.post("/v1/invoices/validate", tenant.apiKey(), Tenants.simplifiedInvoice()
                    .put("egs_unit_id", unit.toString()).put("document_type", "credit_note").put("invoice_type", "simplified")
                    .put("billing_reference", "INV-77").put("reason", "Returned items"));
            assertThat(credit.status()).as(credit.body().toString()).isEqualTo(200);
            assertThat(credit.text("document_type")).isEqualTo("credit_note");
            assertThat(credit.body().path("valid").asBoolean()).isTrue();
        }
    }

    private JsonNode issueOne() {
        return issue(number());
    }

    private JsonNode issue(String number) {
        Api.Reply reply = api.post("/v1/invoices/simplified", tenant.apiKey(),
                Tenants.simplifiedInvoice().put("egs_unit_id", unit.toString()).put("invoice_number", number));
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        return reply.body();
    }

    private static ArrayNode array(ObjectNode... elements) {
        ArrayNode array = Api.JSON.createArrayNode();
        for (ObjectNode element : elements) {
            array.add(element);
        }
        return array;
    }

    private static ObjectNode prepayment(String taxable) {
        return Api.json("invoice_number", "ADV-1", "issue_date", "2025-01-05", "issue_time", "10:00:00", "vat_category", "S",
                "vat_rate", 15, "taxable_amount", taxable);
    }

    private static String number() {
        return "T-" + UUID.randomUUID().toString().substring(0, 13);
    }

    private EventLog events() {
        return new EventLog(jdbc);
    }

    private int claims() {
        return jdbc.queryForObject("select count(*) from invoice_number_claim where account_id = ?", Integer.class,
                tenant.accountId());
    }

    private JsonNode awaitRead(String id) {
        Api.Reply read = api.get("/v1/invoices/" + id, tenant.apiKey());
        assertThat(read.status()).as(read.body().toString()).isEqualTo(200);
        return read.body();
    }

    private String pdfText(String id) throws IOException, InterruptedException {
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/v1/invoices/" + id + "/pdf"))
                .header("Authorization", "Bearer " + tenant.apiKey()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            return new PDFTextStripper().getText(document);
        }
    }
}
