package com.unicornstore.points.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.unicornstore.bench.BenchResults;
import com.unicornstore.bench.Rounds;
import com.unicornstore.points.application.IssuingPoints;
import com.unicornstore.points.domain.BalanceView;
import com.unicornstore.points.domain.IssuePoints;
import com.unicornstore.support.Api;
import com.unicornstore.support.MovableClock;
import com.unicornstore.support.PlatformIntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * An account built by 10,000 separate issues spread over 400 days (a clock the benchmark moves),
 * through the ledger's use case as BoundedAccountIT builds its hot account, against one of 10
 * issues over the same days: its balance read, and an issue onto it, cached and cold. The clock
 * is BoundedAccountIT's.
 */
@PlatformIntegrationTest
@Import(BoundedAccountIT.MovingClock.class)
class PointsHistoryBenchmark {

    private static final int ISSUES = 10_000;
    private static final int ROUNDS = 5;
    private static final int READS_PER_ROUND = 100;
    private static final String LARGE = "history-10k";
    private static final String SMALL = "history-10";

    @LocalServerPort
    int port;

    @Autowired Clock clock;
    @Autowired IssuingPoints issuing;
    @Autowired DynamoPointsLedger ledger;
    @Autowired DynamoBalanceViews views;
    @Autowired AccountCache accounts;

    @Test
    void an_account_of_10000_issues_over_400_days_against_one_of_10_issues() {
        MovableClock moving = (MovableClock) clock;
        Duration step = Duration.ofDays(400).dividedBy(ISSUES);
        for (int i = 0; i < ISSUES; i++) {
            moving.advance(step);
            issuing.issue(new IssuePoints(LARGE, 1, UUID.randomUUID().toString())).orElseThrow();
            if (i % (ISSUES / 10) == 0) {
                issuing.issue(new IssuePoints(SMALL, 1, UUID.randomUUID().toString())).orElseThrow();
            }
        }
        long large = ledger.load(LARGE).version();
        long small = ledger.load(SMALL).version();
        assertThat(large).isGreaterThanOrEqualTo(ISSUES); // an expiry sweep may have appended expiries too
        assertThat(small).isGreaterThanOrEqualTo(10);
        await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofMillis(500))
                .until(() -> applied(LARGE) >= large && applied(SMALL) >= small);
        Api api = new Api(port);
        // points older than the validity expired on the way: both balances are what the ledger says now
        assertThat(balance(api, LARGE)).isEqualTo(ledger.load(LARGE).balanceAt(clock.instant())).isPositive();
        assertThat(balance(api, SMALL)).isEqualTo(ledger.load(SMALL).balanceAt(clock.instant())).isPositive();

        BenchResults.record("points.balance.latency.10k-vs-10", "p50_ms",
                Rounds.alternate(ROUNDS, () -> readRound(api, LARGE), () -> readRound(api, SMALL)));
        for (boolean cold : new boolean[] {false, true}) {
            BenchResults.record("points.issue.latency.10k-vs-10", "p50_ms." + (cold ? "cold" : "cached"),
                    Rounds.alternate(ROUNDS, () -> PointsBenchmark.issueRound(api, accounts, LARGE, cold),
                            () -> PointsBenchmark.issueRound(api, accounts, SMALL, cold)));
        }
    }

    /** The median latency in ms of a round of balance reads. */
    private static double readRound(Api api, String account) {
        long[] samples = new long[READS_PER_ROUND];
        for (int i = 0; i < samples.length; i++) {
            long started = System.nanoTime();
            assertThat(api.get("/points?account_id=" + account).status()).isEqualTo(200);
            samples[i] = System.nanoTime() - started;
        }
        return Rounds.median(samples) / 1e6;
    }

    private static long balance(Api api, String account) {
        return api.get("/points?account_id=" + account).json().get("balance").asLong();
    }

    private long applied(String account) {
        return views.find(account).map(BalanceView::appliedSequence).orElse(0L);
    }
}
