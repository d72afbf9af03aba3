package sa.qayd.app.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import sa.qayd.api.Caller;
import sa.qayd.api.ErrorCode;
import sa.qayd.api.FieldError;
import sa.qayd.api.QaydException;
import sa.qayd.api.invoice.DocumentType;
import sa.qayd.api.invoice.InvoiceKind;
import sa.qayd.api.invoice.IssueInvoiceCommand;
import sa.qayd.api.invoice.IssueOutcome;
import sa.qayd.app.http.Problems;
import sa.qayd.app.idempotency.ItemKeys;
import sa.qayd.command.invoice.InvoiceAnswer;
import sa.qayd.command.invoice.InvoiceRequest;
import sa.qayd.command.invoice.InvoiceRequests;
import sa.qayd.command.invoice.IssueCoalescer;
import sa.qayd.command.invoice.IssuingSettings;
import sa.qayd.zatca.hash.Digests;

/**
 * {@code POST /v1/invoices/batch}: up to {@code qayd.issuing.max-batch-documents} documents in one
 * request, for integrators who send volume. Each document is answered on its own, in the order sent:
 * issued (its status 201, or 202 for a standard invoice still to be cleared: a batch never waits for
 * clearance) or refused with its own problem+json, while the others go on. Each may carry its own
 * {@code idempotency_key}: a retry replays its kept answer, so a batch that lost its answer can be
 * sent again whole, or a single document again in a new batch. Documents for one unit are numbered in
 * the order of the batch, and a unit's documents share one commit.
 */
@RestController
class BatchController {
    private static final Map<String, DocumentKindOfType> TYPES = Map.of(
            "simplified", new DocumentKindOfType(DocumentType.INVOICE, InvoiceKind.SIMPLIFIED),
            "standard", new DocumentKindOfType(DocumentType.INVOICE, InvoiceKind.STANDARD),
            "credit", new DocumentKindOfType(DocumentType.CREDIT_NOTE, null),
            "debit", new DocumentKindOfType(DocumentType.DEBIT_NOTE, null),
            "prepayment", new DocumentKindOfType(DocumentType.PREPAYMENT_INVOICE, null));

    private static final String BATCH_EXAMPLE = """
            {"documents": [
              {"type": "simplified", "idempotency_key": "order-1001",
               "invoice": {"lines": [{"name": "Arabic coffee 250 g", "quantity": 2, "unit_price": "35.50",
                                      "vat_category": "S", "vat_rate": 15}]}},
              {"type": "simplified", "idempotency_key": "order-1002",
               "invoice": {"lines": [{"name": "Dates 1 kg", "quantity": 1, "unit_price": "42.00",
                                      "vat_category": "S", "vat_rate": 15}]}}]}""";

    private final InvoiceRequests requests;
    private final IssueCoalescer issuing;
    private final ItemKeys keys;
    private final IssuingSettings settings;
    private final ObjectMapper json;

    BatchController(InvoiceRequests requests, IssueCoalescer issuing, ItemKeys keys, IssuingSettings settings,
                    ObjectMapper json) {
        this.requests = requests;
        this.issuing = issuing;
        this.keys = keys;
        this.settings = settings;
        this.json = json;
    }

    private record DocumentKindOfType(DocumentType type, InvoiceKind kind) {
    }

    /** One document of the batch: its endpoint's name ({@code type}), its own key, and the endpoint's body. */
    record BatchDocument(String type, String idempotencyKey, JsonNode invoice) {
    }

    record BatchRequest(List<BatchDocument> documents) {
    }

    /**
     * One document's answer, at its {@code index} in the request: {@code status} is the HTTP status the
     * single-document endpoint would have answered, with the {@code invoice} or the {@code problem}.
     */
    record BatchResult(int index, String idempotencyKey, int status, boolean replayed, JsonNode invoice,
                       ProblemDetail problem) {
    }

    record BatchAnswer(int issued, int refused, List<BatchResult> results) {
    }

    @Operation(summary = "Issue up to qayd.issuing.max-batch-documents documents in one request",
            description = "Each document is answered on its own, in the order sent (status 201, 202 for a standard "
                    + "invoice still to be cleared, or its own problem); each may carry its own idempotency_key. "
                    + "A unit's documents are numbered in the batch's order.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(examples = @ExampleObject(name = "two simplified invoices", value = BATCH_EXAMPLE)))
    @ApiResponse(responseCode = "200", description = "Every document's own answer; the batch itself always succeeds "
            + "once it is well formed")
    @PostMapping("/v1/invoices/batch")
    BatchAnswer issue(@AuthenticationPrincipal Caller caller, @RequestBody BatchRequest batch) {
        if (!caller.isApiKey()) {
            throw new QaydException(ErrorCode.FORBIDDEN, "documents are submitted with an API key (Authorization: Bearer qk_…)");
        }
        List<BatchDocument> documents = checked(batch);
        BatchResult[] results = new BatchResult[documents.size()];
        List<Integer> keyed = new ArrayList<>();
        List<ItemKeys.Item> items = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            if (documents.get(i).idempotencyKey() != null) {
                keyed.add(i);
                items.add(new ItemKeys.Item(documents.get(i).idempotencyKey(), fingerprint(caller, documents.get(i))));
            }
        }
        List<ItemKeys.Claim> claims = keys.claim(caller, items);
        Set<Integer> toRun = new HashSet<>();
        for (int i = 0; i < documents.size(); i++) {
            toRun.add(i);
        }
        for (int k = 0; k < keyed.size(); k++) {
            int index = keyed.get(k);
            ItemKeys.Claim claim = claims.get(k);
            if (claim.state() != ItemKeys.State.FIRST) {
                toRun.remove(index);
                results[index] = claimed(index, documents.get(index).idempotencyKey(), claim);
            }
        }
        List<ItemKeys.Answer> kept = new ArrayList<>();
        try {
            run(caller, documents, toRun, results);
        } finally {
            for (int index : keyed) {
                if (toRun.contains(index)) {
                    BatchResult result = results[index];
                    kept.add(result == null || result.status() >= 500
                            ? new ItemKeys.Answer(documents.get(index).idempotencyKey(), null, null)
                            : new ItemKeys.Answer(result.idempotencyKey(), result.status(), bytes(result)));
                }
            }
            keys.keep(caller, kept);
        }
        int issued = (int) Arrays.stream(results).filter(result -> result.invoice() != null).count();
        return new BatchAnswer(issued, results.length - issued, List.of(results));
    }

    /** Checks each document, then issues those of each unit together, in the order of the batch. */
    private void run(Caller caller, List<BatchDocument> documents, Set<Integer> toRun, BatchResult[] results) {
        Map<UUID, List<Integer>> byUnit = new LinkedHashMap<>();
        Map<Integer, IssueInvoiceCommand> commands = new LinkedHashMap<>();
        for (int index = 0; index < documents.size(); index++) {
            if (!toRun.contains(index)) {
                continue;
            }
            BatchDocument document = documents.get(index);
            try {
                DocumentKindOfType type = TYPES.get(document.type());
                IssueInvoiceCommand command = requests.prepare(caller, request(document), type.type(), type.kind());
                commands.put(index, command);
                byUnit.computeIfAbsent(command.egsUnitId(), unit -> new ArrayList<>()).add(index);
            } catch (QaydException refused) {
                results[index] = refused(index, document.idempotencyKey(), refused);
            }
        }
        byUnit.forEach((unit, indexes) -> {
            List<IssueOutcome> outcomes;
            try {
                outcomes = issuing.issue(unit, indexes.stream().map(commands::get).toList());
            } catch (QaydException refused) {
                indexes.forEach(index -> results[index] = refused(index, documents.get(index).idempotencyKey(), refused));
                return;
            }
            for (int i = 0; i < indexes.size(); i++) {
                int index = indexes.get(i);
                IssueOutcome outcome = outcomes.get(i);
                String key = documents.get(index).idempotencyKey();
                results[index] = outcome.refusal() != null
                        ? refused(index, key, outcome.refusal())
                        : issued(index, key, commands.get(index), outcome);
            }
        });
    }

    private List<BatchDocument> checked(BatchRequest batch) {
        List<FieldError> errors = new ArrayList<>();
        List<BatchDocument> documents = batch == null || batch.documents() == null ? List.of() : batch.documents();
        if (documents.isEmpty()) {
            errors.add(new FieldError("documents", "is required: one to " + settings.maxBatchDocuments() + " documents"));
        } else if (documents.size() > settings.maxBatchDocuments()) {
            errors.add(new FieldError("documents", "has " + documents.size() + " documents; at most "
                    + settings.maxBatchDocuments() + " per batch (send several batches)"));
        }
        Set<String> seenKeys = new HashSet<>();
        for (int i = 0; i < documents.size() && errors.isEmpty(); i++) {
            BatchDocument document = documents.get(i);
            String at = "documents[" + i + "].";
            if (document == null || !TYPES.containsKey(document.type())) {
                errors.add(new FieldError(at + "type", "must be simplified, standard, credit, debit or prepayment"));
            } else if (document.invoice() == null || !document.invoice().isObject()) {
                errors.add(new FieldError(at + "invoice", "is required: the body of the document's own endpoint"));
            } else if (document.idempotencyKey() != null && (document.idempotencyKey().isBlank()
                    || document.idempotencyKey().length() > 255)) {
                errors.add(new FieldError(at + "idempotency_key", "must be 1 to 255 characters"));
            } else if (document.idempotencyKey() != null && !seenKeys.add(document.idempotencyKey())) {
                errors.add(new FieldError(at + "idempotency_key", "is used twice in this batch"));
            }
        }
        if (!errors.isEmpty()) {
            throw new QaydException(ErrorCode.VALIDATION_FAILED, "the batch is invalid", errors);
        }
        return documents;
    }

    private InvoiceRequest request(BatchDocument document) {
        try {
            return json.treeToValue(document.invoice(), InvoiceRequest.class);
        } catch (JsonProcessingException unreadable) {
            throw new QaydException(ErrorCode.MALFORMED_REQUEST, "the invoice of this document cannot be read: "
                    + unreadable.getOriginalMessage());
        }
    }

    private BatchResult issued(int index, String key, IssueInvoiceCommand command, IssueOutcome outcome) {
        InvoiceAnswer answer = InvoiceRequests.answer(outcome.receipt(), command);
        int status = command.kind() == InvoiceKind.STANDARD ? 202 : 201;
        return new BatchResult(index, key, status, false, json.valueToTree(answer), null);
    }

    private static BatchResult refused(int index, String key, QaydException refusal) {
        return new BatchResult(index, key, refusal.code().httpStatus(), false, null,
                Problems.of(refusal.code(), refusal.getMessage(), refusal.fieldErrors()));
    }

    /** A key met again: its kept answer replayed (with this index), or why it cannot run. */
    private BatchResult claimed(int index, String key, ItemKeys.Claim claim) {
        return switch (claim.state()) {
            case REPLAY -> {
                try {
                    BatchResult kept = json.readValue(claim.answer(), BatchResult.class);
                    yield new BatchResult(index, key, kept.status(), true, kept.invoice(), kept.problem());
                } catch (IOException unreadable) {
                    throw new IllegalStateException("a kept batch answer cannot be read", unreadable);
                }
            }
            case IN_PROGRESS -> refused(index, key, new QaydException(ErrorCode.IDEMPOTENCY_REQUEST_IN_PROGRESS,
                    "the first request with this idempotency_key is still running; retry shortly"));
            case REUSED_WITH_OTHER_REQUEST -> refused(index, key, new QaydException(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                    "this idempotency_key was already used with a different document; use a new key for a new document"));
            case FIRST -> throw new IllegalStateException("a first run is not a kept answer");
        };
    }

    private byte[] bytes(BatchResult result) {
        try {
            return json.writeValueAsBytes(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a batch answer did not serialise", e);
        }
    }

    /** What the document asks, as a retry must ask it again: its type, the acting environment, its body. */
    private String fingerprint(Caller caller, BatchDocument document) {
        MessageDigest sha256 = Digests.sha256();
        sha256.update(("batch " + document.type() + " " + caller.keyEnvironment().name() + "\n").getBytes(StandardCharsets.UTF_8));
        try {
            sha256.update(json.writeValueAsBytes(document.invoice()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a document did not serialise", e);
        }
        return HexFormat.of().formatHex(sha256.digest());
    }
}
