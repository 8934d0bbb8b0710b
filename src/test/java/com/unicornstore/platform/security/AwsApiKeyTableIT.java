package com.unicornstore.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.unicornstore.platform.aws.AwsCallCounter;
import com.unicornstore.platform.aws.AwsResourceNames;
import com.unicornstore.support.Api;
import com.unicornstore.support.AwsProfileTest;
import com.unicornstore.support.BackgroundRoutes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The aws profile's integrators: keys issued into the API-key table as the README tells an operator
 * to (a random 256-bit key, only its SHA-256 stored), found by hash, limited to their scopes and
 * accounts, cached briefly, and refused once revoked or deleted.
 */
class AwsApiKeyTableIT extends AwsProfileTest {

    @Autowired
    AwsResourceNames names;

    @Autowired
    AwsCallCounter counter;

    @Autowired
    CamelContext camel;

    @Test
    void an_issued_key_acts_within_its_scopes_and_accounts() {
        Api partner = client(issue("partner-a", List.of("points:read"), List.of("table-shopper"), Map.of()));

        assertThat(partner.get("/points?account_id=table-shopper").status()).isEqualTo(200);
        assertThat(partner.get("/points?account_id=alice").status()).isEqualTo(403);
        assertThat(partner.json("POST", "/points", "{\"account_id\":\"table-shopper\",\"amount\":5}").status())
                .as("no points:write").isEqualTo(403);
    }

    @Test
    void a_revoked_or_deleted_key_is_refused_within_the_cache_ttl() {
        Issued revoked = issue("partner-b", List.of("points:read"), List.of(), Map.of());
        Api partner = client(revoked);
        assertThat(partner.get("/points?account_id=anyone").status()).isEqualTo(200);

        dynamo.updateItem(b -> b.tableName(names.tables().apiKeys()).key(Map.of("key_hash", revoked.hash()))
                .updateExpression("SET revoked = :t").expressionAttributeValues(Map.of(":t", AttributeValue.fromBool(true))));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(partner.get("/points?account_id=anyone").status()).isEqualTo(401));

        Issued other = issue("partner-c", List.of("points:read"), List.of(), Map.of());
        Api deleted = client(other);
        assertThat(deleted.get("/points?account_id=anyone").status()).isEqualTo(200);
        dynamo.deleteItem(b -> b.tableName(names.tables().apiKeys()).key(Map.of("key_hash", other.hash())));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(deleted.get("/points?account_id=anyone").status()).isEqualTo(401));
    }

    @Test
    void demo_clients_unknown_scopes_and_the_local_demo_key_are_refused() {
        Api demoClient = client(issue("local-sneaky", List.of("points:read"), List.of(), Map.of()));
        Api unknownScope = client(issue("partner-d", List.of("root"), List.of(), Map.of()));

        assertThat(demoClient.get("/points?account_id=anyone").status()).isEqualTo(401);
        assertThat(unknownScope.get("/points?account_id=anyone").status()).isEqualTo(401);
        assertThat(new Api(port).get("/points?account_id=anyone").status()).isEqualTo(401);
    }

    @Test
    void a_keys_own_rate_limit_from_its_item_holds() {
        Api partner = client(issue("partner-e", List.of("points:read"), List.of(),
                Map.of("requests_per_minute", AttributeValue.fromN("3"))));

        List<Integer> statuses = java.util.stream.IntStream.range(0, 4)
                .mapToObj(i -> partner.get("/api-doc").status()).toList();

        assertThat(statuses).containsExactly(200, 200, 200, 429);
    }

    @Test
    void a_key_is_looked_up_once_and_then_served_from_the_cache() throws Exception {
        Api partner = client(issue("partner-f", List.of("points:read"), List.of(), Map.of()));
        BackgroundRoutes background = BackgroundRoutes.stop(camel);
        try {
            Map<String, Long> before = counter.snapshot();
            for (int i = 0; i < 5; i++) {
                assertThat(partner.get("/api-doc").status()).isEqualTo(200);
            }
            Map<String, Long> calls = AwsCallCounter.difference(before, counter.snapshot());
            assertThat(calls.getOrDefault("DynamoDb.GetItem", 0L)).as("five requests, one lookup").isEqualTo(1L);
        } finally {
            background.resume();
        }
    }

    /** A key as an operator issues it: a fresh random 256-bit key, of which only the SHA-256 is stored. */
    private record Issued(String key, AttributeValue hash) {}

    private Issued issue(String clientId, List<String> scopes, List<String> accounts, Map<String, AttributeValue> more) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String key = HexFormat.of().formatHex(random);
        Map<String, AttributeValue> item = new HashMap<>(more);
        item.put("key_hash", AttributeValue.fromS(sha256(key)));
        item.put("client_id", AttributeValue.fromS(clientId));
        item.put("scopes", AttributeValue.fromSs(scopes));
        if (!accounts.isEmpty()) {
            item.put("accounts", AttributeValue.fromSs(accounts));
        }
        dynamo.putItem(b -> b.tableName(names.tables().apiKeys()).item(item));
        return new Issued(key, item.get("key_hash"));
    }

    private Api client(Issued issued) {
        return Api.withKey(port, issued.key());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
