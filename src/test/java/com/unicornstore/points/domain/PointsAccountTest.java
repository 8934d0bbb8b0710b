package com.unicornstore.points.domain;

import static com.unicornstore.points.domain.AccountScenario.ACCOUNT;
import static com.unicornstore.points.domain.AccountScenario.LIFETIME;
import static com.unicornstore.points.domain.AccountScenario.T0;
import static com.unicornstore.points.domain.AccountScenario.given;
import static com.unicornstore.points.domain.AccountScenario.issued;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unicornstore.platform.domain.Origin;
import com.unicornstore.platform.domain.Rejection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PointsAccountTest {

    private static final Instant LATER = T0.plus(Duration.ofDays(10));

    @Test
    void issuing_puts_the_points_into_the_lot_of_their_day_expiring_a_lifetime_after_its_start() {
        Instant noon = T0.plus(Duration.ofHours(12));

        List<PointsEvent> events = given().when(new IssuePoints(ACCOUNT, 100, "p-1"), noon);

        assertThat(events).containsExactly(new PointsIssued("e1", ACCOUNT, 100, noon, "p-1", T0.plus(LIFETIME),
                "2026-01-01T00:00:00Z"));
    }

    @Test
    void redeeming_takes_the_oldest_unexpired_lots_first() {
        AccountScenario scenario = given(issued("lot-b", 50, T0.plusSeconds(60)), issued("lot-a", 30, T0));

        List<PointsEvent> events = scenario.when(new RedeemPoints(ACCOUNT, 40, "r-1"), LATER);

        assertThat(events).containsExactly(new PointsRedeemed("e1", ACCOUNT, 40, LATER, "r-1",
                List.of(new LotShare("lot-a", 30), new LotShare("lot-b", 10))));
    }

    @Test
    void redeeming_more_than_the_balance_is_refused_and_changes_nothing() {
        AccountScenario scenario = given(issued("lot-a", 100, T0));

        assertThatThrownBy(scenario.whenRefused(new RedeemPoints(ACCOUNT, 101, "r-1"), LATER))
                .isInstanceOfSatisfying(Rejection.class, refusal -> {
                    assertThat(refusal.code()).isEqualTo("insufficient-points");
                    assertThat(refusal.kind()).isEqualTo(Rejection.Kind.CONFLICT);
                    assertThat(refusal.details()).containsEntry("available", 100L);
                });
        assertThat(scenario.account().balanceAt(LATER)).isEqualTo(100);
    }

    @Test
    void expired_points_are_never_spendable() {
        AccountScenario scenario = given(issued("old", 100, T0), issued("new", 20, T0.plus(Duration.ofDays(300))));
        Instant afterFirstExpiry = T0.plus(LIFETIME).plusSeconds(1);

        assertThat(scenario.account().balanceAt(afterFirstExpiry)).isEqualTo(20);
        assertThatThrownBy(scenario.whenRefused(new RedeemPoints(ACCOUNT, 21, "r-1"), afterFirstExpiry))
                .isInstanceOf(Rejection.class);
        assertThat(scenario.when(new RedeemPoints(ACCOUNT, 20, "r-2"), afterFirstExpiry)).containsExactly(
                new PointsExpired("e2", ACCOUNT, 100, afterFirstExpiry, "expiry:alice:3", List.of(new LotShare("old", 100)),
                        Origin.SYSTEM),
                new PointsRedeemed("e3", ACCOUNT, 20, afterFirstExpiry, "r-2", List.of(new LotShare("new", 20))));
    }

    @Test
    void a_lot_is_expired_at_the_very_instant_of_its_expiry() {
        AccountScenario scenario = given(issued("lot-a", 100, T0));

        assertThat(scenario.account().balanceAt(T0.plus(LIFETIME).minusMillis(1))).isEqualTo(100);
        assertThat(scenario.account().balanceAt(T0.plus(LIFETIME))).isZero();
    }

    @Test
    void expiring_forfeits_what_remains_of_lots_past_expiry_and_nothing_else() {
        AccountScenario scenario = given(issued("old", 100, T0), issued("new", 20, LATER),
                new PointsRedeemed("r", ACCOUNT, 30, LATER, "r-1", List.of(new LotShare("old", 30))));
        Instant at = T0.plus(LIFETIME);

        List<PointsEvent> events = scenario.when(new ExpirePoints(ACCOUNT), at);

        // expiry is the platform's own work, whoever's command found it due
        assertThat(events).containsExactly(new PointsExpired("e1", ACCOUNT, 70, at, "expiry:alice:4",
                List.of(new LotShare("old", 70)), Origin.SYSTEM));
    }

    @Test
    void expiring_twice_records_nothing_the_second_time() {
        AccountScenario scenario = given(issued("old", 100, T0),
                new PointsExpired("x", ACCOUNT, 100, T0.plus(LIFETIME), "expiry", List.of(new LotShare("old", 100))));

        assertThat(scenario.when(new ExpirePoints(ACCOUNT), T0.plus(LIFETIME).plusSeconds(5))).isEmpty();
        assertThat(scenario.account().lots()).isEmpty();
    }

    @Test
    void revoking_takes_only_from_the_lot_of_the_same_purchase() {
        AccountScenario scenario = given(issued("older", 50, T0), issued("purchase", 170, LATER));

        List<PointsEvent> events = scenario.when(new RevokePoints(ACCOUNT, 200, "c-purchase"), LATER);

        assertThat(events).containsExactly(new PointsRevoked("e1", ACCOUNT, 170, LATER, "c-purchase", 200,
                List.of(new LotShare("purchase", 170))));
    }

    @Test
    void revoking_a_partly_spent_purchase_takes_what_remains() {
        AccountScenario scenario = given(issued("lot", 50, T0));

        List<PointsEvent> events = scenario.when(new RevokePoints(ACCOUNT, 80, "c-lot"), LATER);

        assertThat(events).containsExactly(new PointsRevoked("e1", ACCOUNT, 50, LATER, "c-lot", 80,
                List.of(new LotShare("lot", 50))));
    }

    @Test
    void a_revocation_that_overtakes_its_issue_is_recorded_and_the_late_issue_is_ignored() {
        AccountScenario scenario = given(issued("other", 100, T0));

        List<PointsEvent> revocation = scenario.when(new RevokePoints(ACCOUNT, 170, "c-x"), LATER);

        assertThat(revocation).containsExactly(new PointsRevoked("e1", ACCOUNT, 0, LATER, "c-x", 170, List.of()));
        scenario.record(revocation);
        assertThat(scenario.when(new IssuePoints(ACCOUNT, 170, "c-x"), LATER)).isEmpty();
        assertThat(scenario.when(new RevokePoints(ACCOUNT, 170, "c-x"), LATER)).isEmpty();
        assertThat(scenario.account().balanceAt(LATER)).isEqualTo(100);
    }

    @Test
    void applying_events_counts_versions_and_drops_spent_lots() {
        PointsAccount account = PointsAccount.empty(ACCOUNT);
        account.apply(issued("a", 10, T0));
        account.apply(issued("b", 5, T0.plusSeconds(1)));
        account.apply(new PointsRedeemed("r", ACCOUNT, 12, LATER, "r-1",
                List.of(new LotShare("a", 10), new LotShare("b", 2))));

        assertThat(account.version()).isEqualTo(3);
        assertThat(account.lots()).extracting(Lot::id, Lot::remaining).containsExactly(
                org.assertj.core.groups.Tuple.tuple("b", 3L));
        assertThat(account.balanceAt(LATER)).isEqualTo(3);
    }

    @Test
    void events_refuse_amounts_that_do_not_add_up() {
        assertThatThrownBy(() -> new PointsRedeemed("r", ACCOUNT, 10, T0, "c", List.of(new LotShare("a", 9))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PointsIssued("i", ACCOUNT, 0, T0, "c", T0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_issue_repeated_for_the_same_correlation_issues_nothing_more() {
        AccountScenario scenario = given(issued("purchase", 170, T0));

        assertThat(scenario.when(new IssuePoints(ACCOUNT, 170, "c-purchase"), LATER)).isEmpty();
        assertThat(scenario.when(new IssuePoints(ACCOUNT, 170, "c-other"), LATER)).hasSize(1);
    }
}
