package com.unicornstore.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The web store as a public OAuth2 client of the JWT issuer (a Cognito app client without secret):
 * it logs in with the authorization code flow and PKCE whenever {@code clientId} is set and bearer
 * tokens are accepted ({@code unicorn.security.jwt.issuer-uri}). {@code redirectUri} blank: the
 * store's own {@code /login/callback}. The endpoints, when set, replace those of the issuer's
 * discovery document (Cognito names its hosted UI there only when the pool has a domain).
 */
@ConfigurationProperties("unicorn.security.web-client")
public record WebClientProperties(
        String clientId,
        String redirectUri,
        @DefaultValue("openid email profile") String scopes,
        String authorizationEndpoint,
        String tokenEndpoint) {

    boolean enabled() {
        return clientId != null && !clientId.isBlank();
    }
}
