package com.unicornstore.platform.security;

import com.unicornstore.platform.domain.Identifiers;
import java.util.List;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.client.RestTemplate;

/**
 * Shoppers and operators by bearer token: the decoder checks signature (the issuer's JWKS, found
 * by OpenID discovery), expiry, issuer and app client; the converter names the caller (the
 * configured principal claim) and makes members of the operator group operators.
 */
final class JwtCallers implements Converter<Jwt, AbstractAuthenticationToken> {

    private final JwtProperties properties;

    JwtCallers(JwtProperties properties) {
        this.properties = properties;
    }

    /** Discovery and JWKS are fetched on first use (so the app starts while the issuer is away), with timeouts. */
    static JwtDecoder decoder(JwtProperties properties) {
        return new SupplierJwtDecoder(() -> {
            var requests = new SimpleClientHttpRequestFactory();
            requests.setConnectTimeout(properties.discoveryTimeout());
            requests.setReadTimeout(properties.discoveryTimeout());
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(properties.issuerUri())
                    .restOperations(new RestTemplate(requests)).build();
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                    JwtValidators.createDefaultWithIssuer(properties.issuerUri()), clientOf(properties.clientIds())));
            return decoder;
        });
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String name = jwt.getClaimAsString(properties.principalClaim());
        if (!Identifiers.isValid(name)) {
            throw new InvalidBearerTokenException("The token's " + properties.principalClaim()
                    + " claim is no valid account id.");
        }
        List<String> groups = jwt.hasClaim(properties.groupsClaim()) ? jwt.getClaimAsStringList(properties.groupsClaim())
                : List.of();
        List<String> authorities = groups.contains(properties.operatorGroup()) ? AccessRules.operatorAuthorities()
                : List.of(AccessRules.SHOPPER);
        return new JwtAuthenticationToken(jwt, AuthorityUtils.createAuthorityList(authorities), name);
    }

    private static OAuth2TokenValidator<Jwt> clientOf(Set<String> clientIds) {
        return jwt -> {
            if (clientIds.isEmpty()) {
                return OAuth2TokenValidatorResult.success();
            }
            String client = jwt.getClaimAsString("client_id");
            List<String> audience = jwt.getAudience() == null ? List.of() : jwt.getAudience();
            return clientIds.contains(client) || audience.stream().anyMatch(clientIds::contains)
                    ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                            "The token was issued to another app client.", null));
        };
    }
}
