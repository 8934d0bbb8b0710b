package com.unicornstore.points.domain;

import com.unicornstore.platform.domain.Origin;
import static com.unicornstore.points.domain.AccountScenario.ACCOUNT;
import static com.unicornstore.points.domain.AccountScenario.BUCKETS;
import static com.unicornstore.points.domain.AccountScenario.LIFETIME;
import static com.unicornstore.points.domain.AccountScenario.T0;
import static com.unicornstore.points.domain.AccountScenario.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issues merge into lots by day; FIFO and expiry work on lots; the account stays bounded. */
class BucketsTest {

    private static final String DAY_1 = "2026-01-01T00:00:00Z";
    private static final String DAY_2 = "2026-01-02T00:00:00Z";
    private static final Instant DAY_2_START = T0.plus(Duration.ofDays(1));

    private static PointsIssued issuedOn(String id, long amount, Instant at, String correlation) {
        return new PointsIssued(id, ACCOUNT, amount, at, correlation, BUCKETS.expiryAt(at), BUCKETS.lotIdAt(at));
    }

    @Test
    void issues_of_one_day_merge_into_one_lot_and_the_next_day_opens_another() {
        AccountScenario scenario = given(issuedOn("i1", 10, T0.plusSeconds(5), "a"),
                issuedOn("i2", 20, T0.plus(Duration.ofHours(23)), "b"), issuedOn("i3", 5, DAY_2_START, "c"));

        assertThat(scenario.account().lots()).extracting(Lot::id, Lot::remaining, Lot::expiresAt).containsExactly(
                org.assertj.core.groups.Tuple.tuple(DAY_1, 30L, T0.plus(LIFETIME)),
                org.assertj.core.groups.Tuple.tuple(DAY_2, 5L, DAY_2_START.plus(LIFETIME)));
    }

    @Test
    void redeeming_takes_from_the_oldest_lot_first_then_the_next() {
        AccountScenario scenario = given(issuedOn("i1", 30, T0, "a"), issuedOn("i2", 50, DAY_2_START, "b"));
        Instant at = DAY_2_START.plusSeconds(60);

        List<PointsEvent> events = scenario.when(new RedeemPoints(ACCOUNT, 40, "r-1"), at);

        assertThat(events).containsExactly(new PointsRedeemed("e1", ACCOUNT, 40, at, "r-1",
                List.of(new LotShare(DAY_1, 30), new LotShare(DAY_2, 10))));
    }

    @Test
    void a_command_after_a_lot_expired_records_its_expiry_first_and_the_lot_leaves_the_account() {
        AccountScenario scenario = given(issuedOn("i1", 30, T0, "a"), issuedOn("i2", 50, DAY_2_START, "b"));
        Instant afterDay1Expiry = T0.plus(LIFETIME).plusSeconds(1);

        List<PointsEvent> events = scenario.when(new IssuePoints(ACCOUNT, 7, "c"), afterDay1Expiry);
        scenario.record(events);

        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isEqualTo(new PointsExpired("e1", ACCOUNT, 30, afterDay1Expiry, "expiry:alice:3",
                List.of(new LotShare(DAY_1, 30)), Origin.SYSTEM));
        assertThat(events.get(1)).isInstanceOf(PointsIssued.class);
        assertThat(scenario.account().lots()).extracting(Lot::id).doesNotContain(DAY_1).contains(DAY_2);
        assertThat(scenario.account().balanceAt(afterDay1Expiry)).isEqualTo(57);
    }

    @Test
    void an_account_issued_to_every_few_hours_for_400_days_never_holds_more_lots_than_the_policy_allows() {
        AccountScenario scenario = given();
        Instant at = T0;
        long most = 0;
        for (int i = 0; i < 400 * 5; i++) {
            scenario.record(scenario.when(new IssuePoints(ACCOUNT, 1, "c-" + i), at));
            most = Math.max(most, scenario.account().lots().size());
            at = at.plus(Duration.ofMinutes(288));
        }

        assertThat(BUCKETS.maxOpenLots()).isEqualTo(366);
        assertThat(most).isLessThanOrEqualTo(BUCKETS.maxOpenLots());
        assertThat(scenario.account().recentCommands()).hasSize(PointsAccount.DEFAULT_REMEMBERED);
        assertThat(scenario.account().balanceAt(at)).isEqualTo(364 * 5);
    }

    @Test
    void a_granularity_longer_than_half_the_ttl_is_refused() {
        assertThatThrownBy(() -> new BucketPolicy(Duration.ofDays(10), Duration.ofDays(6)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("points.buckets.granularity");
        assertThat(new BucketPolicy(Duration.ofSeconds(6), Duration.ofSeconds(1)).maxOpenLots()).isEqualTo(7);
    }
}
