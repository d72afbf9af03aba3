package sa.qayd.command.invoice;

import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
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
import sa.qayd.zatca.model.InvoiceToIssue;
import sa.qayd.zatca.signing.Signer;
import sa.qayd.zatca.totals.InvoiceTotals;
import sa.qayd.zatca.verify.InvoiceVerifier;
import sa.qayd.zatca.verify.VerificationContext;
import sa.qayd.zatca.verify.VerificationReport;

/**
 * Builds, signs and independently re-verifies a unit's document. Nothing that fails our own
 * verifier is ever stored or sent.
 */
@Component
public class InvoiceSigning {
    private final SigningKeys keys;
    private final Clock clock;
    /** Parsing keys is costly; a renewal brings a new key id and certificate, so a new entry. */
    private final Map<String, Signer> signers = new ConcurrentHashMap<>();

    public InvoiceSigning(SigningKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
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
        UUID uuid = UUID.randomUUID();
        InvoiceToIssue document;
        try {
            document = ZatcaDocumentMapping.toIssue(request, uuid);
        } catch (IllegalArgumentException refused) {
            throw new QaydException(ErrorCode.VALIDATION_FAILED, "ZATCA would refuse this document: " + refused.getMessage(),
                    List.of(new FieldError("body", refused.getMessage())));
        }
        SignedInvoice signed = ZatcaDocuments.issue(document, signer(request), clock);
        VerificationReport report = InvoiceVerifier.verify(signed.xml(),
                VerificationContext.NONE.withExpectedChain(request.previousInvoiceHash(), request.icv()));
        if (!report.valid()) {
            throw new IllegalStateException("refusing to issue a document that fails verification: " + report.problems());
        }
        InvoiceTotals totals = signed.totals();
        return new IssuedDocument(uuid, request.previousInvoiceHash(), signed.invoiceHash(), signed.qrBase64(),
                Base64.getEncoder().encodeToString(signed.xml()),
                new InvoiceAmounts(request.draft().currency(), totals.lineExtension(), totals.allowanceTotal(),
                        totals.taxExclusive(), totals.taxTotal(), totals.taxInclusive(), totals.payable()));
    }

    private Signer signer(Request request) {
        return signers.computeIfAbsent(request.egsUnitId() + "/" + request.keyId() + "/" + request.certificate(),
                key -> Signer.of(Signer.parsePrivateKey(keys.privateKeyPem(request.egsUnitId(), request.keyId())),
                Signer.parseCertificate(request.certificate())));
    }
}
