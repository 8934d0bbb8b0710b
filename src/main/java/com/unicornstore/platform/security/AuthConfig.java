package com.unicornstore.platform.security;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /auth/config}: how the web store logs in, public, so the store can ask before anyone
 * has: {@code {"mode":"session"}} (the form login, local) or {@code {"mode":"oidc","authority",
 * "client_id","scope",...}} (authorization code with PKCE against the JWT issuer, aws).
 */
public final class AuthConfig {

    private final Map<String, Object> view;

    AuthConfig(JwtProperties jwt, WebClientProperties client) {
        Map<String, Object> config = new LinkedHashMap<>();
        if (jwt.enabled() && client.enabled()) {
            config.put("mode", "oidc");
            config.put("authority", jwt.issuerUri());
            config.put("client_id", client.clientId());
            config.put("scope", client.scopes());
            putIfSet(config, "redirect_uri", client.redirectUri());
            putIfSet(config, "authorization_endpoint", client.authorizationEndpoint());
            putIfSet(config, "token_endpoint", client.tokenEndpoint());
        } else {
            config.put("mode", "session");
        }
        this.view = Map.copyOf(config);
    }

    public Map<String, Object> view() {
        return view;
    }

    private static void putIfSet(Map<String, Object> config, String name, String value) {
        if (value != null && !value.isBlank()) {
            config.put(name, value);
        }
    }
}
