package com.unicornstore.points.domain;

import static com.unicornstore.points.domain.AccountScenario.ACCOUNT;
import static com.unicornstore.points.domain.AccountScenario.BUCKETS;
import static com.unicornstore.points.domain.AccountScenario.T0;
import static com.unicornstore.points.domain.AccountScenario.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Revoking a purchase on a lot FIFO has partly spent, and the account's memory of its recent commands. */
class RevocationAndRecentCommandsTest {

    private static final String DAY_1 = "2026-01-01T00:00:00Z";
    private static final Instant LATER = T0.plus(Duration.ofHours(5));

    private static PointsIssued issued(String id, long amount, String purchase) {
        return new PointsIssued(id, ACCOUNT, amount, T0, purchase, BUCKETS.expiryAt(T0), BUCKETS.lotIdAt(T0));
    }

    @Test
    void revoking_a_purchase_whose_lot_is_untouched_takes_back_all_its_points_and_only_those() {
        AccountScenario scenario = given(issued("i1", 100, "p-1"), issued("i2", 170, "p-2"));

        List<PointsEvent> events = scenario.when(new RevokePoints(ACCOUNT, 170, "p-2"), LATER);

        assertThat(events).containsExactly(new PointsRevoked("e1", ACCOUNT, 170, LATER, "p-2", 170,
                List.of(new LotShare(DAY_1, 170))));
    }

    @Test
    void on_a_partly_spent_lot_a_purchase_counts_as_its_newest_points_so_what_remains_is_taken_up_to_its_issue() {
        AccountScenario scenario = given(issued("i1", 100, "p-1"), issued("i2", 170, "p-2"),
                new PointsRedeemed("r", ACCOUNT, 200, T0.plusSeconds(1), "r-1", List.of(new LotShare(DAY_1, 200))));

        List<PointsEvent> second = scenario.when(new RevokePoints(ACCOUNT, 170, "p-2"), LATER);
        List<PointsEvent> first = scenario.when(new RevokePoints(ACCOUNT, 100, "p-1"), LATER);

        assertThat(second).containsExactly(new PointsRevoked("e1", ACCOUNT, 70, LATER, "p-2", 170,
                List.of(new LotShare(DAY_1, 70))));
        assertThat(first).singleElement().extracting(PointsEvent::amount).isEqualTo(70L);
        scenario.record(second);
        assertThat(scenario.when(new RevokePoints(ACCOUNT, 100, "p-1"), LATER)).singleElement()
                .satisfies(revoked -> {
                    assertThat(revoked.amount()).isZero();
                    assertThat(((PointsRevoked) revoked).requested() - revoked.amount()).isEqualTo(100);
                });
    }

    @Test
    void a_revocation_told_the_purchase_issue_by_its_record_finds_it_after_the_account_forgot_the_command() {
        AccountScenario scenario = given(issued("i1", 100, "p-1"));
        for (int i = 0; i < PointsAccount.DEFAULT_REMEMBERED; i++) {
            scenario.record(scenario.when(new IssuePoints(ACCOUNT, 1, "other-" + i), T0.plusSeconds(i)));
        }
        assertThat(scenario.account().appliedCommand("p-1")).isEmpty();

        List<PointsEvent> forgotten = scenario.when(new RevokePoints(ACCOUNT, 100, "p-1"), LATER);
        List<PointsEvent> told = scenario.when(new RevokePoints(ACCOUNT, 100, "p-1")
                .withIssue(new PurchaseIssue(DAY_1, 100)), LATER);

        assertThat(forgotten).singleElement().extracting(PointsEvent::amount).isEqualTo(0L);
        assertThat(told).singleElement().extracting(PointsEvent::amount).isEqualTo(100L);
    }

    @Test
    void an_issue_arriving_after_its_revocation_is_refused_and_a_second_revocation_records_nothing() {
        AccountScenario scenario = given(issued("i1", 100, "other"));

        List<PointsEvent> revocation = scenario.when(new RevokePoints(ACCOUNT, 170, "p-x"), LATER);
        scenario.record(revocation);

        assertThat(revocation).containsExactly(new PointsRevoked("e1", ACCOUNT, 0, LATER, "p-x", 170, List.of()));
        assertThat(scenario.when(new IssuePoints(ACCOUNT, 170, "p-x"), LATER)).isEmpty();
        assertThat(scenario.when(new RevokePoints(ACCOUNT, 170, "p-x"), LATER)).isEmpty();
        assertThat(scenario.account().balanceAt(LATER)).isEqualTo(100);
    }

    @Test
    void the_account_remembers_the_sequence_each_recent_command_produced_and_a_repeat_produces_nothing() {
        AccountScenario scenario = given(issued("i1", 100, "issue-key"),
                new PointsRedeemed("r", ACCOUNT, 30, LATER, "redeem-key", List.of(new LotShare(DAY_1, 30))));

        assertThat(scenario.account().appliedCommand("issue-key")).isEqualTo(OptionalLong.of(1));
        assertThat(scenario.account().appliedCommand("redeem-key")).isEqualTo(OptionalLong.of(2));
        assertThat(scenario.when(new IssuePoints(ACCOUNT, 100, "issue-key"), LATER)).isEmpty();
        assertThat(scenario.when(new RedeemPoints(ACCOUNT, 30, "redeem-key"), LATER)).isEmpty();
        assertThat(scenario.when(new RedeemPoints(ACCOUNT, 30, "new-key"), LATER)).hasSize(1);
        assertThat(scenario.account().appliedCommand(new RedeemPoints(ACCOUNT, 5, "issue-key"))).isEmpty();
        assertThat(scenario.when(new RedeemPoints(ACCOUNT, 5, "issue-key"), LATER)).hasSize(1);
    }

    @Test
    void the_memory_keeps_only_the_last_n_commands() {
        PointsAccount account = PointsAccount.empty(ACCOUNT, 3);
        for (int i = 1; i <= 5; i++) {
            account.apply(new PointsIssued("i" + i, ACCOUNT, 1, T0, "c-" + i, BUCKETS.expiryAt(T0), DAY_1));
        }

        assertThat(account.recentCommands()).extracting(RecentCommand::key).containsExactly("c-3", "c-4", "c-5");
        assertThat(account.appliedCommand("c-2")).isEmpty();
        assertThat(account.appliedCommand("c-5")).isEqualTo(OptionalLong.of(5));
        assertThat(account.copy().recentCommands()).isEqualTo(account.recentCommands());
    }
}
