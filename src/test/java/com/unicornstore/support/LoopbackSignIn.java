package com.unicornstore.support;

import com.nimbusds.jose.util.Base64URL;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The hosted sign-in of {@link LoopbackIssuer}, like Cognito's for a public app client: its
 * authorization endpoint signs in {@link #SUBJECT} at once (no page) and sends the browser back
 * with a one-time code; its token endpoint trades the code for tokens only with the PKCE verifier
 * of the S256 challenge, the same client and the same redirect URI. Cross-origin, as in AWS.
 */
final class LoopbackSignIn {

    /** Who signs in at the authorization endpoint. */
    static final String SUBJECT = "pkce-shopper";

    private record Grant(String clientId, String redirectUri, String challenge) {}

    private final LoopbackIssuer issuer;
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    private final AtomicInteger exchanged = new AtomicInteger();

    LoopbackSignIn(LoopbackIssuer issuer) {
        this.issuer = issuer;
    }

    int codesExchanged() {
        return exchanged.get();
    }

    void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        if (!"code".equals(query.get("response_type")) || !"S256".equals(query.get("code_challenge_method"))
                || query.get("code_challenge") == null || query.get("redirect_uri") == null) {
            answer(exchange, 400, "{\"error\":\"invalid_request\",\"error_description\":\"code flow with PKCE S256 only\"}");
            return;
        }
        String code = UUID.randomUUID().toString();
        grants.put(code, new Grant(query.get("client_id"), query.get("redirect_uri"), query.get("code_challenge")));
        exchange.getResponseHeaders().add("Location", query.get("redirect_uri") + "?code=" + code + "&state="
                + URLEncoder.encode(query.getOrDefault("state", ""), StandardCharsets.UTF_8));
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    void token(HttpExchange exchange) throws IOException {
        if ("OPTIONS".equals(exchange.getRequestMethod())) {
            answer(exchange, 204, null);
            return;
        }
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Grant grant = form.get("code") == null ? null : grants.remove(form.get("code"));
        if (grant == null || !"authorization_code".equals(form.get("grant_type"))
                || !grant.clientId().equals(form.get("client_id")) || !grant.redirectUri().equals(form.get("redirect_uri"))
                || form.get("code_verifier") == null || !grant.challenge().equals(s256(form.get("code_verifier")))) {
            answer(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        exchanged.incrementAndGet();
        answer(exchange, 200, "{\"access_token\":\"" + issuer.token(SUBJECT, java.util.List.of(), grant.clientId())
                + "\",\"id_token\":\"" + issuer.idToken(SUBJECT, grant.clientId())
                + "\",\"token_type\":\"Bearer\",\"expires_in\":300}");
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64URL.encode(digest).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> fields = new HashMap<>();
        if (encoded != null) {
            for (String pair : encoded.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    fields.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return fields;
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        LoopbackIssuer.allowAnyOrigin(exchange);
        byte[] bytes = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, json == null ? -1 : bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
