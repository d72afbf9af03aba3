package sa.qayd.query.invoice;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import sa.qayd.api.Caller;
import sa.qayd.api.Environment;
import sa.qayd.api.ErrorCode;
import sa.qayd.api.FieldError;
import sa.qayd.api.QaydException;
import sa.qayd.api.invoice.DocumentType;
import sa.qayd.api.invoice.InvoiceKind;
import sa.qayd.api.invoice.InvoiceStatus;
import sa.qayd.platform.signal.Signals;
import sa.qayd.platform.signal.Topics;
import sa.qayd.query.document.InvoicePdf;

/**
 * Reads documents. Another tenant's document is "not found"; an API key reads only its own
 * environment's documents; the dashboard session reads both and may filter by environment.
 */
@RestController
class InvoiceQueryController {
    private static final int DEFAULT_PAGE = 20;
    private static final int MAX_PAGE = 100;
    private static final MediaType PDF = MediaType.APPLICATION_PDF;
    private static final Duration CATCH_UP = Duration.ofSeconds(3);

    private final InvoiceReads reads;
    private final InvoiceEvents events;
    private final Signals signals;

    InvoiceQueryController(InvoiceReads reads, InvoiceEvents events, Signals signals) {
        this.signals = signals;
        this.reads = reads;
        this.events = events;
    }

    record InvoicePage(List<InvoiceView> data, String nextCursor) {
    }

    @Operation(summary = "Get an invoice",
            description = "Its status, ZATCA's messages, content and totals. Read right after the POST, a document "
                    + "the views have not caught up with yet is awaited (up to 3 s), not 404.")
    @GetMapping("/v1/invoices/{id}")
    InvoiceView get(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        InvoiceView invoice = caughtUp(caller, id, () -> reads.find(caller.accountId(), id)).orElseThrow(() -> notFound(id));
        requireEnvironment(caller, id, Environment.fromWire(invoice.environment()));
        return invoice;
    }

    @Operation(summary = "List invoices",
            description = "Newest first, paged with next_cursor; filtered by environment, status, unit and issue "
                    + "time.Newest first, paged with next_cursor; filtered by environment, status, unit and "
                    + "issue time.")
    @GetMapping("/v1/invoices")
    InvoicePage list(@AuthenticationPrincipal Caller caller,
                     @RequestParam(required = false) String environment,
                     @RequestParam(name = "egs_unit_id", required = false) String egsUnitId,
                     @RequestParam(required = false) String kind,
                     @RequestParam(name = "document_type", required = false) String documentType,
                     @RequestParam(required = false) String status,
                     @RequestParam(required = false) String from,
                     @RequestParam(required = false) String to,
                     @RequestParam(required = false) String cursor,
                     @RequestParam(required = false) String limit) {
        Environment scope = caller.listingScope(environment == null ? null : Environment.fromWire(environment));
        List<FieldError> errors = new ArrayList<>();
        Integer requestedSize = parse("limit", limit, InvoiceQueryController::pageSize,
                "must be a whole number from 1 to " + MAX_PAGE, errors);
        int pageSize = requestedSize == null ? DEFAULT_PAGE : requestedSize;
        InvoiceFilter filter = new InvoiceFilter(scope,
                parse("egs_unit_id", egsUnitId, UUID::fromString, "must be an EGS unit id", errors),
                parse("kind", kind, wire(InvoiceKind.values()), "must be " + names(InvoiceKind.values()), errors),
                parse("document_type", documentType, wire(DocumentType.values()), "must be " + names(DocumentType.values()), errors),
                parse("status", status, wire(InvoiceStatus.values()), "must be " + names(InvoiceStatus.values()), errors),
                parse("from", from, LocalDate::parse, "must be a date YYYY-MM-DD", errors),
                parse("to", to, LocalDate::parse, "must be a date YYYY-MM-DD", errors),
                parse("cursor", cursor, c -> InvoiceCursor.decode(c).orElseThrow(IllegalArgumentException::new),
                        "must be a next_cursor from an earlier page", errors),
                pageSize);
        if (!errors.isEmpty()) {
            throw new QaydException(ErrorCode.VALIDATION_FAILED, "the listing filters are invalid", errors);
        }
        List<InvoiceView> rows = reads.page(caller.accountId(), filter);
        if (rows.size() <= filter.limit()) {
            return new InvoicePage(rows, null);
        }
        List<InvoiceView> page = rows.subList(0, filter.limit());
        InvoiceView last = page.get(page.size() - 1);
        return new InvoicePage(page, new InvoiceCursor(last.issuedAt(), last.id()).encode());
    }

    /** Exactly the bytes that were signed, or for a cleared standard document ZATCA's cleared bytes. */
    @Operation(summary = "The invoice's XML",
            description = "Exactly the signed bytes, or for a cleared standard document ZATCA's cleared bytes.")
    @ApiResponse(responseCode = "200", description = "UBL 2.1 XML",
            content = @Content(mediaType = "application/xml", schema = @Schema(type = "string", format = "binary")))
    @GetMapping("/v1/invoices/{id}/xml")
    ResponseEntity<byte[]> xml(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return file(id, sharedXml(caller, id), MediaType.APPLICATION_XML, ".xml");
    }

    /** A PDF/A-3b rendering with the shared XML embedded; it depends on those bytes only, so it is not stored. */
    @Operation(summary = "The invoice as PDF/A-3b",
            description = "With the XML embedded.")
    @ApiResponse(responseCode = "200", description = "PDF/A-3b",
            content = @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")))
    @GetMapping("/v1/invoices/{id}/pdf")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return file(id, InvoicePdf.render(sharedXml(caller, id)), PDF, ".pdf");
    }

    private byte[] sharedXml(Caller caller, UUID id) {
        requireEnvironment(caller, id,
                caughtUp(caller, id, () -> reads.environment(caller.accountId(), id)).orElseThrow(() -> notFound(id)));
        return events.sharedXml(id);
    }

    /**
     * A read of the view; for an invoice the account has issued but the view has not caught up with
     * yet (a GET right after the POST), the read once the view has it, waiting at most {@link #CATCH_UP}.
     */
    private <T> Optional<T> caughtUp(Caller caller, UUID id, Supplier<Optional<T>> read) {
        Optional<T> found = read.get();
        if (found.isPresent() || !events.issuedBy(caller.accountId(), id)) {
            return found;
        }
        try (Signals.Waiter readable = signals.waiter(Topics.INVOICE_VIEW, id.toString())) {
            // the view may have caught up between the first read and the registration
            found = read.get();
            if (found.isEmpty() && readable.await(CATCH_UP)) {
                found = read.get();
            }
            return found;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return found;
        }
    }

    private static ResponseEntity<byte[]> file(UUID id, byte[] body, MediaType type, String extension) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(id + extension).build().toString())
                .body(body);
    }

    private static void requireEnvironment(Caller caller, UUID id, Environment environment) {
        if (!caller.canAct(environment)) {
            throw new QaydException(ErrorCode.ENVIRONMENT_MISMATCH, "invoice " + id + " was issued in "
                    + environment.wireName() + "; a " + caller.keyEnvironment().wireName() + " API key cannot read it");
        }
    }

    private static QaydException notFound(UUID id) {
        return new QaydException(ErrorCode.INVOICE_NOT_FOUND, "no invoice " + id + " in this account");
    }

    private static int pageSize(String limit) {
        int size = Integer.parseInt(limit);
        if (size < 1 || size > MAX_PAGE) {
            throw new IllegalArgumentException("out of range");
        }
        return size;
    }

    /** Parses one query parameter, or records why it is wrong and gives null. */
    private static <T> T parse(String field, String value, Function<String, T> parser, String expectation,
                               List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            return parser.apply(value.trim());
        } catch (IllegalArgumentException | DateTimeParseException e) {
            errors.add(new FieldError(field, expectation));
            return null;
        }
    }

    private static <E extends Enum<E>> Function<String, E> wire(E[] values) {
        return value -> Arrays.stream(values).filter(e -> e.name().toLowerCase(Locale.ROOT).equals(value)).findFirst()
                .orElseThrow(IllegalArgumentException::new);
    }

    private static String names(Enum<?>[] values) {
        return Arrays.stream(values).map(e -> e.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }
}
