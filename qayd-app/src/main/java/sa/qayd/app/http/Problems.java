package sa.qayd.app.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
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
        problem.setType(URI.create("urn:qayd:problem:" + code.name().toLowerCase(Locale.ROOT).replace('_', '-')));
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

    /** For filters, which run outside Spring MVC's exception handling. */
    public void write(HttpServletResponse response, ErrorCode code, String detail) throws IOException {
        response.setStatus(code.httpStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), of(code, detail, List.of()));
    }
}
