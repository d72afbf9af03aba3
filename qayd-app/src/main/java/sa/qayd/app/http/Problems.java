package sa.qayd.app.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import sa.qayd.api.ErrorCode;
import sa.qayd.api.FieldError;

/** The one place that shapes RFC 9457 answers: a stable {@code code}, a human {@code detail}, field errors. */
@Component
public class Problems {
    private final ObjectMapper json;

    public Problems(ObjectMapper json) {
        this.json = json;
    }

    public static ProblemDetail of(ErrorCode code, String detail, List<FieldError> fieldErrors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(code.httpStatus()), detail);
        problem.setType(URI.create("urn:qayd:problem:" + typeSuffix(code)));
        problem.setTitle(code.title());
        problem.setProperty("code", code.name());
        if (!fieldErrors.isEmpty()) {
            problem.setProperty("errors", fieldErrors);
        }
        return problem;
    }

    public static ResponseEntity<ProblemDetail> response(ErrorCode code, String detail, List<FieldError> fieldErrors) {
        return ResponseEntity.status(code.httpStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(of(code, detail, fieldErrors));
    }

    static String typeSuffix(ErrorCode code) {
        return code.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The code of an error status raised by the servlet container or Spring itself, not by our code. */
    static ErrorCode codeFor(int status) {
        return switch (status) {
            case 401 -> ErrorCode.UNAUTHORIZED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 406 -> ErrorCode.NOT_ACCEPTABLE;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 431 -> ErrorCode.REQUEST_HEADER_FIELDS_TOO_LARGE;
            default -> status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.MALFORMED_REQUEST;
        };
    }

    /** What the container refused, in words; it gives no reason we could pass on safely. */
    static String containerDetail(int status) {
        return switch (status) {
            case 400 -> "the request is malformed (its path, headers or encoding cannot be read)";
            case 404 -> "no such resource";
            case 413 -> "the request body is too large";
            case 431 -> "the request headers are too large";
            default -> status >= 500 ? "something went wrong on our side" : "the request cannot be served";
        };
    }

    /** The 413 answer when a failure comes from reading a body past the limit, however deeply it was wrapped. */
    static Optional<ResponseEntity<ProblemDetail>> ifBodyTooLarge(Throwable failure) {
        return Optional.ofNullable(BodyTooLargeException.in(failure))
                .map(tooLarge -> response(ErrorCode.PAYLOAD_TOO_LARGE, tooLarge.detail(), List.of()));
    }

    /** For filters, which run outside Spring MVC's exception handling. */
    public void write(HttpServletResponse response, ErrorCode code, String detail) throws IOException {
        response.setStatus(code.httpStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), of(code, detail, List.of()));
    }
}
