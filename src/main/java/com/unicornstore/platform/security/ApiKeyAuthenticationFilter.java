package com.unicornstore.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
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

    private final ApiKeys keys;
    private final AuthenticationEntryPoint refuse;

    ApiKeyAuthenticationFilter(ApiKeys keys, AuthenticationEntryPoint refuse) {
        this.keys = keys;
        this.refuse = refuse;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(HEADER);
        if (presented == null) {
            chain.doFilter(request, response);
            return;
        }
        var found = keys.find(presented);
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
