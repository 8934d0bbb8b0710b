package com.unicornstore.retail.adapter;

import com.unicornstore.platform.domain.Origin;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.unicornstore.bench.BenchResults;
import com.unicornstore.bench.Clients;
import com.unicornstore.bench.Rounds;
import com.unicornstore.campaign.application.EvaluatingPurchase;
import com.unicornstore.support.Api;
import com.unicornstore.retail.domain.Inventory;
import com.unicornstore.retail.domain.Product;
import com.unicornstore.retail.domain.Purchase;
import com.unicornstore.retail.domain.PurchaseOrder;
import com.unicornstore.retail.domain.PurchaseStatus;
import com.unicornstore.retail.domain.Purchases;
import com.unicornstore.retail.domain.Wallets;
import com.unicornstore.saga.domain.SagaLog;
import com.unicornstore.saga.domain.SagaState;
import com.unicornstore.saga.domain.SagaStep;
import com.unicornstore.support.PlatformIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Completed purchases per second at 8 concurrent shoppers through the platform (HTTP, security,
 * Camel, the durable saga), against a direct replay of the same work by the same adapters without
 * the platform: the request's JSON parsed, the same 13 DynamoDB and SQS calls (see
 * PurchaseCallCountIT) in sequence, the campaign evaluated as the saga does, the same IssuePoints
 * command and the same answer's JSON written. Alternating rounds ({@link Rounds}).
 */
@PlatformIntegrationTest
class PurchaseBenchmark extends StoreClient {

    private static final String SCENARIO = "purchase.throughput";
    private static final int SHOPPERS = 8;
    private static final int ROUNDS = 5;
    private static final Duration ROUND = Duration.ofSeconds(3);
    private static final long PRICE = 200; // earns points under the demo campaign, so every purchase issues some
    private static final String PRODUCT = "bench-unicorn";

    @Autowired
    Purchases purchases;

    @Autowired
    Inventory inventory;

    @Autowired
    Wallets wallets;

    @Autowired
    SagaLog sagas;

    @Autowired
    EvaluatingPurchase evaluating;

    @Autowired
    PointsAward award;

    @Autowired
    ObjectMapper json;

    @Autowired
    SqsClient sqs;

    /** The latencies of one round, in nanoseconds. */
    private final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());

    @Test
    void purchases_through_the_platform_against_the_same_work_replayed_directly() {
        seedShoppers();
        String queueUrl = sqs.getQueueUrl(b -> b.queueName(names.queues().pointsCommands())).queueUrl();
        IntConsumer platform = shopper -> assertThat(buy("platform-" + shopper, PRODUCT, 1).status()).isEqualTo(201);
        IntConsumer direct = shopper -> purchaseDirectly(body("direct-" + shopper), queueUrl);
        List<Double> platformP50 = new ArrayList<>();
        List<Double> directP50 = new ArrayList<>();
        try (Clients shoppers = new Clients(SHOPPERS)) {
            Rounds.Outcome rate = Rounds.alternate(ROUNDS, () -> round(shoppers, platform, platformP50),
                    () -> round(shoppers, direct, directP50));
            BenchResults.record(SCENARIO, "purchases_per_second", rate);
            BenchResults.record(SCENARIO, "latency.p50_ms",
                    new Rounds.Outcome(Rounds.collected(platformP50), Rounds.collected(directP50)));
            assertThat(rate.value().min()).isPositive();
            assertThat(rate.baseline().min()).isPositive();
        }
    }

    /** Purchases per second in one round; the round's median latency into {@code p50}. */
    private double round(Clients shoppers, IntConsumer purchase, List<Double> p50) {
        latencies.clear();
        double rate = shoppers.perSecond(ROUND, shopper -> {
            long started = System.nanoTime();
            purchase.accept(shopper);
            latencies.add(System.nanoTime() - started);
        });
        p50.add(Rounds.median(latencies.stream().mapToLong(Long::longValue).toArray()) / 1e6);
        return rate;
    }


    private static String body(String shopper) {
        return "{\"userId\":\"" + shopper + "\",\"productId\":\"" + PRODUCT + "\",\"quantity\":1}";
    }

    /**
     * What one platform purchase does, in its order, through the same adapters: parse the order;
     * open the purchase; per step a saga-log append and its write; the campaign evaluation (the
     * client's campaigns read, as the saga reads them); the IssuePoints command; then the
     * completion's transitions and confirmations; and the answer's JSON.
     */
    private void purchaseDirectly(String request, String queueUrl) {
        try {
            JsonNode order = json.readTree(request);
            String shopper = order.get("userId").asText();
            String product = order.get("productId").asText();
            int quantity = order.get("quantity").asInt();
            String purchaseId = UUID.randomUUID().toString();
            String sagaId = UUID.randomUUID().toString();
            Instant lease = Instant.now().plusSeconds(60);
            purchases.addIfAbsent(Purchase.pending(purchaseId, new PurchaseOrder(shopper, product, quantity),
                    Origin.SYSTEM, Instant.now()));
            sagas.appendStep(sagaId, step("stock", purchaseId), "bench-direct", lease);
            long total = inventory.reserve(product, purchaseId, quantity);
            sagas.appendStep(sagaId, step("wallet", purchaseId), "bench-direct", lease);
            wallets.debit(shopper, purchaseId, total);
            long points = evaluating.evaluate(award.purchaseEvent(purchaseId, shopper, product, quantity, total, null))
                    .points();
            assertThat(points).isPositive();
            String command = award.issueCommand(purchaseId, shopper, points, Api.DEMO_CLIENT, null, null);
            sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(command));
            sagas.appendStep(sagaId, step("points", purchaseId), "bench-direct", lease);
            sagas.transition(sagaId, EnumSet.of(SagaState.RUNNING), SagaState.COMPLETING);
            purchases.end(purchaseId, PurchaseStatus.COMPLETED, total, points, null, sagaId);
            wallets.confirm(shopper, purchaseId);
            inventory.confirm(product, purchaseId);
            sagas.transition(sagaId, EnumSet.of(SagaState.COMPLETING), SagaState.COMPLETED);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("purchase_id", purchaseId);
            answer.put("status", "COMPLETED");
            answer.put("userId", shopper);
            answer.put("productId", product);
            answer.put("quantity", quantity);
            answer.put("total", total);
            answer.put("points", points);
            assertThat(json.writeValueAsString(answer)).contains(purchaseId);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SagaStep step(String name, String purchaseId) {
        return new SagaStep("direct://bench.undo-" + name, "direct://bench.confirm-" + name,
                Map.of("purchaseId", purchaseId));
    }

    private void seedShoppers() {
        seed.putIfAbsent(names.tables().products(), "id", ProductItems.toItem(
                new Product(PRODUCT, "Benchmark unicorn", "Enough for every shopper", PRICE, 1_000_000, "unicorn.svg")));
        for (int shopper = 0; shopper < SHOPPERS; shopper++) {
            for (String side : List.of("platform-", "direct-")) {
                shopper(side + shopper, 1_000_000_000L);
            }
        }
    }
}
