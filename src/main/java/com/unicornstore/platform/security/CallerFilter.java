package com.unicornstore.platform.security;

import com.unicornstore.platform.domain.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.OptionalLong;
import java.util.Set;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * After authentication: names the caller for the routes (request attribute {@link #ATTRIBUTE},
 * since routes run on other threads than the security context's) and applies the caller's rate
 * limit, 429 with {@code Retry-After} past it. Buckets live per instance, one per principal (the
 * client address for anonymous callers), at most {@code trackedPrincipals} of them.
 */
final class CallerFilter extends OncePerRequestFilter {

    /** Request attribute holding the {@link Caller}; absent for anonymous requests. */
    static final String ATTRIBUTE = Caller.class.getName();

    private final SecurityProperties.RateLimits limits;
    private final ServletProblems problems;
    private final RateBuckets buckets;

    CallerFilter(SecurityProperties.RateLimits limits, ServletProblems problems) {
        this.limits = limits;
        this.problems = problems;
        this.buckets = new RateBuckets(limits.trackedPrincipals());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Caller caller = callerOf(authentication);
        String principal;
        int perMinute;
        if (caller == null) {
            principal = "anonymous:" + request.getRemoteAddr();
            perMinute = limits.anonymousPerMinute();
        } else {
            request.setAttribute(ATTRIBUTE, caller);
            principal = caller.kind() + ":" + caller.name();
            perMinute = perMinute(caller, authentication);
        }
        OptionalLong wait = buckets.take(principal, perMinute);
        if (wait.isPresent()) {
            RateBuckets.refuse(problems, response, "More than " + perMinute + " requests a minute", wait.getAsLong());
            return;
        }
        chain.doFilter(request, response);
    }

    /** The caller an authentication stands for: an API key's, a shopper or an operator; null when anonymous. */
    static Caller callerOf(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return null;
        }
        if (authentication.getPrincipal() instanceof Caller caller) {
            return caller;
        }
        Set<String> authorities = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(java.util.stream.Collectors.toSet());
        if (authorities.contains(AccessRules.OPERATOR_ROLE)) {
            Set<String> scopes = authorities.stream().filter(a -> a.startsWith("SCOPE_"))
                    .map(a -> a.substring("SCOPE_".length())).collect(java.util.stream.Collectors.toSet());
            return new Caller(authentication.getName(), Caller.Kind.OPERATOR, scopes, Set.of());
        }
        return Caller.shopper(authentication.getName());
    }

    private int perMinute(Caller caller, Authentication authentication) {
        if (authentication.getDetails() instanceof ApiKeys.Stored key && key.requestsPerMinute() != null) {
            return key.requestsPerMinute();
        }
        return switch (caller.kind()) {
            case SHOPPER -> limits.shopperPerMinute();
            case INTEGRATOR -> limits.integratorPerMinute();
            case OPERATOR -> limits.operatorPerMinute();
        };
    }
}
