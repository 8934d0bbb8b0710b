package com.unicornstore.platform.security;

import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bearer tokens (JWT) from an OpenID issuer such as a Cognito user pool: accepted whenever
 * {@code issuerUri} is set (the aws profile requires it). The principal is the claim
 * {@code principalClaim} (the token's subject by default); members of {@code operatorGroup} in the
 * {@code groupsClaim} are operators, everyone else a shopper. {@code clientIds}, when not empty,
 * are the app clients whose tokens are accepted ({@code client_id} of an access token, {@code aud}
 * of an ID token).
 */
@ConfigurationProperties("unicorn.security.jwt")
public record JwtProperties(
        String issuerUri,
        @DefaultValue("sub") String principalClaim,
        @DefaultValue("cognito:groups") String groupsClaim,
        @DefaultValue("operators") String operatorGroup,
        @DefaultValue Set<String> clientIds,
        @DefaultValue("5s") Duration discoveryTimeout) {

    public boolean enabled() {
        return issuerUri != null && !issuerUri.isBlank();
    }
}
