package sa.qayd.app.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3.1 description at /v3/api-docs (UI at /docs), generated from the controllers and their records:
 * names as the API writes them (snake_case, from the web ObjectMapper), the three ways in as security schemes,
 * and every error code with its status ({@link ProblemResponses}).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {
    static final String API_KEY = "apiKey";
    static final String SESSION = "session";
    static final String CSRF = "csrf";
    static final String ADMIN = "adminToken";

    /** Schemas follow the API's own JSON settings (snake_case property names). */
    @Bean
    ModelResolver modelResolver(ObjectMapper webObjectMapper) {
        return new ModelResolver(webObjectMapper);
    }

    @Bean
    OpenAPI qaydOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Qayd API")
                        .version("v1")
                        .summary("Saudi e-invoicing (ZATCA Fatoora Phase 2) as a JSON API")
                        .description("""
                                Sign up, register EGS units (onboarded with ZATCA in the background), and issue \
                                simplified and standard invoices, credit and debit notes as JSON: Qayd numbers, \
                                chains, signs them, makes the QR code, clears or reports them with ZATCA and \
                                answers with the signed XML. JSON in snake_case. Every POST accepts an \
                                `Idempotency-Key` header. Errors are `application/problem+json` (RFC 9457) with \
                                a stable `code`; the table below lists every code and its HTTP status.

                                """ + ProblemResponses.codeTable())
                        .license(new License().name("Apache-2.0").identifier("Apache-2.0")))
                .components(new Components()
                        .addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("qk_sandbox_… / qk_production_…")
                                .description("An API key (POST /v1/onboard gives the first, POST /v1/api-keys more). "
                                        + "It acts in its own environment only."))
                        .addSecuritySchemes(SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.COOKIE).name("JSESSIONID")
                                .description("The dashboard's session cookie from POST /v1/session. Unsafe requests "
                                        + "(POST, PATCH, DELETE) must also send the csrf scheme."))
                        .addSecuritySchemes(CSRF, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name("X-XSRF-TOKEN")
                                .description("The session's CSRF token: the value of the XSRF-TOKEN cookie."))
                        .addSecuritySchemes(ADMIN, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("The operators' token (qayd.admin.token, QAYD_ADMIN_TOKEN) for /admin/** "
                                        + "and /actuator/prometheus; never an API key.")));
    }

    @Bean
    OpenApiCustomizer apiConventions() {
        return new ApiConventions();
    }

    @Bean
    OpenApiCustomizer problemResponses() {
        return new ProblemResponses();
    }
}
