package com.unicornstore.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * The 401 answer, for a missing and a wrong credential alike: a problem document, and a
 * {@code WWW-Authenticate} header naming each way in this configuration accepts (a refused bearer
 * token also says {@code error="invalid_token"}, as RFC 6750 asks).
 */
final class Unauthorized implements AuthenticationEntryPoint {

    static final String REALM = "unicorn-store";

    private final ServletProblems problems;
    private final boolean basic;
    private final boolean bearer;

    Unauthorized(ServletProblems problems, boolean basic, boolean bearer) {
        this.problems = problems;
        this.basic = basic;
        this.bearer = bearer;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        List<String> challenges = new ArrayList<>();
        if (basic && !SessionLogin.isScript(request)) {
            // a browser's script is not offered Basic, so Chromium opens no login dialog over the store's
            challenges.add("Basic realm=\"" + REALM + "\"");
        }
        if (bearer) {
            challenges.add("Bearer realm=\"" + REALM + "\"" + (failure instanceof OAuth2AuthenticationException refused
                    ? ", error=\"" + refused.getError().getErrorCode() + "\"" : ""));
        }
        challenges.add("ApiKey header=\"" + ApiKeyAuthenticationFilter.HEADER + "\"");
        if (basic) {
            challenges.add("Session login=\"" + SessionLogin.LOGIN + "\"");
        }
        problems.write(response, ServletProblems.unauthorized(), Map.of("WWW-Authenticate", String.join(", ", challenges)));
    }
}
