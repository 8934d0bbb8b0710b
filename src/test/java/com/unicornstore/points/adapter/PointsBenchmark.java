package com.unicornstore.points.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.unicornstore.bench.BenchResults;
import com.unicornstore.bench.Clients;
import com.unicornstore.bench.Rounds;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
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
    private static final Duration ROUND = Duration.ofSeconds(3);
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

    /**
     * Issues per second through the platform (HTTP, security, Camel, the ledger), against the same
     * work without the platform: the domain decides the same event, the same conditional PutItem goes
     * through the SDK, and a snapshot is written at the same multiples. At 32 clients (the row
     * {@code points.issue.throughput}) the direct side keeps moto, one Python process, busy, so the
     * ratio is how much of the backend's capacity the platform can use; at 8 clients
     * ({@code points.issue.throughput.8-clients}) both sides are bound by latency as much as by the
     * backend, and the ratio is the platform's added latency.
     */
    @Test
    void issuing_through_the_platform_against_the_same_writes_made_directly() {
        issueThroughput("points.issue.throughput", SATURATING_CLIENTS);
        issueThroughput("points.issue.throughput.8-clients", CLIENTS);
    }

    private void issueThroughput(String scenario, int count) {
        Api api = new Api(port);
        PointsAccount[] direct = new PointsAccount[count];
        for (int client = 0; client < count; client++) {
            direct[client] = snapshots.empty("direct-" + scenario + "-" + client);
        }
        try (Clients clients = new Clients(count)) {
            Rounds.Outcome outcome = Rounds.alternate(ROUNDS,
                    () -> clients.perSecond(ROUND, client -> assertThat(api.json("POST", "/points",
                            "{\"account_id\":\"platform-" + scenario + "-" + client + "\",\"amount\":1}").status())
                            .isEqualTo(201)),
                    () -> clients.perSecond(ROUND, client -> direct[client] = issueDirectly(direct[client])));
            BenchResults.record(scenario, "requests_per_second", outcome);
            assertThat(outcome.value().min()).isPositive();
        }
    }

    /** What the ledger does for an issue on a cached account, straight through the SDK. */
    private PointsAccount issueDirectly(PointsAccount account) {
        var context = new CommandContext(Instant.now(), buckets, () -> UUID.randomUUID().toString());
        PointsAccount next = account.copy();
        for (PointsEvent event : next.process(new IssuePoints(account.accountId(), 1, UUID.randomUUID().toString()),
                context)) {
            long sequence = next.version() + 1;
            dynamo.putItem(b -> b.tableName(names.tables().pointEvents()).item(EventItems.toItem(sequence, event))
                    .conditionExpression("attribute_not_exists(#seq)")
                    .expressionAttributeNames(Map.of("#seq", EventItems.SEQUENCE))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
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
