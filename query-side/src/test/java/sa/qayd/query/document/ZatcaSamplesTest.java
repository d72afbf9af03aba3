package sa.qayd.query.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** ZATCA's own sample documents (another producer's XML) render to conforming PDF/A-3b too. */
class ZatcaSamplesTest {

    static Stream<Path> samples() throws Exception {
        String sdkData = System.getProperty("qayd.zatca.sdk-data", System.getenv("QAYD_ZATCA_SDK_DATA"));
        Path samples = sdkData == null ? null : Path.of(sdkData, "Samples");
        Assumptions.assumeTrue(samples != null && Files.isDirectory(samples), "ZATCA SDK data not available");
        try (Stream<Path> files = Files.walk(samples)) {
            return files.filter(file -> file.toString().endsWith(".xml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void rendersTheSample(Path sample) throws Exception {
        byte[] xml = Files.readAllBytes(sample);
        PrintedInvoice invoice = UblInvoiceReader.read(xml);

        byte[] pdf = InvoicePdf.render(xml);
        InvoicePdfTest.keepForInspection("zatca-" + sample.getFileName().toString().replace(".xml", ".pdf"), pdf);

        assertThat(VeraPdf.failedRules(pdf)).isEmpty();
        assertThat(InvoicePdfTest.text(pdf)).contains(invoice.invoiceNumber(), "Amount payable",
                Amounts.money(invoice.totals().payable(), invoice.currency()));
    }
}
