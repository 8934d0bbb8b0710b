package com.unicornstore.points.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.unicornstore.platform.aws.AwsCallCounter;
import com.unicornstore.platform.aws.AwsResourceNames;
import com.unicornstore.points.application.IssuingPoints;
import com.unicornstore.points.application.RedeemingPoints;
import com.unicornstore.points.application.RevokingPoints;
import com.unicornstore.points.domain.BalanceView;
import com.unicornstore.points.domain.BucketPolicy;
import com.unicornstore.points.domain.IssuePoints;
import com.unicornstore.points.domain.PointsIssued;
import com.unicornstore.points.domain.RedeemPoints;
import com.unicornstore.points.domain.RevokePoints;
import com.unicornstore.support.Api;
import com.unicornstore.support.BackgroundRoutes;
import com.unicornstore.support.ItemSize;
import com.unicornstore.support.MovableClock;
import com.unicornstore.support.PlatformIntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One account gets 5,000 issues over 400 days (a clock the test moves), with redemptions and
 * revocations among them. The bulk runs through the use cases (IssuingPoints, RedeemingPoints,
 * RevokingPoints) on the real ledger and moto, not over HTTP, to stay fast; the call counts at the
 * end go through HTTP. Its stored items stay under the bounds the README states, its balance is the
 * one an independent model computes, and its requests cost what a 10-event account's cost.
 */
@PlatformIntegrationTest
class BoundedAccountIT {

    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    static final long SNAPSHOT_BOUND = 64 * 1024;
    static final long VIEW_BOUND = 96 * 1024;
    static final long EVENT_BOUND = 32 * 1024;

    @TestConfiguration
    static class MovingClock {
        @Bean
        @Primary
        Clock movableClock() {
            return new MovableClock(START);
        }
    }

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @Autowired Clock clock;
    @Autowired IssuingPoints issuing;
    @Autowired RedeemingPoints redeeming;
    @Autowired RevokingPoints revoking;
    @Autowired DynamoPointsLedger ledger;
    @Autowired DynamoBalanceViews views;
    @Autowired BucketPolicy buckets;
    @Autowired DynamoDbClient dynamo;
    @Autowired AwsResourceNames names;
    @Autowired AwsCallCounter counter;
    @Autowired CamelContext camel;

    /** The independent model: lot start -> remaining; purchase -> (lot start, issued). */
    private final TreeMap<Instant, Long> model = new TreeMap<>();
    private final Map<String, Instant> purchaseLot = new HashMap<>();
    private final Map<String, Long> purchaseAmount = new HashMap<>();
    private long largestEvent;

    @Test
    void five_thousand_issues_over_400_days_keep_the_account_bounded_right_and_as_cheap_as_a_small_one() throws Exception {
        MovableClock moving = (MovableClock) clock;
        Duration step = Duration.ofDays(400).dividedBy(5000);
        for (int i = 0; i < 5000; i++) {
            moving.advance(step);
            expireInModel();
            issue(i);
            if (i % 10 == 9) {
                redeem(i);
            }
            if (i % 50 == 49) {
                revoke("p-" + (i - 9), 5); // issued ten steps ago, its lot maybe partly spent by then
            }
            if (i % 500 == 0) {
                revoke("p-late-" + i, 7); // a compensation that overtakes its action ...
                assertThat(issuing.issueForPurchase(new IssuePoints("hot", 7, "p-late-" + i))).isEmpty(); // ... refused
            }
            if (i % 1000 == 999) {
                assertThat(ledger.load("hot").balanceAt(clock.instant())).isEqualTo(modelBalance());
            }
        }
        assertThat(ledger.load("hot").lots().size()).isLessThanOrEqualTo((int) buckets.maxOpenLots());

        long version = ledger.load("hot").version();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> views.find("hot").map(BalanceView::appliedSequence).orElse(0L) == version);
        Api api = new Api(port);
        assertThat(api.get("/points?account_id=hot").json().get("balance").asLong()).isEqualTo(modelBalance());
        assertThat(api.get("/points?account_id=hot").json().get("balance_entries").findValuesAsText("status"))
                .contains("active", "expired");
        assertBoundedAndNeverParked(version);
        assertCallsEqualThoseOfASmallAccount(api);
    }

    private void assertBoundedAndNeverParked(long version) {
        new Snapshots(dynamo, names.tables().pointSnapshots(), 100, 256).write(ledger.load("hot"));
        long snapshot = ItemSize.of(dynamo.getItem(b -> b.tableName(names.tables().pointSnapshots())
                .key(Map.of("account_id", AttributeValue.fromS("hot")))).item());
        long view = ItemSize.of(dynamo.getItem(b -> b.tableName(names.tables().pointBalances())
                .key(Map.of("account_id", AttributeValue.fromS("hot")))).item());
        System.out.printf("BOUNDED account of %d events: snapshot %d B, view %d B, largest event %d B%n",
                version, snapshot, view, largestEvent);
        assertThat(snapshot).isLessThan(SNAPSHOT_BOUND);
        assertThat(view).isLessThan(VIEW_BOUND);
        assertThat(largestEvent).isLessThan(EVENT_BOUND);
        assertThat(dynamo.scan(b -> b.tableName(names.tables().pointParkedRecords())).items())
                .noneMatch(item -> item.get("record_key").s().contains("hot"));
    }

    private void assertCallsEqualThoseOfASmallAccount(Api api) throws Exception {
        for (int i = 0; i < 10; i++) {
            api.json("POST", "/points", "{\"account_id\":\"small\",\"amount\":10}");
        }
        while (ledger.load("hot").version() % 100 != 1) { // keep the background snapshot out of the counts
            issuing.issue(new IssuePoints("hot", 1, UUID.randomUUID().toString()));
        }
        BackgroundRoutes background = BackgroundRoutes.stop(camel);
        try {
            for (String request : new String[] {"POST", "DELETE", "GET"}) {
                Map<String, Long> hot = callsOf(() -> send(api, request, "hot"));
                Map<String, Long> small = callsOf(() -> send(api, request, "small"));
                assertThat(hot).as(request).isEqualTo(small).isNotEmpty();
            }
        } finally {
            background.resume();
        }
    }

    private static void send(Api api, String method, String account) {
        int status = method.equals("GET") ? api.get("/points?account_id=" + account).status()
                : api.json(method, "/points", "{\"account_id\":\"" + account + "\",\"amount\":1}").status();
        assertThat(status).as(method + " " + account).isBetween(200, 201);
    }

    private void issue(int i) {
        long amount = 1 + i % 7;
        Instant lot = buckets.startOf(clock.instant());
        PointsIssued issued;
        if (i % 5 == 1) {
            String purchase = "p-" + i;
            issued = issuing.issueForPurchase(new IssuePoints("hot", amount, purchase)).orElseThrow();
            purchaseLot.put(purchase, lot);
            purchaseAmount.put(purchase, amount);
        } else {
            issued = issuing.issue(new IssuePoints("hot", amount, UUID.randomUUID().toString())).orElseThrow();
        }
        if (i % 25 == 0) {
            measure(issued.id());
        }
        model.merge(lot, amount, Long::sum);
    }

    private void redeem(int i) {
        long amount = 1 + i % 3; // small: FIFO then leaves the older buckets some points to expire
        if (modelBalance() < amount) {
            return;
        }
        measure(redeeming.redeem(new RedeemPoints("hot", amount, UUID.randomUUID().toString())).id());
        long left = amount;
        for (Map.Entry<Instant, Long> lot : model.entrySet()) {
            long take = Math.min(left, lot.getValue());
            lot.setValue(lot.getValue() - take);
            left -= take;
        }
        model.values().removeIf(remaining -> remaining == 0);
    }

    private void revoke(String purchase, long requested) {
        long taken = revoking.revoke(new RevokePoints("hot", requested, purchase)).orElseThrow().amount();
        Instant lot = purchaseLot.get(purchase);
        long expected = lot == null || !model.containsKey(lot) ? 0
                : Math.min(requested, Math.min(purchaseAmount.get(purchase), model.get(lot)));
        assertThat(taken).as("revocation of " + purchase).isEqualTo(expected);
        if (expected > 0) {
            model.merge(lot, -expected, Long::sum);
            model.values().removeIf(remaining -> remaining == 0);
        }
    }

    private void expireInModel() {
        Instant now = clock.instant();
        model.keySet().removeIf(start -> !start.plus(buckets.ttl()).isAfter(now));
    }

    private long modelBalance() {
        return model.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The size of the newest event items (the one named and any expiry written just before it). */
    private void measure(String eventId) {
        long version = ledger.load("hot").version();
        for (long sequence = Math.max(1, version - 1); sequence <= version; sequence++) {
            long at = sequence;
            Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(names.tables().pointEvents())
                    .key(Map.of("account_id", AttributeValue.fromS("hot"), "seq", AttributeValue.fromN(Long.toString(at)))))
                    .item();
            largestEvent = Math.max(largestEvent, ItemSize.of(item));
        }
        assertThat(eventId).isNotBlank();
    }

    private Map<String, Long> callsOf(Runnable operation) {
        Map<String, Long> before = counter.snapshot();
        operation.run();
        return AwsCallCounter.difference(before, counter.snapshot());
    }
}
