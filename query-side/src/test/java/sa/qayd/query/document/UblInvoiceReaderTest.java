package sa.qayd.query.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import sa.qayd.zatca.SignedInvoice;
import sa.qayd.zatca.model.DocumentKind;

class UblInvoiceReaderTest {

    @Test
    void readsWhatAStandardCreditNoteMustPrint() {
        SignedInvoice signed = SampleInvoices.issue(DocumentKind.STANDARD_CREDIT_NOTE);

        PrintedInvoice invoice = UblInvoiceReader.read(signed.xml());

        assertThat(invoice.kind()).isEqualTo(DocumentKind.STANDARD_CREDIT_NOTE);
        assertThat(invoice.invoiceNumber()).isEqualTo("SME-4-00042");
        assertThat(invoice.uuid().toString()).isEqualTo(signed.uuid());
        assertThat(invoice.issueTime()).isEqualTo(LocalTime.of(10, 30, 15));
        assertThat(invoice.supplyDate()).isEqualTo(SampleInvoices.ISSUED_AT.toLocalDate());
        assertThat(invoice.billingReference()).isEqualTo("SME-0-00041");
        assertThat(invoice.reason()).isEqualTo("Returned items | إرجاع بضاعة");
        assertThat(invoice.icv()).isEqualTo("42");
        assertThat(invoice.qrPayload()).isEqualTo(signed.qrBase64());
        assertThat(invoice.seller().vatNumber()).isEqualTo("399999999900003");
        assertThat(invoice.seller().idScheme()).isEqualTo("CRN");
        assertThat(invoice.seller().addressLines()).containsExactly(
                "الامير سلطان | Prince Sultan, 2322, 1234", "المربع | Al-Murabba", "الرياض | Riyadh 23333", "SA");
        assertThat(invoice.buyer().name()).isEqualTo("شركة نماذج فاتورة المحدودة | Fatoora Samples LTD");

        assertThat(invoice.lines()).hasSize(3);
        PrintedLine first = invoice.lines().get(0);
        assertThat(first.name()).isEqualTo(SampleInvoices.ARABIC_ITEM);
        assertThat(first.quantity()).isEqualByComparingTo("33");
        assertThat(first.net()).isEqualByComparingTo("99.00");
        assertThat(first.vat()).isEqualByComparingTo("14.85");
        assertThat(first.total()).isEqualByComparingTo("113.85");

        assertThat(invoice.vatBreakdown()).extracting(VatBreakdown::category, VatBreakdown::exemptionCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("S", null),
                        org.assertj.core.groups.Tuple.tuple("Z", "VATEX-SA-35"));
        assertThat(invoice.totals().taxExclusive()).isEqualByComparingTo("232.00");
        assertThat(invoice.totals().vat()).isEqualByComparingTo(new BigDecimal("30.15"));
        assertThat(invoice.totals().payable()).isEqualByComparingTo("262.15");
    }

    @Test
    void aSimplifiedInvoiceMayNameNoBuyer() {
        PrintedInvoice invoice = UblInvoiceReader.read(SampleInvoices.issue(DocumentKind.SIMPLIFIED_INVOICE).xml());

        assertThat(invoice.kind()).isEqualTo(DocumentKind.SIMPLIFIED_INVOICE);
        assertThat(invoice.buyer()).isNull();
        assertThat(invoice.billingReference()).isNull();
        assertThat(invoice.reason()).isNull();
    }
}
