package sa.qayd.app.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;
import sa.qayd.api.ErrorCode;
import sa.qayd.app.http.Problems;
import sa.qayd.query.credential.Credentials;

/**
 * Two ways in: a bearer API key (stateless, no CSRF needed since browsers never add it by
 * themselves) or the dashboard's session cookie, whose unsafe requests must echo the
 * {@code XSRF-TOKEN} cookie in an {@code X-XSRF-TOKEN} header.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, Credentials credentials, Problems problems,
                            SecurityContextRepository contexts) throws Exception {
        RequestMatcher bearer = ApiKeyAuthenticationFilter::hasBearer;
        // nothing to forge before a session exists
        RequestMatcher signUpAndLogIn = request -> "POST".equals(request.getMethod())
                && ("/v1/onboard".equals(request.getRequestURI()) || "/v1/session".equals(request.getRequestURI()));
        CsrfTokenRequestAttributeHandler plainTokenHandler = new CsrfTokenRequestAttributeHandler();
        // the token is rendered in the cookie eagerly so a single-page dashboard can read it
        plainTokenHandler.setCsrfRequestAttributeName(null);
        http
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .securityContext(context -> context.securityContextRepository(contexts))
                .csrf(csrf -> csrf
                        .csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(plainTokenHandler)
                        .ignoringRequestMatchers(bearer)
                        .ignoringRequestMatchers(signUpAndLogIn))
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
