package sa.qayd.bench;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.security.KeyPair;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import sa.qayd.zatca.SignedInvoice;
import sa.qayd.zatca.ZatcaDocuments;
import sa.qayd.zatca.csr.CsrGenerator;
import sa.qayd.zatca.hash.InvoiceHash;
import sa.qayd.zatca.model.InvoiceLine;
import sa.qayd.zatca.model.InvoiceToIssue;
import sa.qayd.zatca.model.PartyId;
import sa.qayd.zatca.model.PostalAddress;
import sa.qayd.zatca.model.Seller;
import sa.qayd.zatca.model.TaxCategory;
import sa.qayd.zatca.signing.Signer;

/** Build + hash + sign + QR of a typical 5-line simplified invoice. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SignBenchmark {

    private Signer signer;
    private InvoiceToIssue invoice;
    private LocalDateTime signingTime;

    @Setup
    public void setUp() throws Exception {
        KeyPair keys = CsrGenerator.newKeyPair();
        X500Name name = new X500Name("CN=TST-886431145-399999999900003, O=Qayd Bench, C=SA");
        Instant now = Instant.now();
        var certificate = new JcaX509CertificateConverter().setProvider(Signer.BC).getCertificate(
                new JcaX509v3CertificateBuilder(new X500Name("CN=PRZEINVOICESCA4-CA, DC=extgazt, DC=gov, DC=local"),
                        BigInteger.valueOf(379112742831380471L), Date.from(now), Date.from(now.plus(365, ChronoUnit.DAYS)), name,
                        keys.getPublic())
                        .build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(Signer.BC).build(keys.getPrivate())));
        signer = Signer.of(keys.getPrivate(), certificate);
        Seller seller = new Seller("شركة توريد التكنولوجيا بأقصى سرعة المحدودة | Maximum Speed Tech Supply LTD", "399999999900003",
                new PartyId("CRN", "1010010000"),
                PostalAddress.saudi("الامير سلطان | Prince Sultan", "2322", "المربع | Al-Murabba", "الرياض | Riyadh", "23333"));
        InvoiceToIssue.Builder builder = InvoiceToIssue.builder().invoiceNumber("SME00010").uuid(UUID.randomUUID())
                .issuedAt(LocalDateTime.now().withNano(0)).seller(seller).icv(10).previousInvoiceHash(InvoiceHash.FIRST_PREVIOUS_HASH);
        String[] items = {"كتاب", "قلم", "دفتر", "Milk 1L", "Bread"};
        for (int i = 0; i < items.length; i++) {
            builder.line(InvoiceLine.of(items[i], new BigDecimal(i + 2), new BigDecimal((i + 1) * 7 + ".25"), TaxCategory.standard()));
        }
        invoice = builder.build();
        signingTime = LocalDateTime.now().withNano(0);
    }

    @Benchmark
    public SignedInvoice issueSimplifiedInvoice() {
        return ZatcaDocuments.issue(invoice, signer, signingTime);
    }
}
