package com.unicornstore.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.unicornstore.platform.aws.AwsResourceNames;
import com.unicornstore.platform.provisioning.ConditionalSeed;
import com.unicornstore.retail.adapter.WalletItems;
import com.unicornstore.retail.domain.Wallet;
import com.unicornstore.support.Api;
import com.unicornstore.support.LossyDynamoExtension;
import com.unicornstore.support.LossyDynamoProxy;
import com.unicornstore.support.PlatformIntegrationTest;
import com.unicornstore.support.Sweeps;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The platform under lost replies: one PutItem or UpdateItem answer in five never reaches it (the
 * write happened; the SDK sends it again). Every write must recognise its own earlier success.
 */
@PlatformIntegrationTest
@ExtendWith(LossyDynamoExtension.class)
@TestPropertySource(properties = Sweeps.EVERY_SHARD)
class LostRepliesIT {

    private static final Logger LOG = LoggerFactory.getLogger(LostRepliesIT.class);
    private static final double ONE_IN_FIVE = 0.2;
    private static final String OUTCOME_UNKNOWN = "https://unicorn.store/problems/outcome-unknown";

    @LocalServerPort
    int port;

    @Autowired
    ConditionalSeed seed;

    @Autowired
    AwsResourceNames names;

    Api api;
    final ConcurrentLinkedQueue<Api.Response> answers = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void loseReplies(LossyDynamoProxy proxy) {
        api = new Api(port);
        proxy.loseReplies(ONE_IN_FIVE);
    }

    @AfterEach
    void nothingAnswered500(LossyDynamoProxy proxy) {
        proxy.loseReplies(0);
        LOG.info("Proxy forwarded {} requests and lost {} replies {}; answers by status {}", proxy.requests(),
                proxy.droppedTotal(), proxy.dropped(), answers.stream().collect(
                        java.util.stream.Collectors.groupingBy(Api.Response::status, java.util.TreeMap::new,
                                java.util.stream.Collectors.counting())));
        assertThat(proxy.droppedTotal()).as("replies the proxy lost").isPositive();
        assertThat(answers).as("no answer is a 500").noneMatch(answer -> answer.status() >= 500 && answer.status() != 503);
        assertThat(answers).filteredOn(answer -> answer.status() == 503)
                .allSatisfy(answer -> assertThat(answer.header("Retry-After")).isNotNull());
    }

    @Test
    void concurrent_redemptions_record_exactly_the_acknowledged_ones_plus_at_most_those_answered_503() throws Exception {
        settled("POST", "/points", "{\"account_id\":\"lossy-redeemer\",\"amount\":100}", "issue-lossy-redeemer");

        List<Api.Response> redemptions = inParallel(20, i -> points("DELETE", "lossy-redeemer", 10, null));

        long acknowledged = redemptions.stream().filter(r -> r.status() == 200).count();
        long unknown = redemptions.stream().filter(r -> r.status() == 503).count();
        assertThat(redemptions).allSatisfy(r -> assertThat(r.status()).isIn(200, 409, 503));
        assertThat(redemptions).filteredOn(r -> r.status() == 503)
                .allSatisfy(r -> assertThat(r.json().get("type").asText()).isEqualTo(OUTCOME_UNKNOWN));
        long recorded = count(history("lossy-redeemer"), "redeem");
        assertThat(recorded).isBetween(acknowledged, acknowledged + unknown);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(balance("lossy-redeemer")).isEqualTo(100 - 10 * recorded));
    }

    @Test
    void an_issue_is_never_answered_409_because_of_its_own_write() {
        List<List<Api.Response>> keyed = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            keyed.add(untilKnown("/points", "{\"account_id\":\"lossy-issuer\",\"amount\":5}", "lossy-issue-" + i));
        }
        List<Api.Response> keyless = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            keyless.add(points("POST", "lossy-issuer-keyless", 5, null));
        }

        JsonNode history = history("lossy-issuer");
        for (int i = 0; i < keyed.size(); i++) {
            List<Api.Response> tries = keyed.get(i);
            Api.Response last = tries.get(tries.size() - 1);
            assertThat(tries.subList(0, tries.size() - 1)).allSatisfy(r -> assertThat(r.status()).isEqualTo(503));
            String key = "lossy-issue-" + i;
            List<JsonNode> events = StreamSupport.stream(history.spliterator(), false)
                    .filter(item -> key.equals(item.path("message_id").asText())).toList();
            assertThat(events).as("events of " + key).hasSize(1);
            // a retry after outcome-unknown is recognised by the account's recent commands and answered
            // with the event the first attempt recorded
            assertThat(last.status()).as(last.body()).isEqualTo(201);
            assertThat(last.json().get("id").asText()).isEqualTo(events.get(0).get("id").asText());
        }
        assertThat(keyless).allSatisfy(r -> assertThat(r.status()).as(r.body()).isIn(201, 503));
        long keylessCreated = keyless.stream().filter(r -> r.status() == 201).count();
        long keylessUnknown = keyless.stream().filter(r -> r.status() == 503).count();
        assertThat(count(history("lossy-issuer-keyless"), "issue")).isBetween(keylessCreated, keylessCreated + keylessUnknown);
    }

    @Test
    void concurrent_purchases_all_end_and_stock_wallets_and_points_agree_with_the_completed_ones() throws Exception {
        long stockBefore = api.get("/products/3").json().get("stock").asLong();
        List<String> shoppers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String shopper = "lossy-shopper-" + i;
            seed.putIfAbsent(names.tables().wallets(), "username", WalletItems.toItem(new Wallet(shopper, 2000)));
            shoppers.add(shopper);
        }

        List<Api.Response> bought = inParallel(shoppers.size(), i -> settled("POST", "/purchase",
                "{\"userId\":\"" + shoppers.get(i) + "\",\"productId\":\"3\",\"quantity\":1}", "lossy-buy-" + i));

        List<String> completed = new ArrayList<>();
        for (int i = 0; i < shoppers.size(); i++) {
            Api.Response answer = bought.get(i);
            assertThat(answer.status()).as(answer.body()).isIn(201, 409, 503);
            assertThat(answer.json().has("purchase_id")).as(answer.body()).isTrue();
            String purchaseId = answer.json().get("purchase_id").asText();
            await().atMost(Duration.ofSeconds(60)).until(() -> !"PENDING".equals(status(purchaseId)));
            if ("COMPLETED".equals(status(purchaseId))) {
                completed.add(shoppers.get(i));
            }
        }
        assertThat(completed).as("purchases that completed").isNotEmpty();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(api.get("/products/3").json().get("stock").asLong()).isEqualTo(stockBefore - completed.size());
            for (String shopper : shoppers) {
                boolean paid = completed.contains(shopper);
                assertThat(api.get("/users/balance/" + shopper).json().get("balance").asLong())
                        .as(shopper + "'s wallet").isEqualTo(paid ? 1100 : 2000);
                assertThat(pointsIssued(shopper)).as(shopper + "'s points").isEqualTo(paid ? 90 : 0);
            }
        });
    }

    /** A write with an Idempotency-Key, retried with the same key for as long as its outcome is unknown: the last answer. */
    private Api.Response settled(String method, String path, String body, String key) {
        List<Api.Response> tries = untilKnown(path, body, key, method);
        return tries.get(tries.size() - 1);
    }

    private List<Api.Response> untilKnown(String path, String body, String key) {
        return untilKnown(path, body, key, "POST");
    }

    /** Every answer to a write sent with the same key until one is not 503 (nor the key still in use). */
    private List<Api.Response> untilKnown(String path, String body, String key, String method) {
        List<Api.Response> tries = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            Api.Response answer = record(api.send(method, path, body,
                    Map.of("Content-Type", "application/json", "Idempotency-Key", key)));
            if (answer.status() == 503) {
                assertThat(answer.json().get("type").asText()).isEqualTo(OUTCOME_UNKNOWN);
                assertThat(!path.startsWith("/purchase") || answer.json().has("purchase_id"))
                        .as("a purchase's 503 names its purchase: " + answer.body()).isTrue();
            }
            if (!isKeyInUse(answer)) {
                tries.add(answer);
            }
            return answer.status() != 503 && !isKeyInUse(answer);
        });
        return tries;
    }

    private Api.Response points(String method, String account, long amount, String key) {
        Map<String, String> headers = key == null ? Map.of("Content-Type", "application/json")
                : Map.of("Content-Type", "application/json", "Idempotency-Key", key);
        return record(api.send(method, "/points", "{\"account_id\":\"" + account + "\",\"amount\":" + amount + "}", headers));
    }

    private Api.Response record(Api.Response answer) {
        answers.add(answer);
        return answer;
    }

    private static boolean isKeyInUse(Api.Response answer) {
        return answer.status() == 409 && answer.json().get("type").asText().endsWith("/idempotency-key-in-use");
    }

    private String status(String purchaseId) {
        return api.get("/purchase/" + purchaseId).json().get("status").asText();
    }

    private JsonNode history(String account) {
        return api.get("/points/history?account_id=" + account + "&limit=100").json().get("items");
    }

    private long balance(String account) {
        return api.get("/points?account_id=" + account).json().get("balance").asLong();
    }

    private static long count(JsonNode items, String type) {
        return StreamSupport.stream(items.spliterator(), false)
                .filter(item -> type.equals(item.get("transaction_type").asText())).count();
    }

    /** Points the event store holds for an account: issued less revoked. */
    private long pointsIssued(String account) {
        long total = 0;
        for (JsonNode item : history(account)) {
            String type = item.get("transaction_type").asText();
            total += "issue".equals(type) ? item.get("amount").asLong() : "revoke".equals(type) ? -item.get("amount").asLong() : 0;
        }
        return total;
    }

    private interface Call {
        Api.Response make(int index) throws Exception;
    }

    private static List<Api.Response> inParallel(int count, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<Future<Api.Response>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> call.make(index)));
            }
            List<Api.Response> results = new ArrayList<>();
            for (Future<Api.Response> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }
}
