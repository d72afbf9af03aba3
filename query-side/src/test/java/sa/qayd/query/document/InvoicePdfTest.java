package sa.qayd.query.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import sa.qayd.zatca.SignedInvoice;
import sa.qayd.zatca.model.AllowanceCharge;
import sa.qayd.zatca.model.DocumentKind;
import sa.qayd.zatca.model.InvoiceLine;
import sa.qayd.zatca.model.InvoiceToIssue;
import sa.qayd.zatca.model.Period;
import sa.qayd.zatca.model.PrepaymentDeduction;
import sa.qayd.zatca.model.TaxCategory;
import sa.qayd.zatca.model.TransactionFlags;

class InvoicePdfTest {

    private static final SignedInvoice SIMPLIFIED = SampleInvoices.issue(DocumentKind.SIMPLIFIED_INVOICE);
    private static final byte[] SIMPLIFIED_PDF = InvoicePdf.render(SIMPLIFIED.xml());

    @ParameterizedTest
    @EnumSource(DocumentKind.class)
    void everyKindConformsToPdfA3bAndShowsWhatItIs(DocumentKind kind) throws Exception {
        InvoiceToIssue invoice = SampleInvoices.of(kind).build();
        byte[] pdf = InvoicePdf.render(SampleInvoices.issue(invoice).xml());
        keepForInspection(kind.name().toLowerCase() + ".pdf", pdf);

        assertThat(VeraPdf.failedRules(pdf)).isEmpty();
        String text = text(pdf);
        assertThat(text).contains(Labels.title(kind).english(), invoice.invoiceNumber());
        assertThat(normalized(text)).contains(Labels.title(kind).arabic());
        if (kind.isNote()) {
            assertThat(text).contains("Original invoice", invoice.billingReference(), "Returned items");
        }
        if (!kind.simplified()) {
            assertThat(text).contains("Buyer", "399999999800003", "Samples LTD");
        }
    }

    @Test
    void showsEveryContentTheXmlCarriesBeyondAPlainInvoice() throws Exception {
        LocalDate supplied = SampleInvoices.ISSUED_AT.toLocalDate().minusDays(30);
        InvoiceToIssue invoice = SampleInvoices.of(DocumentKind.STANDARD_INVOICE)
                .flags(new TransactionFlags(true, false, true, true, false))
                .currency("USD", new BigDecimal("3.75"))
                .supplyDate(supplied).supplyEndDate(supplied.plusDays(29))
                .invoicePeriod(new Period(supplied, supplied.plusDays(29)))
                .purchaseOrderReference("PO-7781").contractReference("CN-2024/11")
                .note("Delivered to gate 4 | سلمت إلى البوابة 4")
                .line(new InvoiceLine("Diesel", new BigDecimal("2.5"), "LTR", new BigDecimal("10.00"), TaxCategory.standard(),
                        BigDecimal.ZERO, null))
                .allowanceCharge(new AllowanceCharge(true, new BigDecimal("60.00"), "Legalisation fee", "LF", TaxCategory.standard()))
                .allowanceCharge(new AllowanceCharge(false, new BigDecimal("5.00"), "Loyalty discount", "95", TaxCategory.standard()))
                .prepayment(new PrepaymentDeduction("ADV-46531", null, supplied.minusDays(10), LocalTime.of(12, 28, 17),
                        "Advance received", TaxCategory.standard(new BigDecimal("5")), new BigDecimal("100.00")))
                .payableRoundingAmount(new BigDecimal("-0.15"))
                .build();
        byte[] pdf = InvoicePdf.render(SampleInvoices.issue(invoice).xml());
        keepForInspection("every-content.pdf", pdf);

        assertThat(VeraPdf.failedRules(pdf)).isEmpty();
        String text = text(pdf);
        assertThat(text).contains("Transaction", "Third party", "Export", "Summary", "Supply end date",
                supplied.plusDays(29).toString(), "Invoice period", supplied + " – " + supplied.plusDays(29),
                "Purchase order", "PO-7781", "Contract", "CN-2024/11", "Note", "Delivered to gate 4",
                "Exchange rate", "1 USD = 3.75 SAR", "2.5 LTR", "Document discounts and charges", "LF Legalisation fee",
                "95 Loyalty discount", "Prepayments deducted", "ADV-46531 · Advance received", "100.00", "Total VAT in SAR", "Rounding",
                "-0.15 USD", "Prepaid amount", "105.00 USD");
        assertThat(normalized(text)).contains("صادرات", "الدفعات المقدمة المخصومة");
    }

    @Test
    void aPrepaymentInvoiceSaysWhatItIs() throws Exception {
        byte[] pdf = InvoicePdf.render(SampleInvoices.issue(DocumentKind.SIMPLIFIED_PREPAYMENT_INVOICE).xml());

        assertThat(text(pdf)).contains("Simplified Prepayment Invoice");
        assertThat(normalized(text(pdf))).contains("فاتورة دفعة مقدمة مبسطة");
    }

    @Test
    void claimsPdfA3bInItsMetadata() throws Exception {
        assertThat(VeraPdf.claimedFlavour(SIMPLIFIED_PDF)).isEqualTo(PDFAFlavour.PDFA_3_B);
    }

    @Test
    void anInvoiceNumberWithMarkupCharactersKeepsTheMetadataValid() throws Exception {
        byte[] pdf = InvoicePdf.render(SampleInvoices.issue(
                SampleInvoices.of(DocumentKind.SIMPLIFIED_INVOICE).invoiceNumber("A&B <7> \"x\"/1").build()).xml());

        assertThat(VeraPdf.failedRules(pdf)).isEmpty();
        assertThat(VeraPdf.claimedFlavour(pdf)).isEqualTo(PDFAFlavour.PDFA_3_B);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Simplified Tax Invoice A&B <7> \"x\"/1");
            assertThat(document.getDocumentCatalog().getNames().getEmbeddedFiles().getNames()).containsKey("A_B__7___x__1.xml");
        }
    }

    @Test
    void charactersNeitherFontHasArePrintedAsQuestionMarks() throws Exception {
        byte[] pdf = InvoicePdf.render(SampleInvoices.issue(SampleInvoices.of(DocumentKind.SIMPLIFIED_INVOICE)
                .line(InvoiceLine.of("Gift box 🎁 礼品", BigDecimal.ONE, new BigDecimal("5.00"), TaxCategory.standard()))
                .build()).xml());

        assertThat(VeraPdf.failedRules(pdf)).isEmpty();
        assertThat(text(pdf)).contains("Gift box ? ??");
    }

    @Test
    void theValidatorRejectsAnOrdinaryPdf() throws Exception {
        try (PDDocument plain = new PDDocument()) {
            plain.addPage(new PDPage());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            plain.save(bytes);
            assertThat(VeraPdf.failedRules(bytes.toByteArray())).isNotEmpty();
        }
    }

    @Test
    void carriesTheSignedXmlByteForByteAsAnAssociatedFile() throws Exception {
        try (PDDocument document = Loader.loadPDF(SIMPLIFIED_PDF)) {
            COSArray associatedFiles = document.getDocumentCatalog().getCOSObject().getCOSArray(COSName.getPDFName("AF"));
            assertThat(associatedFiles.size()).isEqualTo(1);
            PDComplexFileSpecification fromCatalog =
                    new PDComplexFileSpecification((COSDictionary) associatedFiles.getObject(0));
            PDComplexFileSpecification fromNameTree = document.getDocumentCatalog().getNames().getEmbeddedFiles()
                    .getNames().get("SME-0-00042.xml");

            assertThat(fromNameTree.getCOSObject()).isSameAs(fromCatalog.getCOSObject());
            assertThat(fromCatalog.getFileUnicode()).isEqualTo("SME-0-00042.xml");
            assertThat(fromCatalog.getCOSObject().getNameAsString("AFRelationship")).isEqualTo("Data");
            assertThat(fromCatalog.getEmbeddedFile().getSubtype()).isEqualTo("application/xml");
            assertThat(fromCatalog.getEmbeddedFile().toByteArray()).isEqualTo(SIMPLIFIED.xml());
        }
    }

    @Test
    void theQrCodeDecodesToTheInvoicesQrPayload() throws Exception {
        try (PDDocument document = Loader.loadPDF(SIMPLIFIED_PDF)) {
            BufferedImage qr = onlyImage(document.getPage(0).getResources());
            int[] pixels = qr.getRGB(0, 0, qr.getWidth(), qr.getHeight(), null, 0, qr.getWidth());
            String decoded = new QRCodeReader().decode(
                    new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(qr.getWidth(), qr.getHeight(), pixels))),
                    Map.of(DecodeHintType.PURE_BARCODE, true)).getText();
            assertThat(decoded).isEqualTo(SIMPLIFIED.qrBase64());
        }
    }

    @Test
    void showsTheNumberTheEnglishLabelsAndTheTotalsWithCurrency() throws Exception {
        assertThat(text(SIMPLIFIED_PDF)).contains(
                "Simplified Tax Invoice", "SME-0-00042", "2025-03-14 10:30:15", "Invoice counter", "42",
                UUID.nameUUIDFromBytes("SIMPLIFIED_INVOICE".getBytes()).toString(),
                "Total excl. VAT", "232.00 SAR", "Total VAT", "30.15 SAR", "Total incl. VAT", "262.15 SAR",
                "Amount payable", "0% Z", "Zero rated", "VATEX-SA-35 Medicines and medical equipment",
                "Page 1 of 1");
    }

    @Test
    void arabicNamesComeOutOfTheTextLayerInReadingOrder() throws Exception {
        String text = normalized(text(SIMPLIFIED_PDF));
        assertThat(text).contains(SampleInvoices.SELLER_ARABIC_NAME.split(" ")[0], SampleInvoices.ARABIC_ITEM,
                "الإجمالي شامل الضريبة", "فاتورة ضريبية مبسطة");
    }

    @Test
    void theSameXmlAlwaysGivesTheSameBytes() {
        InvoicePdf.render(SampleInvoices.issue(DocumentKind.STANDARD_DEBIT_NOTE).xml());
        assertThat(InvoicePdf.render(SIMPLIFIED.xml())).isEqualTo(SIMPLIFIED_PDF);
    }

    @Test
    void takesItsIdentifierAndDatesFromTheInvoice() throws Exception {
        try (PDDocument document = Loader.loadPDF(SIMPLIFIED_PDF)) {
            UUID uuid = UUID.nameUUIDFromBytes("SIMPLIFIED_INVOICE".getBytes());
            byte[] expected = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                    .putLong(uuid.getLeastSignificantBits()).array();
            assertThat(((COSString) document.getDocument().getDocumentID().get(0)).getBytes()).isEqualTo(expected);
            assertThat(document.getDocumentInformation().getCreationDate().toInstant())
                    .isEqualTo(SampleInvoices.ISSUED_AT.atZone(sa.qayd.zatca.ZatcaDocuments.RIYADH).toInstant());
        }
    }

    @Test
    void aLongInvoiceRunsOverPagesWithTheTableHeadingAndFooterOnEach() throws Exception {
        InvoiceToIssue.Builder builder = SampleInvoices.of(DocumentKind.STANDARD_INVOICE);
        IntStream.rangeClosed(1, 57).forEach(i -> builder.line(InvoiceLine.of(
                i % 2 == 0 ? "صنف رقم " + i + " | Item number " + i : "Catalogue item " + i + " with a longer description to wrap",
                new BigDecimal(i), new BigDecimal("1.25"), TaxCategory.standard())));
        byte[] pdf = InvoicePdf.render(SampleInvoices.issue(builder.build()).xml());
        keepForInspection("sixty-lines.pdf", pdf);

        assertThat(VeraPdf.failedRules(pdf)).isEmpty();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            assertThat(pages).isGreaterThanOrEqualTo(2);
            for (int page = 1; page <= pages; page++) {
                String pageText = text(document, page);
                assertThat(pageText).contains("Page " + page + " of " + pages, "SME-3-00042");
                if (page > 1 && page < pages) {
                    assertThat(pageText).contains("Unit price");
                }
            }
            assertThat(text(document, pages)).contains("Amount payable");
            assertThat(text(document, 1)).doesNotContain("Amount payable");
            assertThat(normalized(new PDFTextStripper().getText(document))).contains("Catalogue item 57", "صنف رقم 56");
        }
    }

    @Test
    void rendersOnSeveralThreadsAtOnce() throws Exception {
        List<byte[]> inputs = new ArrayList<>();
        for (DocumentKind kind : DocumentKind.values()) {
            inputs.add(SampleInvoices.issue(kind).xml());
        }
        List<byte[]> sequential = inputs.stream().map(InvoicePdf::render).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> parallel = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                inputs.forEach(xml -> parallel.add(pool.submit(() -> InvoicePdf.render(xml))));
            }
            for (int i = 0; i < parallel.size(); i++) {
                assertThat(parallel.get(i).get()).isEqualTo(sequential.get(i % inputs.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void refusesXmlWithADoctype() {
        byte[] hostile = ("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\">&e;</Invoice>")
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> InvoicePdf.render(hostile)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesXmlThatIsNotAnInvoice() {
        assertThatThrownBy(() -> InvoicePdf.render("<CreditNote/>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reportsTheRenderTime() {
        byte[] xml = SampleInvoices.issue(DocumentKind.STANDARD_INVOICE).xml();
        IntStream.range(0, 20).forEach(i -> InvoicePdf.render(xml));
        int renders = 40;
        // CPU time of this thread as well as wall time: the build machine is shared, wall time alone says little
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long wallStart = System.nanoTime();
        IntStream.range(0, renders).forEach(i -> InvoicePdf.render(xml));
        double wallMillis = (System.nanoTime() - wallStart) / 1e6 / renders;
        double cpuMillis = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6 / renders;
        System.out.printf("InvoicePdf.render: %.1f ms CPU, %.1f ms wall per three-line standard invoice (warm, one thread)%n",
                cpuMillis, wallMillis);
        assertThat(wallMillis).isLessThan(1000);
    }

    private static BufferedImage onlyImage(PDResources resources) throws Exception {
        List<BufferedImage> images = new ArrayList<>();
        for (COSName name : resources.getXObjectNames()) {
            if (resources.getXObject(name) instanceof PDImageXObject image) {
                images.add(image.getImage());
            }
        }
        assertThat(images).hasSize(1);
        return images.get(0);
    }

    /** Leaves the document under target/ for a person to look at (e.g. pdftoppm -png). */
    static void keepForInspection(String name, byte[] pdf) throws Exception {
        Path folder = Files.createDirectories(Path.of("target", "invoice-pdf-samples"));
        Files.write(folder.resolve(name), pdf);
    }

    static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static String text(PDDocument document, int page) throws Exception {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(document);
    }

    /** Folds any Arabic presentation forms the text layer returns back to the letters they show. */
    static String normalized(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC);
    }
}
