package com.unicornstore.platform.security;

import com.unicornstore.platform.web.HttpProblemResponder;
import com.unicornstore.platform.web.ProblemMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates integrators by their {@code X-Api-Key} header. A key we do not know is refused
 * with 401 at once, exactly like a missing credential on a protected path.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Api-Key";

    private static final Logger LOG = LoggerFactory.getLogger(ApiKeyAuthenticationFilter.class);

    private final ApiKeys keys;
    private final AuthenticationEntryPoint refuse;
    private final ServletProblems problems;

    ApiKeyAuthenticationFilter(ApiKeys keys, AuthenticationEntryPoint refuse, ServletProblems problems) {
        this.keys = keys;
        this.refuse = refuse;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(HEADER);
        if (presented == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiKeys.Stored> found;
        try {
            found = keys.find(presented);
        } catch (RuntimeException unavailable) {
            // the key table did not answer: the key may well be good, so no 401 that would make the client drop it
            LOG.warn("API key lookup failed: {}", unavailable.toString());
            problems.write(response, ProblemMapper.backendUnavailable(),
                    Map.of("Retry-After", HttpProblemResponder.RETRY_AFTER));
            return;
        }
        if (found.isEmpty()) {
            SecurityContextHolder.clearContext();
            refuse.commence(request, response, new BadCredentialsException("unknown API key"));
            return;
        }
        ApiKeys.Stored key = found.get();
        List<SimpleGrantedAuthority> authorities = new java.util.ArrayList<>(key.caller().scopes().stream()
                .map(scope -> new SimpleGrantedAuthority(AccessRules.scopeAuthority(scope))).toList());
        if (key.caller().has(com.unicornstore.platform.domain.Scopes.OPERATOR)) {
            authorities.add(new SimpleGrantedAuthority(AccessRules.OPERATOR_ROLE)); // e.g. health details
        }
        var authentication = new PreAuthenticatedAuthenticationToken(key.caller(), null, authorities);
        authentication.setDetails(key);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
