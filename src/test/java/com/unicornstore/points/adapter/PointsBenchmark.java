package com.unicornstore.points.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.unicornstore.bench.BenchResults;
import com.unicornstore.platform.aws.AwsResourceNames;
import com.unicornstore.points.domain.BalanceView;
import com.unicornstore.points.domain.LotShare;
import com.unicornstore.points.domain.PointsEvent;
import com.unicornstore.points.domain.PointsIssued;
import com.unicornstore.points.domain.PointsRedeemed;
import com.unicornstore.support.Api;
import com.unicornstore.support.PlatformIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Points throughput and read latency, each against a baseline measured in the same run on the same backends. */
@PlatformIntegrationTest
class PointsBenchmark {

    private static final int CLIENTS = 8;
    private static final Duration ROUND = Duration.ofSeconds(5);

    @LocalServerPort
    int port;

    @Autowired
    DynamoDbClient dynamo;

    @Autowired
    AwsResourceNames names;

    @Autowired
    DynamoBalanceViews views;

    @Autowired
    AccountCache accounts;

    @Autowired
    Snapshots snapshots;

    @Autowired
    com.unicornstore.points.domain.BucketPolicy buckets;

    /**
     * Issue latency on an account with 5,000 issues over 400 days against one with 10 events, both
     * seeded the same way (the domain decides the events, written in batches, the hot one with a
     * snapshot), in the same cache state: cached in this instance, then evicted before every issue.
     * Rounds alternate hot, small, hot, small; p50 over all samples, spread = max - min of the rounds' p50.
     */
    @Test
    void issuing_on_an_account_of_5000_issues_over_400_days_against_one_of_10_events() {
        seedByTheDomain("hot-5000", 5000, Duration.ofDays(400), true);
        seedByTheDomain("small-10", 10, Duration.ofDays(10), false);
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() ->
                applied("hot-5000") >= 5000 && applied("small-10") == 10);
        Api api = new Api(port);
        for (boolean cold : new boolean[] {false, true}) {
            List<long[]> hot = new ArrayList<>();
            List<long[]> small = new ArrayList<>();
            for (int round = 0; round < 7; round++) {
                long[] a = issueRound(api, "hot-5000", cold);
                long[] b = issueRound(api, "small-10", cold);
                if (round > 0) { // the first round of each is warm-up
                    hot.add(a);
                    small.add(b);
                }
            }
            String state = cold ? "cold" : "cached";
            BenchResults.record("points.issue.latency.hot-vs-cold", "p50_ms." + state, median(all(hot)) / 1e6,
                    median(all(small)) / 1e6);
            BenchResults.record("points.issue.latency.hot-vs-cold", "round_p50_spread_ms." + state,
                    spread(hot) / 1e6, spread(small) / 1e6);
        }
        assertThat(accounts.get("hot-5000").lots().size()).isLessThanOrEqualTo((int) buckets.maxOpenLots());
    }

    private long[] issueRound(Api api, String account, boolean cold) {
        long[] samples = new long[30];
        for (int i = 0; i < samples.length; i++) {
            if (cold) {
                accounts.evict(account);
            }
            long started = System.nanoTime();
            assertThat(api.json("POST", "/points", "{\"account_id\":\"" + account + "\",\"amount\":1}").status())
                    .isEqualTo(201);
            samples[i] = System.nanoTime() - started;
        }
        return samples;
    }

    private static long[] all(List<long[]> rounds) {
        return rounds.stream().flatMapToLong(java.util.Arrays::stream).toArray();
    }

    private static double spread(List<long[]> rounds) {
        double[] medians = rounds.stream().mapToDouble(PointsBenchmark::median).toArray();
        return Arrays.stream(medians).max().orElse(0) - Arrays.stream(medians).min().orElse(0);
    }

    /** {@code issues} issues spread evenly over {@code span} up to now, decided by the domain as the ledger would. */
    private void seedByTheDomain(String account, int issues, Duration span, boolean snapshot) {
        com.unicornstore.points.domain.PointsAccount state = com.unicornstore.points.domain.PointsAccount.empty(account);
        Instant start = Instant.now().minus(span);
        List<PointsEvent> history = new ArrayList<>();
        for (int i = 0; i < issues; i++) {
            Instant at = start.plus(span.multipliedBy(i).dividedBy(issues));
            var context = new com.unicornstore.points.domain.CommandContext(at, buckets, () -> UUID.randomUUID().toString());
            for (PointsEvent event : state.process(new com.unicornstore.points.domain.IssuePoints(account, 1,
                    UUID.randomUUID().toString()), context)) {
                state.apply(event);
                history.add(event);
            }
        }
        store(history);
        if (snapshot) {
            snapshots.write(state);
        }
    }

    @Test
    void issuing_through_the_platform_against_the_same_writes_made_directly() throws Exception {
        Api api = new Api(port);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        long[] sequences = new long[CLIENTS];
        IntUnaryOperator direct = client -> {
            PointsEvent event = issued("direct-" + client, 1, Instant.now());
            long sequence = ++sequences[client];
            dynamo.putItem(b -> b.tableName(names.tables().pointEvents()).item(EventItems.toItem(sequence, event))
                    .conditionExpression("attribute_not_exists(seq)"));
            return 201;
        };
        IntUnaryOperator platform = client ->
                api.json("POST", "/points", "{\"account_id\":\"platform-" + client + "\",\"amount\":1}").status();
        run(pool, platform, Duration.ofSeconds(1));
        run(pool, direct, Duration.ofSeconds(1));

        double baseline = run(pool, direct, ROUND) + run(pool, direct, ROUND);
        double measured = run(pool, platform, ROUND) + run(pool, platform, ROUND);
        pool.shutdown();

        BenchResults.record("points.issue.throughput", "requests_per_second", measured / (2 * ROUND.toSeconds()),
                baseline / (2 * ROUND.toSeconds()));
        assertThat(measured).isPositive();
    }

    @Test
    void reading_the_balance_of_an_account_with_10000_events_against_one_with_10() {
        seed("history-10k", 10_000);
        seed("history-10", 10);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() ->
                applied("history-10k") == 10_000 && applied("history-10") == 10);
        Api api = new Api(port);
        long[] large = new long[300];
        long[] small = new long[300];
        for (int i = 0; i < 20; i++) {
            time(api, "history-10k");
            time(api, "history-10");
        }
        for (int i = 0; i < large.length; i++) {
            large[i] = time(api, "history-10k");
            small[i] = time(api, "history-10");
        }

        BenchResults.record("points.balance.latency.10k-vs-10", "median_ms", median(large) / 1e6, median(small) / 1e6);
        assertThat(api.get("/points?account_id=history-10k").json().get("balance").asLong()).isEqualTo(15);
        assertThat(api.get("/points?account_id=history-10").json().get("balance").asLong()).isEqualTo(15);
    }

    /** Requests completed by all clients together in {@code duration}. */
    private static long run(ExecutorService pool, IntUnaryOperator request, Duration duration) throws Exception {
        long deadline = System.nanoTime() + duration.toNanos();
        List<Future<Long>> clients = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
            int id = client;
            clients.add(pool.submit(() -> {
                long done = 0;
                while (System.nanoTime() < deadline) {
                    assertThat(request.applyAsInt(id)).isEqualTo(201);
                    done++;
                }
                return done;
            }));
        }
        long total = 0;
        for (Future<Long> client : clients) {
            total += client.get();
        }
        return total;
    }

    /** A history of issue/redeem pairs that ends with two open lots (10 + 5): the same shape at any length. */
    private void seed(String account, int events) {
        Instant at = Instant.now().minusSeconds(events);
        List<PointsEvent> history = new ArrayList<>();
        while (history.size() < events - 2) {
            PointsIssued lot = issued(account, 10, at);
            history.add(lot);
            history.add(new PointsRedeemed(UUID.randomUUID().toString(), account, 10, at, "bench",
                    List.of(new LotShare(lot.id(), 10))));
        }
        history.add(issued(account, 10, at));
        history.add(issued(account, 5, at));
        store(history);
    }

    /** Writes a history as sequences 1, 2, ... in batches of 25. */
    private void store(List<PointsEvent> history) {
        List<WriteRequest> batch = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder()
                    .item(EventItems.toItem(i + 1, history.get(i))).build()).build());
            if (batch.size() == 25 || i == history.size() - 1) {
                write(batch);
                batch = new ArrayList<>();
            }
        }
    }

    private void write(List<WriteRequest> batch) {
        Map<String, List<WriteRequest>> pending = Map.of(names.tables().pointEvents(), batch);
        while (!pending.isEmpty()) {
            Map<String, List<WriteRequest>> request = pending;
            pending = dynamo.batchWriteItem(b -> b.requestItems(request)).unprocessedItems();
        }
    }

    private long applied(String account) {
        return views.find(account).map(BalanceView::appliedSequence).orElse(0L);
    }

    private static long time(Api api, String account) {
        long started = System.nanoTime();
        assertThat(api.get("/points?account_id=" + account).status()).isEqualTo(200);
        return System.nanoTime() - started;
    }

    private static double median(long[] samples) {
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static PointsIssued issued(String account, long amount, Instant at) {
        return new PointsIssued(UUID.randomUUID().toString(), account, amount, at, "bench", at.plus(Duration.ofDays(365)));
    }
}
