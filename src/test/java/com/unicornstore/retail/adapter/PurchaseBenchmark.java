package com.unicornstore.retail.adapter;

import com.unicornstore.platform.domain.Origin;
import static org.assertj.core.api.Assertions.assertThat;

import com.unicornstore.bench.BenchResults;
import com.unicornstore.campaign.domain.CampaignStore;
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
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Completed purchases per second at 8 concurrent shoppers through the platform (HTTP, Camel, the
 * durable saga), against the same 13 DynamoDB and SQS calls per purchase (see PurchaseCallCountIT)
 * made directly in sequence by the same adapters, without Camel, in the same run on the same backends.
 */
@PlatformIntegrationTest
class PurchaseBenchmark extends StoreClient {

    private static final String SCENARIO = "purchase.throughput";
    private static final int SHOPPERS = 8;
    private static final Duration ROUND = Duration.ofSeconds(5);
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
    CampaignStore campaigns;

    @Autowired
    SqsClient sqs;

    @Value("${unicorn.retail.campaign-client}")
    String campaignClient;

    /** Latencies of one kind of purchase, in nanoseconds, across rounds. */
    record Samples(List<Long> nanos) {
        Samples() {
            this(new ArrayList<>());
        }

        synchronized void add(long value) {
            nanos.add(value);
        }

        synchronized double percentileMillis(double p) {
            long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(sorted);
            return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
        }
    }

    @Test
    void purchases_through_the_platform_against_the_same_calls_made_directly() throws Exception {
        seedShoppers();
        String queueUrl = sqs.getQueueUrl(b -> b.queueName(names.queues().pointsCommands())).queueUrl();
        IntConsumer platform = shopper -> assertThat(buy("platform-" + shopper, PRODUCT, 1).status()).isEqualTo(201);
        IntConsumer direct = shopper -> purchaseDirectly("direct-" + shopper, queueUrl);
        ExecutorService pool = Executors.newFixedThreadPool(SHOPPERS);
        Samples platformLatency = new Samples();
        Samples directLatency = new Samples();
        run(pool, platform, Duration.ofSeconds(1), new Samples());
        run(pool, direct, Duration.ofSeconds(1), new Samples());

        // A-B-B-A, so that whatever drifts during the run (a growing saga table, queued points
        // commands still being applied) weighs on both sides alike
        long directDone = run(pool, direct, ROUND, directLatency);
        long platformDone = run(pool, platform, ROUND, platformLatency) + run(pool, platform, ROUND, platformLatency);
        directDone += run(pool, direct, ROUND, directLatency);
        pool.shutdown();

        double seconds = 2.0 * ROUND.toMillis() / 1000;
        BenchResults.record(SCENARIO, "purchases_per_second", platformDone / seconds, directDone / seconds);
        BenchResults.record(SCENARIO, "latency.p50.ms", platformLatency.percentileMillis(0.50),
                directLatency.percentileMillis(0.50));
        BenchResults.record(SCENARIO, "latency.p99.ms", platformLatency.percentileMillis(0.99),
                directLatency.percentileMillis(0.99));
        assertThat(platformDone).isPositive();
        assertThat(directDone).isPositive();
    }

    /**
     * What one platform purchase asks of DynamoDB and SQS, in its order, through the same adapters:
     * open the purchase; per step a saga-log append and its write; the client's campaigns; the
     * IssuePoints command; then the completion's transitions and confirmations.
     */
    private void purchaseDirectly(String shopper, String queueUrl) {
        String purchaseId = UUID.randomUUID().toString();
        String sagaId = UUID.randomUUID().toString();
        Instant lease = Instant.now().plusSeconds(60);
        purchases.addIfAbsent(Purchase.pending(purchaseId, new PurchaseOrder(shopper, PRODUCT, 1), Origin.SYSTEM, Instant.now()));
        sagas.appendStep(sagaId, step("stock", purchaseId), "bench-direct", lease);
        long total = inventory.reserve(PRODUCT, purchaseId, 1);
        sagas.appendStep(sagaId, step("wallet", purchaseId), "bench-direct", lease);
        wallets.debit(shopper, purchaseId, total);
        campaigns.ofClient(campaignClient);
        long points = total / 10; // what the demo campaign awards: the same command, so the same work for the ledger
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody("{\"type\":\"IssuePoints\",\"account_id\":\"" + shopper
                + "\",\"amount\":" + points + ",\"correlation_id\":\"" + purchaseId + "\"}"));
        sagas.appendStep(sagaId, step("points", purchaseId), "bench-direct", lease);
        sagas.transition(sagaId, EnumSet.of(SagaState.RUNNING), SagaState.COMPLETING);
        purchases.end(purchaseId, PurchaseStatus.COMPLETED, total, points, null, sagaId);
        wallets.confirm(shopper, purchaseId);
        inventory.confirm(PRODUCT, purchaseId);
        sagas.transition(sagaId, EnumSet.of(SagaState.COMPLETING), SagaState.COMPLETED);
    }

    private static SagaStep step(String name, String purchaseId) {
        return new SagaStep("direct://bench.undo-" + name, "direct://bench.confirm-" + name,
                Map.of("purchaseId", purchaseId));
    }

    /** Purchases completed by all shoppers together in {@code duration}; each one's latency into {@code latency}. */
    private static long run(ExecutorService pool, IntConsumer purchase, Duration duration, Samples latency)
            throws Exception {
        long deadline = System.nanoTime() + duration.toNanos();
        List<Future<Long>> shoppers = new ArrayList<>();
        for (int shopper = 0; shopper < SHOPPERS; shopper++) {
            int id = shopper;
            shoppers.add(pool.submit(() -> {
                long done = 0;
                while (System.nanoTime() < deadline) {
                    long started = System.nanoTime();
                    purchase.accept(id);
                    latency.add(System.nanoTime() - started);
                    done++;
                }
                return done;
            }));
        }
        long total = 0;
        for (Future<Long> shopper : shoppers) {
            total += shopper.get();
        }
        return total;
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
