package com.unicornstore.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What GET /auth/config tells the web store, from the JWT issuer and the web client's settings. */
class AuthConfigTest {

    private static final String ISSUER = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Pool";

    @Test
    void with_an_issuer_and_a_client_id_the_store_logs_in_there_with_every_setting_given() {
        var client = new WebClientProperties("web-store", "https://store.example.com/login/callback", "openid email",
                "https://shop.auth.eu-west-1.amazoncognito.com/oauth2/authorize",
                "https://shop.auth.eu-west-1.amazoncognito.com/oauth2/token");

        assertThat(new AuthConfig(jwt(ISSUER), client).view()).isEqualTo(Map.of("mode", "oidc", "authority", ISSUER,
                "client_id", "web-store", "scope", "openid email",
                "redirect_uri", "https://store.example.com/login/callback",
                "authorization_endpoint", "https://shop.auth.eu-west-1.amazoncognito.com/oauth2/authorize",
                "token_endpoint", "https://shop.auth.eu-west-1.amazoncognito.com/oauth2/token"));
        assertThat(SecurityConfiguration.contentSecurityPolicy(jwt(ISSUER), client))
                .contains("connect-src 'self' https://cognito-idp.eu-west-1.amazonaws.com https://shop.auth.eu-west-1.amazoncognito.com;");
    }

    @Test
    void without_a_client_id_or_without_an_issuer_the_store_uses_the_session_login_and_connects_only_home() {
        var noClient = new WebClientProperties(" ", null, "openid", null, null);
        var client = new WebClientProperties("web-store", null, "openid", null, null);

        assertThat(new AuthConfig(jwt(ISSUER), noClient).view()).isEqualTo(Map.of("mode", "session"));
        assertThat(new AuthConfig(jwt(null), client).view()).isEqualTo(Map.of("mode", "session"));
        assertThat(SecurityConfiguration.contentSecurityPolicy(jwt(null), client)).contains("connect-src 'self';");
    }

    private static JwtProperties jwt(String issuer) {
        return new JwtProperties(issuer, "sub", "cognito:groups", "operators", Set.of(), Duration.ofSeconds(5));
    }
}
