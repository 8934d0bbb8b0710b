package com.unicornstore.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.unicornstore.support.Api;
import com.unicornstore.support.OpenApiOperations;
import com.unicornstore.support.PlatformIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** The security rules through HTTP, against the running platform: who gets in, who is refused, what is refused at the edge. */
@PlatformIntegrationTest
@TestPropertySource(properties = {
        // the demo key again (a list property replaces the whole list), and a key limited to 5 requests a minute
        "unicorn.security.api-keys[0].client-id=local-demo",
        "unicorn.security.api-keys[0].sha256=3a144c6d8b88728d4ac74c90e77c87f526b4c4df5c5cfbc51595b90070d4975b",
        "unicorn.security.api-keys[0].scopes=points:read,points:write,purchases:write,purchases:refund,campaigns:read,campaigns:admin,operator",
        "unicorn.security.api-keys[0].requests-per-minute=1000000",
        // sha256("slow-partner-key")
        "unicorn.security.api-keys[1].client-id=slow-partner",
        "unicorn.security.api-keys[1].sha256=9b98783d5ca6b2dc88b44e036c39d6d9d7528f4c483922797323af96cc1a491b",
        "unicorn.security.api-keys[1].scopes=points:read",
        "unicorn.security.api-keys[1].requests-per-minute=5",
        // sha256("derick-partner-key"): buys and refunds, for derick's account only
        "unicorn.security.api-keys[2].client-id=derick-partner",
        "unicorn.security.api-keys[2].sha256=c602b010da34612747dfdc4677d9c51b7926d6018b306a929736b3ac2d7304a9",
        "unicorn.security.api-keys[2].scopes=purchases:write,purchases:refund",
        "unicorn.security.api-keys[2].accounts=derick"})
class SecurityIT {

    private static final String POINTS = "{\"account_id\":\"derick\",\"amount\":10}";

    @LocalServerPort
    int port;

    Api anonymous;
    Api derick;
    Api admin;
    Api demo;

    @BeforeEach
    void clients() {
        anonymous = Api.anonymous(port);
        derick = Api.basic(port, "derick", "unicorn");
        admin = Api.basic(port, "admin", "unicorn-admin");
        demo = new Api(port);
    }

    @ParameterizedTest
    @CsvSource({"POST,/points", "DELETE,/points", "POST,/purchase", "POST,/campaigns"})
    void writes_without_a_credential_are_refused_with_401(String method, String path) {
        Api.Response response = anonymous.json(method, path, POINTS);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).endsWith("/unauthorized");
        assertThat(response.header("WWW-Authenticate")).contains("Basic").contains("X-Api-Key");
    }

    @Test
    void a_wrong_key_is_refused_like_no_key_and_the_demo_key_is_let_in() {
        Api.Response wrong = Api.withKey(port, "not-a-key").json("POST", "/points", POINTS);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.header("WWW-Authenticate")).isNotNull();

        Api.Response wrongPassword = Api.basic(port, "derick", "wrong").get("/points?account_id=derick");
        assertThat(wrongPassword.status()).isEqualTo(401);

        assertThat(demo.json("POST", "/points", POINTS).status()).isEqualTo(201);
    }

    @Test
    void derick_reads_and_acts_only_on_his_own_account() {
        assertThat(derick.get("/points?account_id=derick").status()).isEqualTo(200);
        assertThat(derick.get("/points/history?account_id=derick").status()).isEqualTo(200);
        assertThat(derick.get("/users/balance/derick").status()).isEqualTo(200);

        assertForbidden(derick.get("/points?account_id=alice"));
        assertForbidden(derick.get("/points/history?account_id=alice"));
        assertForbidden(derick.get("/users/balance/alice"));
        assertForbidden(derick.json("POST", "/points", POINTS));
        assertForbidden(derick.json("POST", "/campaigns", "{\"client\":\"x\",\"campaign_name\":\"y\",\"rules\":[]}"));
        assertForbidden(derick.json("POST", "/purchase", "{\"userId\":\"alice\",\"productId\":\"3\",\"quantity\":1}"));
        assertForbidden(derick.json("POST", "/points/projection/rebuild", "{}"));
        assertForbidden(derick.get("/sagas/some-saga"));
    }

    @Test
    void a_shopper_buys_for_himself_and_cannot_see_or_refund_another_shoppers_purchase() {
        Api.Response own = derick.json("POST", "/purchase", "{\"userId\":\"derick\",\"productId\":\"3\",\"quantity\":1}");
        assertThat(own.status()).isEqualTo(201);
        String ownId = own.json().get("purchase_id").asText();
        assertThat(derick.get("/purchase/" + ownId).status()).isEqualTo(200);
        assertForbidden(derick.json("POST", "/purchase/" + ownId + "/refund", "{}"));

        Api.Response alices = demo.json("POST", "/purchase", "{\"userId\":\"alice\",\"productId\":\"3\",\"quantity\":1}");
        assertThat(alices.status()).isEqualTo(201);
        Api.Response probe = derick.get("/purchase/" + alices.json().get("purchase_id").asText());
        assertThat(probe.status()).as("another shopper's purchase is not found, not forbidden").isEqualTo(404);
    }

    @Test
    void one_callers_idempotency_key_never_finds_another_callers_purchase_and_a_retry_finds_its_own() {
        Map<String, String> key = Map.of("Content-Type", "application/json", "Idempotency-Key", "same-key-for-all");
        String alicesOrder = "{\"userId\":\"alice\",\"productId\":\"3\",\"quantity\":1}";
        Api alice = Api.basic(port, "alice", "unicorn");
        Api.Response alices = alice.send("POST", "/purchase", alicesOrder, key);
        Api.Response dericks = derick.send("POST", "/purchase",
                "{\"userId\":\"derick\",\"productId\":\"3\",\"quantity\":1}", key);
        Api.Response integrators = demo.send("POST", "/purchase", alicesOrder, key);
        Api.Response alicesRetry = alice.send("POST", "/purchase", alicesOrder, key);

        assertThat(List.of(alices.status(), dericks.status(), integrators.status())).containsOnly(201);
        String alicesId = alices.json().get("purchase_id").asText();
        assertThat(dericks.json().get("purchase_id").asText()).isNotEqualTo(alicesId);
        assertThat(integrators.header("Idempotency-Replayed")).as("another principal's same key and body").isNull();
        assertThat(integrators.json().get("purchase_id").asText()).isNotEqualTo(alicesId);
        assertThat(alicesRetry.status()).isEqualTo(201);
        assertThat(alicesRetry.json().get("purchase_id").asText()).isEqualTo(alicesId);
    }

    @Test
    void a_key_limited_to_one_account_neither_sees_nor_refunds_another_accounts_purchase() {
        Api partner = Api.withKey(port, "derick-partner-key");
        Api.Response alices = demo.json("POST", "/purchase", "{\"userId\":\"alice\",\"productId\":\"3\",\"quantity\":1}");
        String alicesId = alices.json().get("purchase_id").asText();
        Api.Response dericks = partner.json("POST", "/purchase", "{\"userId\":\"derick\",\"productId\":\"3\",\"quantity\":1}");

        assertThat(dericks.status()).isEqualTo(201);
        assertForbidden(partner.json("POST", "/purchase", "{\"userId\":\"alice\",\"productId\":\"3\",\"quantity\":1}"));
        assertThat(partner.get("/purchase/" + alicesId).status()).isEqualTo(404);
        assertThat(partner.json("POST", "/purchase/" + alicesId + "/refund", null).status()).isEqualTo(404);
        assertThat(demo.get("/purchase/" + alicesId).json().get("status").asText()).isEqualTo("COMPLETED");
        Api.Response refunded = partner.json("POST", "/purchase/" + dericks.json().get("purchase_id").asText() + "/refund", null);
        assertThat(refunded.status()).as(refunded.body()).isIn(200, 202);
    }

    @Test
    void a_shopper_redeems_his_own_points() {
        assertThat(demo.json("POST", "/points", "{\"account_id\":\"derick\",\"amount\":50}").status()).isEqualTo(201);

        Api.Response redeemed = derick.json("DELETE", "/points", "{\"account_id\":\"derick\",\"amount\":20}");

        assertThat(redeemed.status()).isEqualTo(200);
        assertForbidden(derick.json("DELETE", "/points", "{\"account_id\":\"alice\",\"amount\":1}"));
    }

    @Test
    void actuator_endpoints_need_an_operator_and_health_shows_its_details_only_to_one() {
        assertThat(anonymous.get("/actuator/env").status()).isIn(401, 403);
        assertThat(derick.get("/actuator/env").status()).isIn(403, 404);

        JsonNode publicHealth = anonymous.get("/actuator/health").json();
        List<String> fields = new ArrayList<>();
        publicHealth.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("status");

        JsonNode operatorHealth = admin.get("/actuator/health").json();
        assertThat(operatorHealth.has("components")).isTrue();
    }

    @Test
    void a_body_over_the_limit_is_refused_with_413_before_it_is_read() {
        String huge = "{\"account_id\":\"derick\",\"amount\":10,\"pad\":\"" + "x".repeat(1024 * 1024) + "\"}";

        Api.Response response = demo.json("POST", "/points", huge);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void a_multipart_content_type_without_boundary_is_415_on_every_endpoint_of_the_openapi_document_and_beyond() {
        List<String> operations = new ArrayList<>(OpenApiOperations.of(port));
        operations.addAll(List.of("GET /actuator/health", "GET /actuator/env", "GET /api-doc", "POST /nowhere"));
        List<String> notRefused = new ArrayList<>();
        for (String operation : operations) {
            String[] request = OpenApiOperations.request(operation, "x");
            for (Api caller : List.of(demo, anonymous)) {
                Api.Response response = caller.send(request[0], request[1], "{}", Map.of("Content-Type", "multipart/form-data"));
                if (response.status() != 415 || !response.contentType().startsWith("application/problem+json")) {
                    notRefused.add(operation + ": " + response.status());
                }
            }
        }

        assertThat(operations).hasSizeGreaterThan(20);
        assertThat(notRefused).isEmpty();
    }

    @Test
    void a_one_megabyte_body_sent_in_chunks_is_refused_with_413_too() throws Exception {
        byte[] huge = ("{\"account_id\":\"derick\",\"amount\":10,\"pad\":\"" + "x".repeat(1024 * 1024) + "\"}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/points"))
                .header("X-Api-Key", Api.DEMO_KEY).header("Content-Type", "application/json")
                // no length known in advance: the body goes chunked
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge)))
                .build();

        var response = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    }

    @Test
    void a_malformed_content_type_or_accept_is_a_client_error_never_a_500() {
        assertThat(demo.send("POST", "/points", POINTS, Map.of("Content-Type", "application/json;;;=")).status())
                .isEqualTo(415);
        assertThat(demo.send("GET", "/products", null, Map.of("Accept", "not a media type")).status()).isEqualTo(406);
        assertThat(demo.send("GET", "/products", null, Map.of("Accept", "text/csv")).status()).isEqualTo(406);
    }

    @Test
    void a_burst_over_the_keys_limit_gets_429_with_retry_after() {
        Api slow = Api.withKey(port, "slow-partner-key");
        List<Integer> statuses = new ArrayList<>();
        Api.Response limited = null;
        for (int i = 0; i < 8; i++) {
            Api.Response response = slow.get("/points?account_id=derick");
            statuses.add(response.status());
            if (response.status() == 429) {
                limited = response;
            }
        }

        assertThat(statuses.subList(0, 5)).containsOnly(200);
        assertThat(statuses.subList(5, 8)).containsOnly(429);
        assertThat(limited.header("Retry-After")).isNotNull();
        assertThat(limited.contentType()).startsWith("application/problem+json");
    }

    @Test
    void camel_and_saga_headers_on_a_purchase_or_a_read_behave_exactly_like_none() {
        Map<String, String> steering = Map.of("Content-Type", "application/json", "Long-Running-Action", "forged-saga",
                "CamelSagaLongRunningAction", "forged-saga", "CamelHttpQuery", "account_id=alice",
                "CamelHttpUri", "/points?account_id=alice", "CamelHttpMethod", "DELETE", "CamelHttpResponseCode", "200");
        Api alice = Api.basic(port, "alice", "unicorn");
        String order = "{\"userId\":\"alice\",\"productId\":\"3\",\"quantity\":1}";
        Api.Response plain = alice.json("POST", "/purchase", order);
        Api.Response steered = alice.send("POST", "/purchase", order, steering);

        assertThat(steered.status()).isEqualTo(plain.status()).isEqualTo(201);
        JsonNode plainBody = plain.json().deepCopy();
        JsonNode steeredBody = steered.json().deepCopy();
        String steeredId = steeredBody.get("purchase_id").asText();
        ((com.fasterxml.jackson.databind.node.ObjectNode) plainBody).remove("purchase_id");
        ((com.fasterxml.jackson.databind.node.ObjectNode) steeredBody).remove("purchase_id");
        assertThat(steeredBody).isEqualTo(plainBody);
        assertThat(admin.get("/sagas/" + com.unicornstore.retail.domain.SagaIds.purchase(steeredId)).json()
                .get("state").asText()).isEqualToIgnoringCase("completed");
        assertThat(admin.get("/sagas/forged-saga").status()).isEqualTo(404);

        Api.Response read = alice.send("GET", "/points?account_id=alice", null, steering);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("account_id").asText()).isEqualTo("alice");
    }

    @Test
    void camel_and_saga_headers_from_a_client_change_nothing() {
        Api.Response plain = demo.json("POST", "/points", "{\"account_id\":\"headers-plain\",\"amount\":10}");
        Api.Response steering = demo.send("POST", "/points", "{\"account_id\":\"headers-steer\",\"amount\":10}", Map.of(
                "Content-Type", "application/json", "Long-Running-Action", "forged-saga",
                "CamelHttpResponseCode", "500", "CamelAwsDdbTableName", "unicorn-wallets"));

        assertThat(steering.status()).isEqualTo(plain.status()).isEqualTo(201);
        assertThat(steering.json().get("transaction_type").asText()).isEqualTo("issue");
        assertThat(steering.header("Long-Running-Action")).isNull();
    }

    @Test
    void responses_carry_the_security_headers() {
        Api.Response response = anonymous.get("/products");

        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("Content-Security-Policy")).contains("default-src 'self'");
    }

    @Test
    void cross_origin_calls_are_allowed_only_from_configured_origins() {
        Map<String, String> preflight = Map.of("Access-Control-Request-Method", "POST");
        Api.Response allowed = anonymous.send("OPTIONS", "/points", null, withOrigin(preflight, "http://localhost:5173"));
        Api.Response refused = anonymous.send("OPTIONS", "/points", null, withOrigin(preflight, "https://evil.example"));

        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:5173");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Access-Control-Allow-Origin")).isNull();
    }

    private static Map<String, String> withOrigin(Map<String, String> headers, String origin) {
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.put("Origin", origin);
        return all;
    }

    private static void assertForbidden(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }
}
