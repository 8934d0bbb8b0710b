package com.unicornstore.points.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.unicornstore.bench.AppCpu;
import com.unicornstore.bench.BackendPriority;
import com.unicornstore.bench.BenchResults;
import com.unicornstore.bench.Clients;
import com.unicornstore.bench.Rounds;
import com.unicornstore.platform.aws.AwsCallCounter;
import com.unicornstore.platform.aws.AwsResourceNames;
import com.unicornstore.points.domain.BalanceView;
import com.unicornstore.points.domain.BucketPolicy;
import com.unicornstore.points.domain.CommandContext;
import com.unicornstore.points.domain.IssuePoints;
import com.unicornstore.points.domain.PointsAccount;
import com.unicornstore.points.domain.PointsEvent;
import com.unicornstore.support.Api;
import com.unicornstore.support.PlatformIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.DoubleSupplier;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Points throughput and issue latency, each against a baseline measured in the same run on the same
 * backends, in alternating rounds ({@link Rounds}). {@link PointsHistoryBenchmark} has the 10k account.
 */
@PlatformIntegrationTest
class PointsBenchmark {

    private static final int CLIENTS = 8;
    private static final int SATURATING_CLIENTS = 32;
    private static final int ROUNDS = 5;
    /**
     * Throughput rounds a side, and their length: moto's CPU per write wanders from round to round
     * (2-4 ms, with its own and the platform's background work: stream reads, projection writes,
     * sweeps), on both sides alike; more and longer rounds keep one odd round from deciding a median.
     */
    private static final int THROUGHPUT_ROUNDS = 7;
    private static final Duration ROUND = Duration.ofSeconds(5);
    private static final int ISSUES_PER_ROUND = 30;

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
    BucketPolicy buckets;

    @Autowired
    AwsCallCounter calls;

    /**
     * Issues per second through the platform (HTTP, security, Camel, the ledger), against the same
     * work without the platform: the domain decides the same event, the same conditional PutItem goes
     * through the SDK, and a snapshot is written at the same multiples. The backend gets the CPU it
     * asks for ahead of the JVM ({@link BackendPriority}), as DynamoDB, which shares no CPU with the
     * instance, does in production. At 32 clients (the row
     * {@code points.issue.throughput}) the direct side keeps moto, one Python process, busy, so the
     * ratio is how much of the backend's capacity the platform can use; at 8 clients
     * ({@code points.issue.throughput.8-clients}) both sides are bound by latency as much as by the
     * backend, and the ratio is the platform's added latency. {@code points.issue.throughput.shared-cores}
     * is the 32 clients' comparison with moto and the JVM at the same priority on the same cores, as on
     * a laptop: there the JVM's CPU also takes the backend's.
     */
    @Test
    void issuing_through_the_platform_against_the_same_writes_made_directly() {
        try (BackendPriority backend = BackendPriority.prioritise()) {
            issueThroughput("points.issue.throughput", SATURATING_CLIENTS, Rounds.JIT_WARM_UP);
            issueThroughput("points.issue.throughput.8-clients", CLIENTS, 0); // the same paths, compiled by now
        }
        issueThroughput("points.issue.throughput.shared-cores", SATURATING_CLIENTS, 0);
    }

    private void issueThroughput(String scenario, int count, int warmUp) {
        Api api = new Api(port);
        PointsAccount[] direct = new PointsAccount[count];
        for (int client = 0; client < count; client++) {
            direct[client] = snapshots.empty("direct-" + scenario + "-" + client);
        }
        try (Clients clients = new Clients(count)) {
            IntConsumer platform = client -> assertThat(api.json("POST", "/points",
                    "{\"account_id\":\"platform-" + scenario + "-" + client + "\",\"amount\":1}").status())
                    .isEqualTo(201);
            IntConsumer directly = client -> direct[client] = issueDirectly(direct[client]);
            clients.send(warmUp, platform);
            clients.send(warmUp, directly);
            awaitProjected(scenario, direct);
            Rounds.Outcome outcome = Rounds.alternate(THROUGHPUT_ROUNDS,
                    () -> withCpu(scenario + " platform", () -> clients.perSecond(ROUND, platform)),
                    () -> withCpu(scenario + " direct", () -> clients.perSecond(ROUND, directly)));
            BenchResults.record(scenario, "requests_per_second", outcome);
            assertThat(outcome.value().min()).isPositive();
        }
    }

    /**
     * Until the projection has applied every event the warm-up (or an earlier scenario) wrote: its
     * catch-up, thousands of stream records and view writes, would otherwise take JVM and moto CPU
     * from the first rounds (measured: 0.25 cores of the JVM in the first direct round, 0.05 in the
     * seventh).
     */
    private void awaitProjected(String scenario, PointsAccount[] direct) {
        await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofMillis(250)).until(() -> {
            for (int client = 0; client < direct.length; client++) {
                PointsAccount platform = accounts.get("platform-" + scenario + "-" + client);
                if (applied(direct[client].accountId()) < direct[client].version()
                        || platform != null && applied(platform.accountId()) < platform.version()) {
                    return false;
                }
            }
            return true;
        });
    }

    /**
     * A round's rate, and where the machine's CPU went meanwhile (printed): cores used by the
     * application, by the benchmark's clients (and ElasticMQ), and by moto, and per request.
     */
    private double withCpu(String side, DoubleSupplier round) {
        double[] rate = new double[1];
        long started = System.nanoTime();
        Map<String, Long> callsBefore = calls.snapshot();
        AppCpu.Spent spent = AppCpu.of(() -> rate[0] = round.getAsDouble());
        double nanos = System.nanoTime() - started;
        double requests = rate[0] * nanos / 1e9;
        StringBuilder backendCalls = new StringBuilder();
        AwsCallCounter.difference(callsBefore, calls.snapshot()).entrySet().stream()
                .filter(call -> call.getValue() * 100 >= requests).sorted(Map.Entry.comparingByKey())
                .forEach(call -> backendCalls.append(String.format(" %s=%.2f", call.getKey(), call.getValue() / requests)));
        System.out.printf("BENCH-CALLS %s per request (every client of this JVM):%s%n", side, backendCalls);
        String groups = spent.largestGroups(20, nanos);
        System.out.printf("BENCH-CPU %s rate=%.1f/s cores app=%.2f clients=%.2f moto=%.2f ms-per-request app=%.3f"
                + " clients=%.3f moto=%.3f app-cores-by-thread%s%n", side, rate[0], spent.app() / nanos,
                spent.notTheApp() / nanos, spent.children() / nanos, spent.app() / 1e6 / requests,
                spent.notTheApp() / 1e6 / requests, spent.children() / 1e6 / requests, groups);
        return rate[0];
    }

    /** What the ledger does for an issue on a cached account, straight through the SDK. */
    private PointsAccount issueDirectly(PointsAccount account) {
        var context = new CommandContext(Instant.now(), buckets, () -> UUID.randomUUID().toString());
        PointsAccount next = account.copy();
        for (PointsEvent event : next.process(new IssuePoints(account.accountId(), 1, UUID.randomUUID().toString()),
                context)) {
            long sequence = next.version() + 1;
            assertThat(DynamoPointsLedger.put(dynamo, names.tables().pointEvents(), sequence, event))
                    .as("sequence %d of %s is free", sequence, account.accountId()).isTrue();
            next.apply(event);
        }
        snapshots.considerAfterAppend(next, account.version());
        return next;
    }

    /**
     * Issue latency on an account with 5,000 issues over 400 days against one with 10, both
     * seeded the same way (the domain decides the events, written in batches, the hot one with a
     * snapshot), in the same cache state: cached in this instance, then evicted before every issue.
     * Each round's figure is the median of its issues.
     */
    @Test
    void issuing_on_an_account_of_5000_issues_over_400_days_against_one_of_10_events() {
        seedByTheDomain("hot-5000", 5000, Duration.ofDays(400), true);
        seedByTheDomain("small-10", 10, Duration.ofDays(10), false);
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() ->
                applied("hot-5000") >= 5000 && applied("small-10") == 10);
        Api api = new Api(port);
        for (boolean cold : new boolean[] {false, true}) {
            Rounds.Outcome outcome = Rounds.alternate(ROUNDS, () -> issueRound(api, accounts, "hot-5000", cold),
                    () -> issueRound(api, accounts, "small-10", cold));
            BenchResults.record("points.issue.latency.hot-vs-cold", "p50_ms." + (cold ? "cold" : "cached"), outcome);
        }
        assertThat(accounts.get("hot-5000").lots().size()).isLessThanOrEqualTo((int) buckets.maxOpenLots());
    }

    /** The median latency in ms of a round of issues, the account evicted from this instance before each when cold. */
    static double issueRound(Api api, AccountCache accounts, String account, boolean cold) {
        long[] samples = new long[ISSUES_PER_ROUND];
        for (int i = 0; i < samples.length; i++) {
            if (cold) {
                accounts.evict(account);
            }
            long started = System.nanoTime();
            assertThat(api.json("POST", "/points", "{\"account_id\":\"" + account + "\",\"amount\":1}").status())
                    .isEqualTo(201);
            samples[i] = System.nanoTime() - started;
        }
        return Rounds.median(samples) / 1e6;
    }

    /** {@code issues} issues spread evenly over {@code span} up to now, decided by the domain as the ledger would. */
    private void seedByTheDomain(String account, int issues, Duration span, boolean snapshot) {
        PointsAccount state = PointsAccount.empty(account);
        Instant start = Instant.now().minus(span);
        List<PointsEvent> history = new ArrayList<>();
        for (int i = 0; i < issues; i++) {
            Instant at = start.plus(span.multipliedBy(i).dividedBy(issues));
            var context = new CommandContext(at, buckets, () -> UUID.randomUUID().toString());
            for (PointsEvent event : state.process(new IssuePoints(account, 1, UUID.randomUUID().toString()), context)) {
                state.apply(event);
                history.add(event);
            }
        }
        store(history);
        if (snapshot) {
            snapshots.write(state);
        }
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
}
