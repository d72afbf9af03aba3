package sa.qayd.app.admin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import sa.qayd.api.ErrorCode;
import sa.qayd.app.http.Problems;

/**
 * /admin/** and the actuator's operational endpoints (/actuator/prometheus) answer only to the operators'
 * token from configuration ({@code qayd.admin.token}), never to API keys or dashboard sessions. Without a
 * configured token they do not exist. Health and info stay open to anyone (load balancers and Kubernetes
 * probe them without credentials); with the token, health shows its details too. Ordered before the public
 * chain, which matches every other request.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdminSecurityConfig.AdminToken.class)
public class AdminSecurityConfig {
    private static final String ADMIN = "ADMIN";
    /** The authority of the operators' token. */
    public static final String ADMIN_AUTHORITY = "ROLE_" + ADMIN;
    private static final String BEARER = "Bearer ";
    private static final String[] OPEN_TO_ALL = {"/actuator/health", "/actuator/health/**", "/actuator/info"};
    private static final RequestMatcher OPEN = new OrRequestMatcher(java.util.Arrays.stream(OPEN_TO_ALL)
            .map(pattern -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(pattern)).toList());

    /** {@code qayd.admin.token}; empty: the admin API is off. */
    @ConfigurationProperties("qayd.admin")
    record AdminToken(@DefaultValue("") String token) {
    }

    @Bean
    @Order(1)
    SecurityFilterChain admin(HttpSecurity http, Problems problems, AdminToken adminToken) throws Exception {
        http
                .securityMatcher("/admin/**", "/actuator/**")
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterAfter(new AdminTokenFilter(adminToken.token(), problems), SecurityContextHolderFilter.class)
                .authorizeHttpRequests(auth -> auth.requestMatchers(OPEN).permitAll().anyRequest().hasRole(ADMIN))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> problems.write(response, ErrorCode.UNAUTHORIZED,
                                "send Authorization: Bearer <admin token> (qayd.admin.token)"))
                        .accessDeniedHandler((request, response, e) -> problems.write(response, ErrorCode.FORBIDDEN,
                                "only the admin token may use the admin API")));
        return http.build();
    }

    /** Compares in constant time, so response timing does not leak the token. */
    private static final class AdminTokenFilter extends OncePerRequestFilter {
        private final byte[] token;
        private final Problems problems;

        AdminTokenFilter(String token, Problems problems) {
            this.token = token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
            this.problems = problems;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            boolean bearer = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length());
            boolean admin = token != null && bearer
                    && MessageDigest.isEqual(token, header.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8));
            if (!admin && OPEN.matches(request)) {
                chain.doFilter(request, response);
                return;
            }
            if (token == null) {
                problems.write(response, ErrorCode.NOT_FOUND, "the admin API and metrics are disabled: set qayd.admin.token (QAYD_ADMIN_TOKEN)");
                return;
            }
            if (!admin) {
                problems.write(response, ErrorCode.UNAUTHORIZED, "send Authorization: Bearer <admin token> (qayd.admin.token)");
                return;
            }
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    "admin", null, List.of(new SimpleGrantedAuthority(ADMIN_AUTHORITY))));
            SecurityContextHolder.setContext(context);
            try {
                chain.doFilter(request, response);
            } finally {
                SecurityContextHolder.clearContext();
            }
        }
    }
}
