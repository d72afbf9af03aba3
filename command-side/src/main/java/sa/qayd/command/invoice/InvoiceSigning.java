package sa.qayd.command.invoice;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.springframework.stereotype.Component;
import sa.qayd.api.ErrorCode;
import sa.qayd.api.FieldError;
import sa.qayd.api.QaydException;
import sa.qayd.api.egs.EgsIdentity;
import sa.qayd.api.invoice.DocumentType;
import sa.qayd.api.invoice.InvoiceAmounts;
import sa.qayd.api.invoice.InvoiceDraft;
import sa.qayd.api.invoice.InvoiceKind;
import sa.qayd.zatca.SignedInvoice;
import sa.qayd.zatca.ZatcaDocuments;
import sa.qayd.zatca.csr.CsrGenerator;
import sa.qayd.zatca.model.InvoiceToIssue;
import sa.qayd.zatca.signing.Signer;
import sa.qayd.zatca.totals.InvoiceTotals;
import sa.qayd.zatca.verify.InvoiceVerifier;
import sa.qayd.zatca.verify.VerificationContext;
import sa.qayd.zatca.verify.VerificationReport;

/**
 * Builds, signs and independently re-verifies a unit's document. Nothing that fails our own
 * verifier is ever stored or sent. A preview is the same document signed with a throwaway key.
 */
@Component
public class InvoiceSigning {
    /** Subject of the throwaway certificate of previews: it says plainly that it is not a ZATCA certificate. */
    static final String THROWAWAY_SUBJECT = "CN=Qayd validation preview - not a ZATCA certificate, O=Qayd";

    private final SigningKeys keys;
    private final Clock clock;
    /** Parsing keys is costly; a renewal brings a new key id and certificate, so a new entry. */
    private final Map<String, Signer> signers = new ConcurrentHashMap<>();
    private final Signer throwaway;

    public InvoiceSigning(SigningKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
        this.throwaway = throwawaySigner(clock);
    }

    /** What the unit knows when it issues: its identity, certificate and signing key, the next ICV and the PIH. */
    public record Request(UUID egsUnitId, EgsIdentity identity, String certificate, String keyId, InvoiceKind kind,
                          DocumentType documentType, InvoiceDraft draft, long icv, String previousInvoiceHash) {
    }

    /** The signed document; {@code signedXml} is base64 of the exact bytes. */
    public record IssuedDocument(UUID uuid, String previousInvoiceHash, String invoiceHash, String qrCode,
                                 String signedXml, InvoiceAmounts amounts) {
    }

    public IssuedDocument sign(Request request) {
        IssuedDocument document = issue(request, signer(request));
        VerificationReport report = InvoiceVerifier.verify(Base64.getDecoder().decode(document.signedXml()),
                VerificationContext.NONE.withExpectedChain(request.previousInvoiceHash(), request.icv()));
        if (!report.valid()) {
            throw new IllegalStateException("refusing to issue a document that fails verification: " + report.problems());
        }
        return document;
    }

    /**
     * The document the unit would issue, signed with a throwaway key and self-signed certificate
     * instead of the unit's: its content, ICV and PIH are the real ones; its signature, certificate
     * and QR tags 7–9 prove nothing.
     */
    public IssuedDocument preview(Request request) {
        return issue(request, throwaway);
    }

    private IssuedDocument issue(Request request, Signer signer) {
        UUID uuid = UUID.randomUUID();
        SignedInvoice signed;
        try {
            InvoiceToIssue document = ZatcaDocumentMapping.toIssue(request, uuid);
            signed = ZatcaDocuments.issue(document, signer, clock);
        } catch (IllegalArgumentException refused) {
            throw new QaydException(ErrorCode.VALIDATION_FAILED, "ZATCA would refuse this document: " + refused.getMessage(),
                    List.of(new FieldError("body", refused.getMessage())));
        }
        InvoiceTotals totals = signed.totals();
        InvoiceDraft draft = request.draft();
        return new IssuedDocument(uuid, request.previousInvoiceHash(), signed.invoiceHash(), signed.qrBase64(),
                Base64.getEncoder().encodeToString(signed.xml()),
                new InvoiceAmounts(draft.currency(), totals.lineExtension(), totals.allowanceTotal(), totals.taxExclusive(),
                        totals.taxTotal(), totals.taxInclusive(), totals.payable(), totals.chargeTotal(), totals.prepaid(),
                        totals.payableRounding(), totals.taxTotalSar(), draft.exchangeRate()));
    }

    private Signer signer(Request request) {
        return signers.computeIfAbsent(request.egsUnitId() + "/" + request.keyId() + "/" + request.certificate(),
                key -> Signer.of(Signer.parsePrivateKey(keys.privateKeyPem(request.egsUnitId(), request.keyId())),
                Signer.parseCertificate(request.certificate())));
    }

    /** A fresh secp256k1 key with a self-signed certificate, made once per process; it never leaves it. */
    private static Signer throwawaySigner(Clock clock) {
        try {
            KeyPair keys = CsrGenerator.newKeyPair();
            X500Name name = new X500Name(THROWAWAY_SUBJECT);
            Date now = Date.from(clock.instant());
            Date until = Date.from(clock.instant().plus(Duration.ofDays(3650)));
            X509Certificate certificate = new JcaX509CertificateConverter().setProvider(Signer.BC).getCertificate(
                    new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.getTime()), now, until, name, keys.getPublic())
                            .build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(Signer.BC).build(keys.getPrivate())));
            return Signer.of(keys.getPrivate(), certificate);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot make the throwaway signing key of previews", e);
        }
    }
}
