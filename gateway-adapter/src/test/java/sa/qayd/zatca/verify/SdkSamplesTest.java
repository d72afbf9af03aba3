package sa.qayd.zatca.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import sa.qayd.zatca.hash.InvoiceHash;
import sa.qayd.zatca.qr.QrCode;
import sa.qayd.zatca.signing.Signer;
import sa.qayd.zatca.signing.XadesSignature;
import sa.qayd.zatca.testing.SdkData;
import sa.qayd.zatca.testing.TestSigners;

/** ZATCA's own signed samples are the proof that our canonicalisation and encodings match ZATCA's. */
class SdkSamplesTest {

    static Stream<Path> samples() {
        return SdkData.xmlFiles(SdkData.resolve("Samples")).stream();
    }

    static Stream<Path> errorSamples() {
        return SdkData.xmlFiles(SdkData.errorSamples()).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sampleHashRecomputesToItsPublishedDigestAndQrTag6(Path sample) {
        byte[] xml = SdkData.bytes(sample);
        String published = firstGroup(xml, "Id=\"invoiceSignedData\"[\\s\\S]*?<ds:DigestValue>([^<]+)</ds:DigestValue>");

        VerificationReport report = InvoiceVerifier.verify(xml);

        assertThat(report.invoiceHash()).isEqualTo(published);
        assertThat(new String(QrCode.decode(qrOf(xml)).get(6))).isEqualTo(published);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sampleVerifiesWithoutProblems(Path sample) {
        VerificationReport report = InvoiceVerifier.verify(SdkData.bytes(sample));

        assertThat(report.problems()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errorSamples")
    void brokenSampleIsRejected(Path sample) {
        VerificationReport report = InvoiceVerifier.verify(SdkData.bytes(sample));

        assertThat(report.valid()).as("problems of %s: %s", sample.getFileName(), report.problems()).isFalse();
    }

    @Test
    void samplesExist() {
        SdkData.require();
        assertThat(samples().count()).isGreaterThanOrEqualTo(19);
        assertThat(errorSamples().count()).isEqualTo(6);
    }

    @Test
    void firstPreviousHashIsThePublishedConstant() {
        assertThat(SdkData.read(SdkData.resolve("PIH/pih.txt")).strip()).isEqualTo(InvoiceHash.FIRST_PREVIOUS_HASH);
    }

    @Test
    void sdkCertificateGivesTheSampleIssuerSerialAndDigest() {
        Signer signer = TestSigners.sdk();
        byte[] xml = SdkData.bytes(SdkData.resolve("Samples/Simplified/Invoice/Simplified_Invoice.xml"));

        assertThat(signer.issuerName()).isEqualTo("CN=PRZEINVOICESCA4-CA, DC=extgazt, DC=gov, DC=local");
        assertThat(signer.serialNumber()).isEqualTo("379112742831380471835263969587287663520528387");
        assertThat(signer.certificateDigest())
                .isEqualTo(firstGroup(xml, "<xades:CertDigest>[\\s\\S]*?<ds:DigestValue>([^<]+)</ds:DigestValue>"));
    }

    @Test
    void signedPropertiesTemplateReproducesTheSampleDigest() {
        Signer signer = TestSigners.sdk();
        byte[] xml = SdkData.bytes(SdkData.resolve("Samples/Simplified/Invoice/Simplified_Invoice.xml"));
        String signingTime = firstGroup(xml, "<xades:SigningTime>([^<]+)<");
        var properties = new XadesSignature.SignedProperties(signingTime, signer.certificateDigest(), signer.issuerName(),
                signer.serialNumber());

        assertThat(properties.digest())
                .isEqualTo(firstGroup(xml, "URI=\"#xadesSignedProperties\">[\\s\\S]*?<ds:DigestValue>([^<]+)</ds:DigestValue>"));
    }

    static String qrOf(byte[] xml) {
        return firstGroup(xml, "<cbc:ID>QR</cbc:ID>\\s*<cac:Attachment>\\s*<cbc:EmbeddedDocumentBinaryObject[^>]*>([^<]+)<");
    }

    static String firstGroup(byte[] xml, String regex) {
        Matcher m = Pattern.compile(regex).matcher(new String(xml, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(m.find()).as("pattern %s", regex).isTrue();
        return m.group(1).strip();
    }

}
