package sa.qayd.app.security;

import java.time.Clock;
import java.util.Set;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import sa.qayd.api.ErrorCode;
import sa.qayd.app.http.Problems;
import sa.qayd.query.credential.Credentials;

/**
 * Two ways in: a bearer API key (stateless, no CSRF needed since browsers never add it by
 * themselves) or the dashboard's session cookie, whose unsafe requests must echo the session's
 * CSRF token (mirrored in the {@code XSRF-TOKEN} cookie) in an {@code X-XSRF-TOKEN} header. A
 * request with neither is answered 401. Every answer carries a strict content security policy.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({LoginSettings.class, RateLimitSettings.class})
class SecurityConfig {
    private static final String CSP_HEADER = "Content-Security-Policy";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";
    /**
     * The API docs' UI (Swagger UI, served from this process at /docs) as the dashboard's policy allows it plus
     * two things it needs: its icons are data: SVGs in its stylesheet, and it injects one fixed style element
     * (allowed by its hash, not by 'unsafe-inline'). Scripts stay same-origin only.
     */
    static final String API_DOCS_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY
            .replace("style-src 'self'", "style-src 'self' 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='")
            .replace("img-src 'self'", "img-src 'self' data:");
    private static final RequestMatcher API_DOCS = request -> request.getRequestURI().startsWith("/swagger-ui/");

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    /** Right after Spring Security, so the API is limited per authenticated account (idempotency follows). */
    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(RateLimitSettings settings, Clock clock, Problems problems) {
        FilterRegistrationBean<RateLimitFilter> registration =
                new FilterRegistrationBean<>(new RateLimitFilter(settings, clock, problems));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    @Bean
    SessionCsrfTokens sessionCsrfTokens(ServerProperties server) {
        return new SessionCsrfTokens(Boolean.TRUE.equals(server.getServlet().getSession().getCookie().getSecure()));
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, Credentials credentials, Problems problems,
                            SecurityContextRepository contexts, SessionCsrfTokens csrfTokens) throws Exception {
        RequestMatcher bearer = ApiKeyAuthenticationFilter::hasBearer;
        // nothing to forge before a session exists: sign-up, log-in and every request without a session
        RequestMatcher unsafeSessionRequest = request -> !SAFE_METHODS.contains(request.getMethod())
                && request.getSession(false) != null;
        RequestMatcher signUpAndLogIn = request -> "POST".equals(request.getMethod())
                && ("/v1/onboard".equals(request.getRequestURI()) || "/v1/session".equals(request.getRequestURI()));
        CsrfTokenRequestAttributeHandler plainTokenHandler = new CsrfTokenRequestAttributeHandler();
        // the session's token is resolved on every request, so the dashboard always finds it in the cookie
        plainTokenHandler.setCsrfRequestAttributeName(null);
        http
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .securityContext(context -> context.securityContextRepository(contexts))
                .csrf(csrf -> csrf
                        .csrfTokenRepository(csrfTokens)
                        .csrfTokenRequestHandler(plainTokenHandler)
                        .requireCsrfProtectionMatcher(unsafeSessionRequest)
                        .ignoringRequestMatchers(bearer)
                        .ignoringRequestMatchers(signUpAndLogIn))
                .headers(headers -> headers
                        // the dashboard loads nothing from elsewhere and runs no inline script or style
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(API_DOCS),
                                new StaticHeadersWriter(CSP_HEADER, CONTENT_SECURITY_POLICY)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(API_DOCS,
                                new StaticHeadersWriter(CSP_HEADER, API_DOCS_CONTENT_SECURITY_POLICY)))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny))
                .addFilterAfter(new ApiKeyAuthenticationFilter(credentials, problems), SecurityContextHolderFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/v1/onboard", "/v1/session").permitAll()
                        .requestMatchers("/v1/**").authenticated()
                        .anyRequest().permitAll())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> problems.write(response, ErrorCode.UNAUTHORIZED,
                                "send Authorization: Bearer <API key>, or log in to the dashboard"))
                        .accessDeniedHandler((request, response, e) -> {
                            if (e instanceof CsrfException) {
                                problems.write(response, ErrorCode.CSRF_TOKEN_INVALID,
                                        "session requests must send the XSRF-TOKEN cookie's value in the X-XSRF-TOKEN header");
                            } else {
                                problems.write(response, ErrorCode.FORBIDDEN, "this credential may not do that");
                            }
                        }));
        return http.build();
    }
}
