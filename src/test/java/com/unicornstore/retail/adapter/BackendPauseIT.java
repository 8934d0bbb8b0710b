package com.unicornstore.retail.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.unicornstore.support.Api;
import com.unicornstore.support.LocalBackendsExtension.Backends;
import com.unicornstore.support.PausedProcess;
import com.unicornstore.support.PlatformIntegrationTest;
import com.unicornstore.support.Sweeps;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB stops answering for 15 s (moto frozen with SIGSTOP, its data intact) in the middle of
 * purchases and points traffic, then comes back. Within a minute of its return every purchase has
 * ended, every hold is released or confirmed, stock, wallets and points agree with what was
 * answered, and no call was answered 500.
 */
@PlatformIntegrationTest
@TestPropertySource(properties = Sweeps.EVERY_SHARD)
class BackendPauseIT extends StoreClient {

    private static final Duration PAUSE = Duration.ofSeconds(15);
    private static final String PRODUCT = "3"; // Unicorn Mini: price 900, stock 25, earns 90 points
    private static final Set<String> ENDED = Set.of("COMPLETED", "REJECTED", "COMPENSATED");

    /** A points command whose claim's reply was lost in the pause runs again once that claim's lease ran out. */
    @Value("${unicorn.idempotency.lease}")
    Duration claimLease;

    @Value("${points.commands.visibility-timeout}")
    int visibilitySeconds;

    @Autowired
    DynamoDbClient dynamo;

    @Test
    void a_fifteen_second_dynamodb_pause_ends_every_purchase_and_loses_nothing(Backends backends) throws Exception {
        List<String> shoppers = IntStream.range(0, 3).mapToObj(i -> shopper("pause-shopper-" + i, 20_000)).toList();
        List<String> members = List.of("pause-member-0", "pause-member-1");
        long stockBefore = stock(PRODUCT);
        Traffic traffic = new Traffic(api);
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(shoppers.size() + members.size());
        for (String shopper : shoppers) {
            clients.submit(() -> {
                for (int i = 0; i < 30 && running.get(); i++) {
                    traffic.purchase(shopper, PRODUCT);
                }
            });
        }
        for (String member : members) {
            clients.submit(() -> {
                for (int i = 0; i < 60 && running.get(); i++) {
                    traffic.points("POST", member, 100);
                    traffic.points("DELETE", member, 30);
                }
            });
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> traffic.answered(201) >= 6);

        try (PausedProcess moto = PausedProcess.pause(backends.moto().pid())) {
            Thread.sleep(PAUSE.toMillis()); // the length of the fault itself, not a synchronisation
        }
        int answeredBeforeReturn = traffic.answered(201);
        // traffic goes on after the return until it succeeds again, then stops
        await().atMost(Duration.ofSeconds(30)).until(() -> traffic.answered(201) >= answeredBeforeReturn + 4);
        running.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(2, TimeUnit.MINUTES)).isTrue();

        assertThat(traffic.statuses()).as("no call answered 500").doesNotContain(500);
        List<String> purchaseIds = traffic.purchaseIds();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (String id : purchaseIds) {
                assertThat(api.get("/purchase/" + id).json().get("status").asText()).as("purchase %s", id).isIn(ENDED);
            }
        });

        Map<String, List<JsonNode>> completedByShopper = new HashMap<>();
        for (String id : purchaseIds) {
            JsonNode purchase = api.get("/purchase/" + id).json();
            if (purchase.get("status").asText().equals("COMPLETED")) {
                completedByShopper.computeIfAbsent(purchase.get("userId").asText(), k -> new ArrayList<>()).add(purchase);
            }
        }
        long sold = completedByShopper.values().stream().mapToLong(List::size).sum();
        assertThat(sold).as("purchases completed").isPositive();
        assertThat(stock(PRODUCT)).isEqualTo(stockBefore - sold);
        assertThat(holds("products", "id", PRODUCT)).as("holds on the product").isEmpty();
        for (String shopper : shoppers) {
            List<JsonNode> bought = completedByShopper.getOrDefault(shopper, List.of());
            long spent = bought.stream().mapToLong(p -> p.get("total").asLong()).sum();
            long earned = bought.stream().mapToLong(p -> p.get("points").asLong()).sum();
            assertThat(wallet(shopper)).as("wallet of %s", shopper).isEqualTo(20_000 - spent);
            assertThat(holds("wallets", "username", shopper)).as("holds on %s's wallet", shopper).isEmpty();
            // a points command cut off by the pause waits out its claim's lease, then its next receive
            await().atMost(claimLease.plusSeconds(visibilitySeconds + 30)).untilAsserted(
                    () -> assertThat(points(shopper)).as("points of %s", shopper).isEqualTo(earned));
        }

        for (String member : members) {
            traffic.settlePoints(member);
            History history = history(member);
            assertThat(history.issues()).as("issues of %s recorded once each", member)
                    .isEqualTo(traffic.acknowledged(member, "POST"));
            assertThat(history.redemptions()).as("redemptions of %s recorded once each", member)
                    .isEqualTo(traffic.acknowledged(member, "DELETE"));
            long expected = 100L * history.issues() - 30L * history.redemptions();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(
                    () -> assertThat(points(member)).as("balance of %s", member).isEqualTo(expected));
        }
        assertThat(traffic.statuses()).as("no call answered 500, retries included").doesNotContain(500);
    }

    private Map<String, AttributeValue> holds(String table, String keyName, String key) {
        String name = table.equals("products") ? names.tables().products() : names.tables().wallets();
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(name).consistentRead(true)
                .key(Map.of(keyName, AttributeValue.fromS(key)))).item();
        AttributeValue holds = item.get("holds");
        return holds == null || !holds.hasM() ? Map.of() : holds.m();
    }

    record History(long issues, long redemptions) {}

    private History history(String account) {
        long issues = 0;
        long redemptions = 0;
        String cursor = null;
        do {
            JsonNode page = api.get("/points/history?account_id=" + account + "&limit=100"
                    + (cursor == null ? "" : "&cursor=" + cursor)).json();
            for (JsonNode item : page.get("items")) {
                String type = item.get("transaction_type").asText();
                issues += type.equals("issue") ? 1 : 0;
                redemptions += type.equals("redeem") ? 1 : 0;
            }
            cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asText();
        } while (cursor != null);
        return new History(issues, redemptions);
    }

    /**
     * The clients' calls and what each was answered. Every write carries its own Idempotency-Key,
     * so a call whose answer was a 503 or nothing at all can be settled by retrying it with its key.
     */
    static final class Traffic {

        record Call(String method, String account, String key, String body, int status, JsonNode answer) {}

        private final Api api;
        private final List<Call> calls = new ArrayList<>();

        Traffic(Api api) {
            this.api = api;
        }

        void purchase(String shopper, String product) {
            send("POST", "/purchase", shopper, UUID.randomUUID().toString(),
                    "{\"userId\":\"" + shopper + "\",\"productId\":\"" + product + "\",\"quantity\":1}");
        }

        void points(String method, String account, long amount) {
            send(method, "/points", account, UUID.randomUUID().toString(),
                    "{\"account_id\":\"" + account + "\",\"amount\":" + amount + "}");
        }

        /** Retries every unsettled points write of the account with its own key until it has a final answer. */
        void settlePoints(String account) {
            for (Call call : snapshot()) {
                if (call.account().equals(account) && !call.method().equals("POST_PURCHASE") && unsettled(call)) {
                    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
                        Call retry = send(call.method(), "/points", account, call.key(), call.body());
                        return !unsettled(retry);
                    });
                }
            }
        }

        /** Distinct keys of this account's points writes whose final answer was a success. */
        long acknowledged(String account, String method) {
            Map<String, Integer> last = new HashMap<>();
            for (Call call : snapshot()) {
                if (call.account().equals(account) && call.method().equals(method)) {
                    last.put(call.key(), call.status());
                }
            }
            return last.values().stream().filter(status -> status >= 200 && status < 300).count();
        }

        /** Every purchase the clients made, by the id their answer carried or, lacking one, a retry's. */
        List<String> purchaseIds() {
            List<String> ids = new ArrayList<>();
            for (Call call : snapshot()) {
                if (!call.method().equals("POST_PURCHASE")) {
                    continue;
                }
                JsonNode answer = call.answer();
                String named = answer == null ? null : answer.path("purchase_id").asText(null);
                if (named == null || !opened(named)) {
                    // no answer, or cut short before the purchase was opened: its key finds out what became of it
                    assertThat(call.status()).as("a purchase answered without an opened purchase: %s", answer)
                            .isIn(-1, 503);
                    answer = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                            .until(() -> send("POST", "/purchase", call.account(), call.key(), call.body()).answer(),
                                    retried -> retried != null && retried.hasNonNull("purchase_id")
                                            && opened(retried.get("purchase_id").asText()));
                    if (named != null) {
                        assertThat(answer.get("purchase_id").asText()).as("the purchase the 503 named")
                                .isEqualTo(named);
                    }
                }
                ids.add(answer.get("purchase_id").asText());
            }
            return ids.stream().distinct().toList();
        }

        /** Whether the purchase exists: a 503 names the purchase its request makes, opened or not yet. */
        private boolean opened(String purchaseId) {
            return api.get("/purchase/" + purchaseId).status() != 404;
        }

        synchronized int answered(int status) {
            return (int) calls.stream().filter(call -> call.status() == status).count();
        }

        synchronized List<Integer> statuses() {
            return calls.stream().map(Call::status).toList();
        }

        private static boolean unsettled(Call call) {
            return call.status() == -1 || call.status() == 503 || call.status() == 409
                    && call.answer() != null && call.answer().path("type").asText().endsWith("/idempotency-key-in-use");
        }

        private synchronized List<Call> snapshot() {
            return List.copyOf(calls);
        }

        private Call send(String method, String path, String account, String key, String body) {
            Call call;
            String kind = path.equals("/purchase") ? "POST_PURCHASE" : method;
            try {
                Api.Response response = api.send(method, path, body,
                        Map.of("Content-Type", "application/json", "Idempotency-Key", key));
                JsonNode answer = response.body() == null || response.body().isBlank() ? null : response.json();
                call = new Call(kind, account, key, body, response.status(), answer);
            } catch (RuntimeException noAnswer) {
                call = new Call(kind, account, key, body, -1, null); // no answer at all: the outcome is unknown
            }
            synchronized (this) {
                calls.add(call);
            }
            return call;
        }
    }
}
