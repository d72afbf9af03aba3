package sa.qayd.app.http;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import sa.qayd.api.ErrorCode;
import sa.qayd.api.FieldError;
import sa.qayd.api.QaydException;

/** Every failure of a controller becomes problem+json with a stable code; never a stack trace. */
@RestControllerAdvice
class ProblemHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(QaydException.class)
    ResponseEntity<ProblemDetail> refused(QaydException e) {
        ResponseEntity<ProblemDetail> problem = Problems.response(e.code(), e.getMessage(), e.fieldErrors());
        if (e instanceof RetryLaterException later) {
            return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders())
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(later.retryAfter().toSeconds())).body(problem.getBody());
        }
        return problem;
    }

    /** Wrong JSON types and unknown fields are field errors; anything else unreadable is a malformed body. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        Optional<ResponseEntity<ProblemDetail>> tooLarge = Problems.ifBodyTooLarge(e);
        if (tooLarge.isPresent()) {
            return tooLarge.get();
        }
        if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = path(mismatch);
            String message = mismatch instanceof UnrecognizedPropertyException
                    ? "is not a known field"
                    : "has the wrong type or format" + expected(mismatch);
            return Problems.response(ErrorCode.VALIDATION_FAILED, "field " + field + " " + message,
                    List.of(new FieldError(field, message)));
        }
        return Problems.response(ErrorCode.MALFORMED_REQUEST, "the request body is missing or is not valid JSON", List.of());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badPathOrParameter(MethodArgumentTypeMismatchException e) {
        if (e.getRequiredType() == UUID.class) {
            return Problems.response(ErrorCode.NOT_FOUND, e.getName() + " '" + e.getValue() + "' is not an id of ours", List.of());
        }
        return Problems.response(ErrorCode.MALFORMED_REQUEST, e.getName() + " has the wrong format", List.of());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
        return Problems.response(ErrorCode.MALFORMED_REQUEST, "query parameter " + e.getParameterName() + " is required", List.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        return Problems.response(ErrorCode.METHOD_NOT_ALLOWED, e.getMethod() + " is not supported here", List.of());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return Problems.response(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "send the body as application/json", List.of());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e) {
        return Problems.response(ErrorCode.NOT_FOUND, "no such resource: /" + e.getResourcePath(), List.of());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (e instanceof ErrorResponse refusedBySpring && refusedBySpring.getStatusCode().is4xxClientError()) {
            int status = refusedBySpring.getStatusCode().value();
            String detail = refusedBySpring.getBody().getDetail();
            return Problems.response(Problems.codeFor(status), detail == null ? Problems.containerDetail(status) : detail,
                    List.of());
        }
        Optional<ResponseEntity<ProblemDetail>> tooLarge = Problems.ifBodyTooLarge(e);
        if (tooLarge.isPresent()) {
            return tooLarge.get();
        }
        String incident = UUID.randomUUID().toString();
        log.error("Unexpected failure, incident {}", incident, e);
        return Problems.response(ErrorCode.INTERNAL_ERROR,
                "something went wrong on our side; nothing was half-done. Incident " + incident, List.of());
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String expected(MismatchedInputException e) {
        Class<?> target = e.getTargetType();
        if (target == null) {
            return "";
        }
        return switch (target.getSimpleName()) {
            case "BigDecimal" -> ": expected a number or a decimal string";
            case "UUID" -> ": expected an id (UUID)";
            case "LocalDate" -> ": expected a date YYYY-MM-DD";
            case "LocalTime" -> ": expected a time HH:MM:SS";
            case "String" -> ": expected a string";
            case "List" -> ": expected an array";
            default -> "";
        };
    }
}
