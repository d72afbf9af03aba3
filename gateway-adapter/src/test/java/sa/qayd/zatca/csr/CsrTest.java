package sa.qayd.zatca.csr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.StringReader;
import java.security.KeyPair;
import java.util.Properties;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import sa.qayd.zatca.fatoora.FatooraEnvironment;
import sa.qayd.zatca.testing.SdkData;

class CsrTest {

    static final CsrConfig SAMPLE = new CsrConfig("TST-886431145-399999999900003", "1-TST|2-TST|3-ed22f1d8-e6a2-1118-9b58-d9a8f11e445f",
            "399999999900003", "Riyadh Branch", "Maximum Speed Tech Supply LTD", "SA", "1100", "RRRD2929", "Supply activities",
            FatooraEnvironment.SANDBOX);

    static final KeyPair KEYS = CsrGenerator.newKeyPair();

    @ParameterizedTest
    @EnumSource(FatooraEnvironment.class)
    void csrRoundTripsWithTheTemplateNameOfItsEnvironment(FatooraEnvironment environment) throws Exception {
        CsrConfig config = new CsrConfig(SAMPLE.commonName(), SAMPLE.serialNumber(), SAMPLE.organizationIdentifier(),
                SAMPLE.organizationUnitName(), SAMPLE.organizationName(), "SA", "1100", "RRRD2929", "Supply activities", environment);

        Csr csr = CsrGenerator.generate(config, KEYS);
        CsrParser.ParsedCsr parsed = CsrParser.parse(csr.base64OfPem());

        assertThat(parsed.config()).isEqualTo(config);
        assertThat(parsed.publicKey().getEncoded()).isEqualTo(KEYS.getPublic().getEncoded());
        var request = new PKCS10CertificationRequest(csr.der());
        assertThat(request.getSubject().toString()).isEqualTo(
                "C=SA,OU=Riyadh Branch,O=Maximum Speed Tech Supply LTD,CN=TST-886431145-399999999900003");
        assertThat(request.getSignatureAlgorithm().getAlgorithm().getId()).isEqualTo("1.2.840.10045.4.3.2");
        var extensions = request.getRequestedExtensions();
        assertThat(extensions.getExtensionParsedValue(new ASN1ObjectIdentifier("1.3.6.1.4.1.311.20.2")))
                .isEqualTo(new DERUTF8String(environment.templateName()));
        assertThat(extensions.getExtension(Extension.subjectAlternativeName)).isNotNull();
    }

    @Test
    void keyIsOnSecp256k1() {
        var key = (java.security.interfaces.ECPublicKey) KEYS.getPublic();
        assertThat(key.getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
        assertThat(org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(KEYS.getPublic().getEncoded())
                .getAlgorithm().getParameters().toString()).isEqualTo("1.3.132.0.10");
    }

    @Test
    void sdkConfigurationExamplesAreAccepted() throws Exception {
        for (String name : new String[] {"csr-config-example-EN.properties", "csr-config-example-AR-VAT-Group.properties",
                "csr-config-example-AR.properties", "csr-config-example-EN-VAT-group.properties"}) {
            Properties properties = new Properties();
            properties.load(new StringReader(SdkData.read(SdkData.resolve("Input/" + name))));
            CsrConfig config = CsrConfig.fromProperties(properties, FatooraEnvironment.SIMULATION);
            assertThat(CsrParser.parse(CsrGenerator.generate(config, KEYS).pem()).config()).isEqualTo(config);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Branch!", "Branch@1", "A#", "50%", "A&B", "A*", "under_score", "a<b"})
    void forbiddenCharactersAreRejected(String unit) {
        assertThatIllegalArgumentException().isThrownBy(() -> withUnit(unit)).withMessageContaining("must not contain");
    }

    @Test
    void fieldsOver64CharactersAreRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> withUnit("x".repeat(65))).withMessageContaining("64");
        assertThat(withUnit("x".repeat(64)).organizationUnitName()).hasSize(64);
    }

    @Test
    void malformedIdentifiersAreRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new CsrConfig("cn", "1-a|2-b|3=c", "399999999900003", "u", "o", "SA",
                "1100", "l", "i", FatooraEnvironment.SANDBOX)).withMessageContaining("=");
        assertThatIllegalArgumentException().isThrownBy(() -> new CsrConfig("cn", "1-a|2-b|3-c", "399999999900004", "u", "o", "SA",
                "1100", "l", "i", FatooraEnvironment.SANDBOX)).withMessageContaining("VAT");
        assertThatIllegalArgumentException().isThrownBy(() -> new CsrConfig("cn", "1-a|2-b|3-c", "399999999900003", "u", "o", "SA",
                "2100", "l", "i", FatooraEnvironment.SANDBOX)).withMessageContaining("binary");
        assertThatIllegalArgumentException().isThrownBy(() -> new CsrConfig("cn", "1-a|2-b|3-c", "399999999910003", "Riyadh", "o", "SA",
                "1100", "l", "i", FatooraEnvironment.SANDBOX)).withMessageContaining("VAT group");
    }

    @Test
    void tamperedCsrIsRejected() {
        byte[] der = CsrGenerator.generate(SAMPLE, KEYS).der();
        der[40] ^= 1;
        assertThatIllegalArgumentException().isThrownBy(() -> CsrParser.parse(java.util.Base64.getEncoder().encodeToString(der)));
    }

    private static CsrConfig withUnit(String unit) {
        return new CsrConfig(SAMPLE.commonName(), SAMPLE.serialNumber(), SAMPLE.organizationIdentifier(), unit,
                SAMPLE.organizationName(), "SA", "1100", "RRRD2929", "Supply activities", FatooraEnvironment.SANDBOX);
    }
}
