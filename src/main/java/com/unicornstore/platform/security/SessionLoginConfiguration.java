package com.unicornstore.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wiring of the web store's logins (session, or authorization code with PKCE) and of {@code GET /me}. */
@Configuration(proxyBeanMethods = false)
public class SessionLoginConfiguration {

    @Bean
    SessionLogin sessionLogin(ObjectMapper json, ServletProblems problems,
            @Value("${server.servlet.session.cookie.name}") String sessionCookie,
            @Value("${server.servlet.session.cookie.secure:false}") boolean secureCookies) {
        return new SessionLogin(json, problems, sessionCookie, secureCookies);
    }

    @Bean
    AuthConfig authConfig(JwtProperties jwt, WebClientProperties client) {
        return new AuthConfig(jwt, client);
    }

    @Bean
    CallerViews callerViews() {
        return new CallerViews();
    }

    @Bean
    MeRoutes meRoutes() {
        return new MeRoutes();
    }
}
