package com.unicornstore.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.OptionalLong;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Password guessing at the web store's {@code POST /login} meets 429 with {@code Retry-After}: each
 * user name and each client address has a bucket of attempts a minute
 * ({@code login-per-user-per-minute}, {@code login-per-address-per-minute}), and a login that
 * succeeds gives its attempt back, so only failures count. Runs after the CSRF check and before the
 * form login reads the password; per instance, like every rate limit.
 */
final class LoginThrottle extends OncePerRequestFilter {

    private static final int LONGEST_NAME = 64;

    private final SecurityProperties.RateLimits limits;
    private final ServletProblems problems;
    private final RateBuckets buckets;

    LoginThrottle(SecurityProperties.RateLimits limits, ServletProblems problems) {
        this.limits = limits;
        this.problems = problems;
        this.buckets = new RateBuckets(limits.trackedPrincipals());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && SessionLogin.LOGIN.equals(request.getRequestURI()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String user = "login-user:" + userName(request.getParameter("username"));
        String address = "login-address:" + request.getRemoteAddr();
        OptionalLong wait = buckets.take(user, limits.loginPerUserPerMinute());
        String detail = "More than " + limits.loginPerUserPerMinute() + " failed logins a minute for this user name";
        if (wait.isEmpty()) {
            wait = buckets.take(address, limits.loginPerAddressPerMinute());
            detail = "More than " + limits.loginPerAddressPerMinute() + " failed logins a minute from this address";
            if (wait.isPresent()) {
                buckets.giveBack(user, limits.loginPerUserPerMinute());
            }
        }
        if (wait.isPresent()) {
            RateBuckets.refuse(problems, response, detail, wait.getAsLong());
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpServletResponse.SC_OK) {
            buckets.giveBack(user, limits.loginPerUserPerMinute());
            buckets.giveBack(address, limits.loginPerAddressPerMinute());
        }
    }

    /** The name as the user store compares it, bounded so that no request makes a key of any length. */
    private static String userName(String name) {
        String normal = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return normal.length() > LONGEST_NAME ? normal.substring(0, LONGEST_NAME) : normal;
    }
}
