package com.unicornstore.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * An OpenID issuer on loopback, like a Cognito user pool: its discovery document and JWKS over
 * HTTP, access tokens signed (by nimbus) with its RSA key, and a hosted sign-in for the
 * authorization code flow with PKCE ({@link LoopbackSignIn}). Tokens for other issuers or signed
 * by a stranger's key are made here too, for the tests that refuse them.
 */
public final class LoopbackIssuer implements AutoCloseable {

    private final HttpServer server;
    private final RSAKey key;
    private final RSAKey stranger;
    private final String issuer;
    private final LoopbackSignIn signIn = new LoopbackSignIn(this);

    private LoopbackIssuer(HttpServer server, RSAKey key, RSAKey stranger) {
        this.server = server;
        this.key = key;
        this.stranger = stranger;
        this.issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/us-east-1_TestPool";
    }

    public static LoopbackIssuer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            LoopbackIssuer issuer = new LoopbackIssuer(server, rsa(), rsa());
            server.createContext("/us-east-1_TestPool/.well-known/openid-configuration", exchange -> issuer.json(
                    exchange, "{\"issuer\":\"" + issuer.issuer + "\",\"jwks_uri\":\"" + issuer.issuer + "/.well-known/jwks.json\","
                            + "\"authorization_endpoint\":\"" + issuer.issuer + "/oauth2/authorize\","
                            + "\"token_endpoint\":\"" + issuer.issuer + "/oauth2/token\","
                            + "\"response_types_supported\":[\"code\"],\"code_challenge_methods_supported\":[\"S256\"],"
                            + "\"subject_types_supported\":[\"public\"],\"id_token_signing_alg_values_supported\":[\"RS256\"]}"));
            server.createContext("/us-east-1_TestPool/oauth2/authorize", issuer.signIn::authorize);
            server.createContext("/us-east-1_TestPool/oauth2/token", issuer.signIn::token);
            server.createContext("/us-east-1_TestPool/.well-known/jwks.json", exchange -> issuer.json(
                    exchange, new JWKSet(issuer.key.toPublicJWK()).toString()));
            server.start();
            return issuer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String issuer() {
        return issuer;
    }

    /** A valid access token for {@code subject}, in the groups given, for app client {@code clientId}. */
    public String token(String subject, List<String> groups, String clientId) {
        return sign(key, key, claims(issuer, subject, groups, clientId, Instant.now().plus(Duration.ofMinutes(5))));
    }

    /** An ID token for {@code subject}, audience {@code clientId}, as the token endpoint hands it out. */
    public String idToken(String subject, String clientId) {
        Instant now = Instant.now();
        return sign(key, key, new JWTClaimsSet.Builder().issuer(issuer).subject(subject).audience(clientId)
                .claim("token_use", "id").issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .build());
    }

    /** How many authorization codes the token endpoint traded for tokens (each with its PKCE verifier). */
    public int codesExchanged() {
        return signIn.codesExchanged();
    }

    public String expiredToken(String subject) {
        return sign(key, key, claims(issuer, subject, List.of(), "test-client", Instant.now().minus(Duration.ofMinutes(10))));
    }

    public String tokenOfAnotherIssuer(String subject) {
        return sign(key, key, claims("http://127.0.0.1:1/us-east-1_OtherPool", subject, List.of(), "test-client",
                Instant.now().plus(Duration.ofMinutes(5))));
    }

    /** Claims this issuer would make, under its key's id, signed with a key it does not publish. */
    public String tokenSignedByAStranger(String subject) {
        return sign(stranger, key, claims(issuer, subject, List.of(), "test-client", Instant.now().plus(Duration.ofMinutes(5))));
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static JWTClaimsSet claims(String issuer, String subject, List<String> groups, String clientId, Instant expiry) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer).subject(subject)
                .claim("token_use", "access").claim("client_id", clientId).claim("username", "user-" + subject)
                .jwtID(UUID.randomUUID().toString()).issueTime(Date.from(expiry.minus(Duration.ofHours(1))))
                .expirationTime(Date.from(expiry));
        if (!groups.isEmpty()) {
            claims.claim("cognito:groups", groups);
        }
        return claims.build();
    }

    private static String sign(RSAKey signer, RSAKey named, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(named.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(signer));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey rsa() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The web store reads the discovery document and the token endpoint from its own origin. */
    static void allowAnyOrigin(HttpExchange exchange) {
        exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
        exchange.getResponseHeaders().add("Access-Control-Allow-Methods", "GET, POST");
        exchange.getResponseHeaders().add("Access-Control-Allow-Headers", "Content-Type, Accept");
    }

    private void json(HttpExchange exchange, String body) throws IOException {
        allowAnyOrigin(exchange);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
