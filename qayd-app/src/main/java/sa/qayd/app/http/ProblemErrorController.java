package sa.qayd.app.http;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import sa.qayd.api.ErrorCode;

/**
 * Errors raised outside controllers (the servlet container, filters) are problem+json too. Asked
 * for directly, {@code /error} is not a resource.
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        if (!(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer status)) {
            return Problems.response(ErrorCode.NOT_FOUND, "no such resource: /error", List.of());
        }
        return Problems.ifBodyTooLarge((Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION))
                .orElseGet(() -> Problems.response(Problems.codeFor(status), Problems.containerDetail(status), List.of()));
    }
}
