package com.unicornstore.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.unicornstore.platform.web.Problem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * The web store's session login: {@code POST /login} (form {@code username}, {@code password})
 * answers the {@code GET /me} body and starts a cookie session under a new id (session fixation);
 * {@code POST /logout} ends it, 204. No redirects anywhere. CSRF ({@code X-XSRF-TOKEN} header equal
 * to the readable {@code XSRF-TOKEN} cookie, set on every answer) guards login, logout and every
 * state-changing request that a session cookie would authenticate; a request carrying its own
 * credential ({@code X-Api-Key}, {@code Authorization}) is authenticated by that alone, never by
 * the session, and needs no token. Sessions live in the servlet container of one instance.
 */
final class SessionLogin {

    static final String LOGIN = "/login";
    static final String LOGOUT = "/logout";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final ObjectMapper json;
    private final ServletProblems problems;
    private final String sessionCookie;
    private final CookieCsrfTokenRepository tokens = CookieCsrfTokenRepository.withHttpOnlyFalse();

    SessionLogin(ObjectMapper json, ServletProblems problems, String sessionCookie, boolean secureCookies) {
        this.json = json;
        this.problems = problems;
        this.sessionCookie = sessionCookie;
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax").secure(secureCookies).path("/"));
    }

    void applyTo(HttpSecurity http) throws Exception {
        CsrfTokenRequestAttributeHandler handler = new CsrfTokenRequestAttributeHandler();
        handler.setCsrfRequestAttributeName(null); // load the token on every request, so every answer can set its cookie
        http.csrf(csrf -> csrf.csrfTokenRepository(tokens).csrfTokenRequestHandler(handler)
                        .requireCsrfProtectionMatcher(SessionLogin::needsCsrf))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED)
                        .sessionFixation(fixation -> fixation.changeSessionId()))
                .securityContext(context -> context.securityContextRepository(new OwnCredentialFirst()))
                // a refused request is never kept in a session to be replayed after a login
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .formLogin(form -> form.loginPage(LOGIN).loginProcessingUrl(LOGIN)
                        .successHandler(this::loggedIn).failureHandler(this::refused))
                .logout(logout -> logout.logoutUrl(LOGOUT).deleteCookies(sessionCookie)
                        .logoutSuccessHandler(this::loggedOut));
    }

    /** Login and logout always; any other write only when a session cookie, and no credential of its own, comes with it. */
    static boolean needsCsrf(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return false;
        }
        String path = request.getRequestURI();
        if (LOGIN.equals(path) || LOGOUT.equals(path)) {
            return true;
        }
        return !hasOwnCredential(request) && request.getRequestedSessionId() != null;
    }

    static boolean hasOwnCredential(HttpServletRequest request) {
        return request.getHeader(ApiKeyAuthenticationFilter.HEADER) != null
                || request.getHeader(HttpHeaders.AUTHORIZATION) != null;
    }

    /** A request from a page's script (fetch, XHR) rather than a navigation the browser makes itself. */
    static boolean isScript(HttpServletRequest request) {
        String mode = request.getHeader("Sec-Fetch-Mode");
        return mode != null && !"navigate".equals(mode) || request.getHeader("X-Requested-With") != null;
    }

    static Problem csrfRefused() {
        return Problem.of(403, "csrf-token-invalid", "Forbidden", "A request made with the session cookie must send the "
                + "XSRF-TOKEN cookie's value in the X-XSRF-TOKEN header.");
    }

    private void loggedIn(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken rotated) {
            rotated.getToken(); // the login replaced the token: its cookie goes out with this answer
        }
        response.setStatus(200);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), CallerViews.view(CallerFilter.callerOf(authentication)));
    }

    private void refused(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        problems.write(response, Problem.of(401, "bad-credentials", "Unauthorized",
                "The user name or the password is wrong."), Map.of());
    }

    private void loggedOut(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        tokens.saveToken(tokens.generateToken(request), request, response); // a fresh token for the next login
        response.setStatus(204);
    }

    /** The session's security context, unless the request brings a credential of its own: then only that counts. */
    private static final class OwnCredentialFirst implements SecurityContextRepository {
        private final RequestAttributeSecurityContextRepository perRequest = new RequestAttributeSecurityContextRepository();
        private final SecurityContextRepository sessionOrRequest = new DelegatingSecurityContextRepository(
                new HttpSessionSecurityContextRepository(), perRequest);

        @Override
        public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
            return (hasOwnCredential(request) ? perRequest : sessionOrRequest).loadDeferredContext(request);
        }

        @Override
        @Deprecated
        @SuppressWarnings("deprecation")
        public SecurityContext loadContext(HttpRequestResponseHolder holder) {
            return (hasOwnCredential(holder.getRequest()) ? perRequest : sessionOrRequest).loadContext(holder);
        }

        @Override
        public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
            // HTTP Basic saves what it authenticated too: that must not start a session
            (hasOwnCredential(request) ? perRequest : sessionOrRequest).saveContext(context, request, response);
        }

        @Override
        public boolean containsContext(HttpServletRequest request) {
            return !hasOwnCredential(request) && sessionOrRequest.containsContext(request);
        }
    }
}
